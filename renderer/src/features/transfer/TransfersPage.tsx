// DOM. Transfers: open a file from another office — a case (preview, duplicates, conflicts when
// it comes back, then accept and assign, or reject with a reason) or a receipt (apply it) — and,
// for supervisors, the transfers still waiting for an answer.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedTransfer } from '@shared/transfer/contract';
import { ApiError, call } from '../../api';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { formatBytes } from '../../ui/files';
import { useDayFormat } from '../../ui/format';
import { Alert, Card, ErrorAlert, PageHeader } from '../../ui/misc';
import { ConflictList } from './ConflictList';
import { downloadTransferFile, uploadTransferFile } from './files';

type CaseOpened = Extract<OpenedTransfer, { kind: 'case' }>;

function CasePreview({ uploadId, opened, onDone }: { uploadId: string; opened: CaseOpened; onDone: (message: string) => void }) {
  const { t } = useTranslation('transfer');
  const day = useDayFormat();
  const staff = useQuery({ queryKey: ['cases', 'staff'], queryFn: () => call('cases.staff', {}) });
  const [assignTo, setAssignTo] = useState('');
  const [take, setTake] = useState<Record<string, 'ours' | 'theirs'>>({});
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const accept = useMutation({
    mutationFn: async () => {
      const done = await call('transfer.accept', {
        uploadId,
        assignTo,
        notDuplicateOf: opened.duplicates.map((d) => d.caseId),
        resolutions: Object.entries(take).map(([key, side]) => ({ key, take: side })),
      });
      await downloadTransferFile(done.transferId, 'receipt');
      return done;
    },
    onSuccess: () => onDone(t('open.accepted')),
  });
  const reject = useMutation({
    mutationFn: async () => {
      const done = await call('transfer.reject', { uploadId, reason });
      await downloadTransferFile(done.transferId, 'receipt');
    },
    onSuccess: () => onDone(t('open.rejected')),
  });
  const unresolved = (opened.returning?.conflicts ?? []).filter((c) => !take[c.key]).length;
  return (
    <Card title={t('open.caseFrom', { name: opened.sender.name, code: opened.sender.code })}>
      <p>
        {t('open.sentOn', { date: day(opened.sentAt), by: opened.transfer.sentByName, number: opened.transfer.senderCaseNumber })} · {t(`reasons.${opened.transfer.reason}`, { defaultValue: opened.transfer.reason })}
      </p>
      <p>
        <strong>
          {opened.child.givenName} {opened.child.familyName}
        </strong>{' '}
        {opened.child.dateOfBirth ? day(opened.child.dateOfBirth) : null}
      </p>
      <ul data-testid="incoming-preview">
        {opened.sections.map((s) => (
          <li key={s.table}>
            <strong>{t(`tables.${s.table}`)}</strong>: {s.rows.map((r) => r.label).join('; ')}
          </li>
        ))}
        {opened.documents.map((d) => (
          <li key={d.id}>
            {t('tables.case_documents')}: {d.title} ({formatBytes(d.bytes, 'en')})
          </li>
        ))}
      </ul>
      {opened.duplicates.length > 0 ? (
        <Alert tone="warning" title={t('open.duplicates')}>
          <ul>
            {opened.duplicates.map((d) => (
              <li key={d.caseId}>
                {d.number} · {d.name}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {opened.returning ? (
        <ConflictList returning={opened.returning} take={take} onTake={(key, side) => setTake((now) => ({ ...now, [key]: side }))} />
      ) : null}
      <SelectField label={t('open.assignTo')} required value={assignTo} onChange={(e) => setAssignTo(e.currentTarget.value)}>
        <option value="">{t('send.choose')}</option>
        {(staff.data ?? []).map((s) => (
          <option key={s.id} value={s.id}>
            {s.displayName}
          </option>
        ))}
      </SelectField>
      {accept.isError ? <ErrorAlert error={accept.error} /> : null}
      {reject.isError ? <ErrorAlert error={reject.error} /> : null}
      <div className="form-footer">
        <Button variant="primary" disabled={assignTo === '' || unresolved > 0} busy={accept.isPending} onClick={() => accept.mutate()}>
          {opened.returning ? t('open.merge') : t('open.accept')}
        </Button>
        <Button variant="danger" onClick={() => setRejecting(true)}>
          {t('open.reject')}
        </Button>
      </div>
      {rejecting ? (
        <div className="stack">
          <TextAreaField label={t('open.rejectReason')} required rows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <div>
            <Button variant="danger" disabled={reason.trim() === ''} busy={reject.isPending} onClick={() => reject.mutate()}>
              {t('open.confirmReject')}
            </Button>
          </div>
        </div>
      ) : null}
    </Card>
  );
}

function PendingList() {
  const { t } = useTranslation('transfer');
  const day = useDayFormat();
  const pending = useQuery({ queryKey: ['transfer', 'pending'], queryFn: () => call('transfer.pending', {}) });
  if (!pending.data) return pending.isError ? <ErrorAlert error={pending.error} /> : null;
  return (
    <Card title={t('pending.title')}>
      {pending.data.length === 0 ? <p className="muted">{t('pending.none')}</p> : null}
      <ul>
        {pending.data.map((p) => (
          <li key={p.transferId}>
            {p.caseNumber} · {p.partnerName} · {day(p.sentAt)} · {t('pending.days', { n: p.days })}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function TransfersPage() {
  const { t, i18n } = useTranslation('transfer');
  const { session } = useSession();
  const client = useQueryClient();
  const [opened, setOpened] = useState<{ uploadId: string; value: OpenedTransfer } | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const open = useMutation({
    mutationFn: async (file: File) => {
      setDone(null);
      const uploadId = await uploadTransferFile(file, (d, total) => setProgress(t('progress', { done: formatBytes(d, i18n.language), total: formatBytes(total, i18n.language) })));
      return { uploadId, value: await call('transfer.open', { uploadId }) };
    },
    onSuccess: setOpened,
  });
  const apply = useMutation({
    mutationFn: (uploadId: string) => call('transfer.applyReceipt', { uploadId }),
    onSuccess: async (r) => {
      // The case's transfer state and its read-only flag changed: drop what the screens cached.
      await client.invalidateQueries({ queryKey: ['transfer'] });
      await client.invalidateQueries({ queryKey: ['cases'] });
      setOpened(null);
      setDone(t(r.decision === 'accepted' ? 'receipt.appliedAccepted' : 'receipt.appliedRejected'));
    },
  });
  const refusal = open.error instanceof ApiError ? open.error : null;
  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <div className="stack">
        <Card title={t('open.title')}>
          <TextField
            label={t('open.file')}
            type="file"
            accept=".homeward"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              setOpened(null);
              if (file) open.mutate(file);
            }}
          />
          {progress && open.isPending ? <p role="status">{progress}</p> : null}
          {refusal ? <ErrorAlert error={refusal} /> : open.isError ? <ErrorAlert error={open.error} /> : null}
          {done ? (
            <Alert tone="success" title={done}>
              {t('open.receiptHelp')}
            </Alert>
          ) : null}
        </Card>
        {opened?.value.kind === 'case' ? (
          <CasePreview
            uploadId={opened.uploadId}
            opened={opened.value}
            onDone={(message) => {
              void client.invalidateQueries({ queryKey: ['transfer'] });
              setOpened(null);
              setDone(message);
            }}
          />
        ) : null}
        {opened?.value.kind === 'receipt' ? (
          <Card title={t('receipt.title', { name: opened.value.sender.name })}>
            <p>{t(`receipt.${opened.value.decision}`, { by: opened.value.decidedByName, reason: opened.value.reason })}</p>
            {apply.isError ? <ErrorAlert error={apply.error} /> : null}
            <Button variant="primary" busy={apply.isPending} onClick={() => apply.mutate(opened.uploadId)}>
              {t('receipt.apply')}
            </Button>
          </Card>
        ) : null}
        {session?.permissions.includes('case.approve') ? <PendingList /> : null}
      </div>
    </>
  );
}
