// DOM. Gate exceptions on the case file, beside "what's next": the exceptions asked for and decided
// on this case, Approve / Refuse for another supervisor (four eyes: the core refuses one's own),
// and a short form to ask for an exception to a gate that blocks the case, with a reason.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exceptionReasonKinds, type ExceptionReasonKind } from '@shared/approvals/rules';
import type { GateException } from '@shared/approvals/contract';
import type { CaseFile } from '@shared/cases/contract';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { SelectField, TextAreaField } from '../../ui/Field';
import { Badge, ErrorAlert } from '../../ui/misc';
import { invalidateCase } from '../../app/caseCache';

// Under the case's key: emptied on lock and logout with the rest of the case.
const keys = { list: (caseId: string) => ['case', caseId, 'exceptions'] as const };

function ExceptionItem({ item, caseId, canApprove }: { item: GateException; caseId: string; canApprove: boolean }) {
  const { t } = useTranslation(['approvals', 'cases']);
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (decision: 'approved' | 'refused') => call('approvals.decideException', { caseId, exceptionId: item.id, decision, note }),
    onSuccess: () => {
      void invalidateCase(queryClient, caseId);
    },
  });
  const tone = item.status === 'approved' ? 'success' : item.status === 'pending' ? 'warning' : 'neutral';
  return (
    <li className="gate-exception">
      <p>
        <Badge tone={tone}>{t(`status.${item.status}`)}</Badge> <strong>{t(`cases:gates.${item.gateId}`, { defaultValue: t(`consentGates.${item.gateId}`, { defaultValue: item.gateId }) })}</strong>
        {item.selfApproved ? <> <Badge tone="warning">{t('selfApproved')}</Badge></> : null}
      </p>
      <p>
        {t(`reasons.${item.reasonKind}`)}: <bdi dir="auto">{item.reason}</bdi>
      </p>
      <p className="muted">
        {t('askedBy', { name: item.requestedByName ?? '—' })}
        {item.decidedByName ? ` · ${t('decidedBy', { name: item.decidedByName })}` : ''}
        {item.decisionNote ? <> · <bdi dir="auto">{item.decisionNote}</bdi></> : null}
      </p>
      {item.status === 'pending' && canApprove ? (
        <div className="stack">
          <TextAreaField label={t('note')} description={t('noteHelp')} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
          <div className="row">
            <Button variant="primary" size="sm" busy={decide.isPending} onClick={() => decide.mutate('approved')}>
              {t('approve')}
            </Button>
            <Button size="sm" busy={decide.isPending} onClick={() => decide.mutate('refused')}>
              {t('refuse')}
            </Button>
          </div>
          <ErrorAlert error={decide.error} />
        </div>
      ) : null}
    </li>
  );
}

function RequestForm({ caseFile, gateIds }: { caseFile: CaseFile; gateIds: string[] }) {
  const { t } = useTranslation(['approvals', 'cases']);
  const queryClient = useQueryClient();
  const [gateId, setGateId] = useState(gateIds[0] ?? '');
  const [reasonKind, setReasonKind] = useState<ExceptionReasonKind>('distance');
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const request = useMutation({
    mutationFn: () => call('approvals.requestException', { caseId: caseFile.id, gateId: gateId || gateIds[0], reasonKind, reason }),
    onSuccess: () => {
      setOpen(false);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: keys.list(caseFile.id) });
    },
  });
  if (!open) {
    return (
      <Button size="sm" onClick={() => setOpen(true)}>
        {t('ask')}
      </Button>
    );
  }
  return (
    <form
      className="stack"
      noValidate
      aria-label={t('askTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate();
      }}
    >
      <SelectField label={t('gate')} value={gateId} onChange={(e) => setGateId(e.target.value)}>
        {gateIds.map((id) => (
          <option key={id} value={id}>
            {t(`cases:gates.${id}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('reasonKind')} value={reasonKind} onChange={(e) => setReasonKind(e.target.value as ExceptionReasonKind)}>
        {exceptionReasonKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`reasons.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('reason')} description={t('reasonHelp')} required value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
      <ErrorAlert error={request.error} />
      <div className="row">
        <Button type="submit" variant="primary" size="sm" busy={request.isPending}>
          {t('send')}
        </Button>
        <Button size="sm" onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}

export function GateExceptions({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('approvals');
  const session = useReadySession();
  const list = useQuery({ queryKey: keys.list(caseFile.id), queryFn: () => call('approvals.listExceptions', { caseId: caseFile.id }) });
  const items = list.data ?? [];
  const open = new Set(items.filter((i) => i.status === 'pending' || i.status === 'approved').map((i) => i.gateId));
  const askable = caseFile.next.blocked.map((g) => g.id).filter((id) => !open.has(id));
  if (items.length === 0 && (askable.length === 0 || !caseFile.canWrite)) return null;
  return (
    <div className="gate-exceptions">
      <h3 className="gate-exceptions__title">{t('title')}</h3>
      {items.length > 0 ? (
        <ul className="gate-exceptions__list">
          {items.map((item) => (
            <ExceptionItem key={item.id} item={item} caseId={caseFile.id} canApprove={session.permissions.includes('case.approve')} />
          ))}
        </ul>
      ) : null}
      {caseFile.canWrite && caseFile.status === 'open' && askable.length > 0 ? <RequestForm caseFile={caseFile} gateIds={askable} /> : null}
    </div>
  );
}
