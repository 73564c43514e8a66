// DOM. The case file's Transfer tab: where the case stands (pending at another office, transferred
// and read-only, received), every file sent or received with its answer, sending the case, and the
// handover meeting with the receiving worker (G:L250, L263).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { CheckboxField, TextAreaField, TextField } from '../../ui/Field';
import { useDayFormat, todayUtc } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { downloadTransferFile } from './files';
import { SendDialog } from './SendDialog';

const stateTone = { none: 'neutral', pending: 'warning', transferred: 'info', received: 'success' } as const;

function HandoverForm({ caseId, onSaved }: { caseId: string; onSaved: () => void }) {
  const { t } = useTranslation('transfer');
  const [form, setForm] = useState({ metOn: todayUtc(), receivingWorker: '', attendees: '', childAttended: true, officials: '', childToldNewWorker: false, safetyPlanUpdated: false, newContact: '', notes: '' });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({ mutationFn: () => call('transfer.saveHandover', { caseId, handover: form }), onSuccess: onSaved });
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextField label={t('handover.metOn')} type="date" required value={form.metOn} onChange={(e) => set('metOn', e.currentTarget.value)} />
      <TextField label={t('handover.receivingWorker')} required value={form.receivingWorker} onChange={(e) => set('receivingWorker', e.currentTarget.value)} />
      <TextAreaField label={t('handover.attendees')} required rows={2} value={form.attendees} onChange={(e) => set('attendees', e.currentTarget.value)} />
      <TextField label={t('handover.officials')} value={form.officials} onChange={(e) => set('officials', e.currentTarget.value)} />
      <CheckboxField label={t('handover.childAttended')} checked={form.childAttended} onChange={(e) => set('childAttended', e.currentTarget.checked)} />
      <CheckboxField label={t('handover.childTold')} checked={form.childToldNewWorker} onChange={(e) => set('childToldNewWorker', e.currentTarget.checked)} />
      <CheckboxField label={t('handover.safetyPlanUpdated')} checked={form.safetyPlanUpdated} onChange={(e) => set('safetyPlanUpdated', e.currentTarget.checked)} />
      {form.safetyPlanUpdated ? <TextField label={t('handover.newContact')} required value={form.newContact} onChange={(e) => set('newContact', e.currentTarget.value)} /> : null}
      <TextAreaField label={t('handover.notes')} rows={2} value={form.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <div>
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t('handover.save')}
        </Button>
      </div>
    </form>
  );
}

export default function TransferTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('transfer');
  const day = useDayFormat();
  const client = useQueryClient();
  const [sending, setSending] = useState(false);
  const [recording, setRecording] = useState(false);
  const key = ['transfer', 'case', caseFile.id];
  const status = useQuery({ queryKey: key, queryFn: () => call('transfer.caseStatus', { caseId: caseFile.id }) });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorAlert error={status.error} />;
  const { state, transfers, handovers } = status.data;
  const canSend = caseFile.canWrite && state !== 'pending' && state !== 'transferred';
  return (
    <div className="stack">
      <Card
        title={t('tab.title')}
        actions={
          canSend ? (
            <Button variant="primary" onClick={() => setSending(true)}>
              {t('send.open')}
            </Button>
          ) : null
        }
      >
        <p>
          <Badge tone={stateTone[state]}>{t(`states.${state}`)}</Badge>
        </p>
        <p className="muted">{t(`stateHelp.${state}`)}</p>
        {transfers.length === 0 ? <p className="muted">{t('tab.none')}</p> : null}
        <ul className="stack" aria-label={t('tab.history')}>
          {transfers.map((x) => (
            <li key={x.id}>
              {t(x.direction === 'out' ? 'tab.sentTo' : 'tab.receivedFrom', { name: x.partnerName, date: day(x.sentAt) })} · {t(`reasons.${x.reason}`, { defaultValue: x.reason })} ·{' '}
              <Badge tone={x.status === 'accepted' ? 'success' : x.status === 'rejected' ? 'danger' : 'warning'}>{t(`status.${x.status}`)}</Badge>
              {x.decidedAt ? ` ${day(x.decidedAt)}` : null}
              {x.decisionReason ? ` — ${x.decisionReason}` : null}{' '}
              {x.direction === 'out' ? (
                <Button size="sm" onClick={() => void downloadTransferFile(x.id, 'package')}>
                  {t('tab.downloadFile')}
                </Button>
              ) : null}
              {x.hasReceipt ? (
                <Button size="sm" onClick={() => void downloadTransferFile(x.id, 'receipt')}>
                  {t('tab.downloadReceipt')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card
        title={t('handover.title')}
        actions={
          caseFile.canWrite && !recording ? (
            <Button onClick={() => setRecording(true)}>{t('handover.record')}</Button>
          ) : null
        }
      >
        <p className="muted">{t('handover.help')}</p>
        {recording ? (
          <HandoverForm
            caseId={caseFile.id}
            onSaved={() => {
              setRecording(false);
              void refresh();
            }}
          />
        ) : null}
        <ul>
          {handovers.map((h) => (
            <li key={h.id}>
              {day(h.metOn)} · {h.receivingWorker} · {h.attendees}
              {h.childToldNewWorker ? ` · ${t('handover.childTold')}` : ''}
              {h.safetyPlanUpdated ? ` · ${t('handover.safetyPlanUpdatedWith', { contact: h.newContact })}` : ''}
            </li>
          ))}
        </ul>
      </Card>
      {sending ? (
        <SendDialog
          caseId={caseFile.id}
          onClose={() => setSending(false)}
          onSent={() => {
            setSending(false);
            void refresh();
          }}
        />
      ) : null}
    </div>
  );
}
