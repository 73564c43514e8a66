// DOM. Referrals received from partner offices (supervisors): open a sealed referral file — the
// core verifies the sender's signature and decrypts it, and the screen shows exactly what came —
// accept it into this register (never as a case), and answer each one (ReceivedDetail).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '@shared/contract';
import { receivedStatuses } from '@shared/referrals/exchange';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { readAsBase64 } from '../../ui/files';
import { useDayFormat } from '../../ui/format';
import { Alert, Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { useResumeOnUnlockAny } from '../../ui/useResumeOnUnlock';
import { useDocumentTitle } from '../cases/format';
import { receivedDraftPrefix } from './kit';
import { ReceivedDetail, ReceivedFields, useReceivedCategory } from './ReceivedDetail';

type Preview = ChannelOutput<'referrals.openReceived'>;
const receivedKeys = { list: (status: string) => ['referrals', 'received', status] as const };

export function ReceivedPage() {
  const { t } = useTranslation('referrals');
  useDocumentTitle(t('received.title'));
  const day = useDayFormat();
  const categoryLabel = useReceivedCategory();
  const [status, setStatus] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  // An answer being typed when the session locked: its referral opens again, with the typing in it.
  useResumeOnUnlockAny(receivedDraftPrefix, (rest) => setChosen(rest.split(':')[0] ?? null));
  const list = useQuery({ queryKey: receivedKeys.list(status), queryFn: () => call('referrals.receivedList', { status: (status || null) as never }) });
  return (
    <div className="stack">
      <PageHeader title={t('received.title')} description={t('received.summary')} />
      <OpenFile onAccepted={setChosen} />
      <Card title={t('received.listTitle')}>
        <SelectField label={t('register.status')} value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('register.any')}</option>
          {receivedStatuses.map((s) => (
            <option key={s} value={s}>
              {t(s === 'sent' ? 'received.new' : `status.${s}`)}
            </option>
          ))}
        </SelectField>
        <ErrorAlert error={list.error} />
        {list.isPending ? <Loading /> : null}
        {list.data ? (
          <Table
            caption={t('received.listTitle')}
            captionHidden
            label={t('received.listTitle')}
            rows={list.data}
            rowKey={(r) => r.id}
            empty={t('received.empty')}
            columns={[
              {
                key: 'from',
                header: t('received.from'),
                rowHeader: true,
                cell: (r) => (
                  <Button size="sm" variant="ghost" onClick={() => setChosen(r.id)}>
                    {r.sender.name} ({r.sender.code})
                  </Button>
                ),
              },
              { key: 'category', header: t('register.category'), cell: (r) => categoryLabel(r.category, r.categoryLabels) },
              { key: 'urgency', header: t('register.urgency'), cell: (r) => t(`urgency.${r.urgency}`) },
              { key: 'status', header: t('register.status'), cell: (r) => t(r.status === 'sent' ? 'received.new' : `status.${r.status}`) },
              { key: 'sent', header: t('register.sentOn'), cell: (r) => day(r.sentOn) },
              { key: 'due', header: t('register.dueOn'), cell: (r) => (r.dueOn ? day(r.dueOn) : '—') },
            ]}
          />
        ) : null}
      </Card>
      {chosen ? <ReceivedDetail id={chosen} onClose={() => setChosen(null)} /> : null}
    </div>
  );
}

function OpenFile({ onAccepted }: { onAccepted: (id: string) => void }) {
  const { t } = useTranslation('referrals');
  const toast = useToast();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<string | null>(null);
  const open = useMutation({ mutationFn: (fileBase64: string) => call('referrals.openReceived', { fileBase64 }) });
  const accept = useMutation({
    mutationFn: (fileBase64: string) => call('referrals.acceptReceived', { fileBase64 }),
    onSuccess: async (received) => {
      await queryClient.invalidateQueries({ queryKey: ['referrals', 'received'] });
      toast.show(t('received.accepted'));
      setFile(null);
      open.reset();
      onAccepted(received.id);
    },
  });
  const preview: Preview | undefined = open.data;
  return (
    <Card title={t('received.openTitle')}>
      <TextField
        label={t('received.openFile')}
        description={t('received.openHelp')}
        type="file"
        accept=".homeward"
        onChange={(e) => {
          const picked = e.currentTarget.files?.[0];
          open.reset();
          accept.reset();
          setFile(null);
          if (picked) void readAsBase64(picked).then((data) => {
            setFile(data);
            open.mutate(data);
          });
        }}
      />
      <ErrorAlert error={open.error} />
      {preview && file ? (
        <div className="stack" data-testid="received-preview">
          <Alert tone="info" live={false}>
            {t('received.sender', { name: preview.sender.name, code: preview.sender.code, fingerprint: preview.sender.fingerprint })}
          </Alert>
          <ReceivedFields received={preview} />
          <div className="referral-card__actions">
            <Button variant="primary" busy={accept.isPending} onClick={() => accept.mutate(file)}>
              {t('received.accept')}
            </Button>
            <Button onClick={() => { setFile(null); open.reset(); }}>{t('received.cancel')}</Button>
          </div>
          <ErrorAlert error={accept.error} />
        </div>
      ) : null}
    </Card>
  );
}
