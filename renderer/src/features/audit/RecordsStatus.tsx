// DOM. What the full check found in the case data and the schema: cases whose rows changed outside
// the app since their last audited change, cases not yet anchored, and removed append-only
// triggers. The case data is hashed in a worker thread (seconds on a large office), so while it
// runs this shows its progress and, if there is one, the result of the last check with its time.
import { useTranslation } from 'react-i18next';
import type { AuditVerifyStatus } from '@shared/audit/contract';
import type { ChannelOutput } from '@shared/contract';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useFullCheck } from './queries';

type Records = NonNullable<AuditVerifyStatus['records']>;

function CaseData({ records }: { records: Records }) {
  const { t } = useTranslation(['audit', 'common']);
  const format = useFormat();
  return (
    <>
      {records.changedCount > 0 ? (
        <Alert title={t('records.changedTitle')}>
          <p>{t('records.changed', { count: records.changedCount })}</p>
          <ul className="plain-list" dir="ltr">
            {records.changed.map((c) => (
              <li key={c.caseId}>
                <bdi>{c.caseId}</bdi> — {t('records.lastEntry', { id: format.number(c.auditId) })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <p className="muted">{t('records.ok', { count: records.checked })}</p>
      )}
      {records.unanchored > 0 ? <p className="muted">{t('records.unanchored', { count: records.unanchored })}</p> : null}
    </>
  );
}

function FullCheckProgress({ progress }: { progress: ChannelOutput<'audit.verifyFull'> }) {
  const { t } = useTranslation(['audit', 'common']);
  const format = useFormat();
  const chain = progress.phase === 'chain';
  const done = chain ? progress.checked : progress.recordsChecked;
  const total = chain ? progress.total : progress.recordsTotal;
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div className="backup-progress" role="status" aria-live="polite">
      <label htmlFor="audit-full-progress">{t(chain ? 'records.phaseChain' : 'records.phaseRecords')}</label>
      <progress id="audit-full-progress" max={1} value={fraction} aria-valuetext={`${format.number(Math.round(fraction * 100))} %`} />
    </div>
  );
}

export function RecordsStatus({ status }: { status: AuditVerifyStatus }) {
  const { t } = useTranslation(['audit', 'common']);
  const format = useFormat();
  const full = useFullCheck();
  const progress = full.progress;
  const running = progress?.state === 'running';
  const records = progress?.state === 'done' ? progress.records : status.records;
  return (
    <div className="stack">
      {running ? <FullCheckProgress progress={progress} /> : null}
      {progress?.state === 'done' && progress.result && !progress.result.intact ? (
        <Alert title={t('chain.broken')}>
          {t(`chain.problems.${progress.result.problem ?? 'edited'}`, { id: progress.result.brokenAtId === null ? '—' : format.number(progress.result.brokenAtId) })}
        </Alert>
      ) : null}
      {records ? <CaseData records={records} /> : null}
      {!running && progress?.state !== 'done' && status.recordsCheckedAt ? (
        <p className="muted">{t('records.asOf', { at: format.dateTime(status.recordsCheckedAt) })}</p>
      ) : null}
      {progress?.state === 'failed' ? <Alert>{t('records.failed')}</Alert> : null}
      {status.schemaRepairs > 0 ? <Alert title={t('records.schemaTitle')}>{t('records.schema', { count: status.schemaRepairs })}</Alert> : null}
      <ErrorAlert error={full.error} />
      <div className="row">
        <Button size="sm" onClick={full.start} busy={running || full.starting} disabled={running}>
          {t('records.checkAll')}
        </Button>
      </div>
    </div>
  );
}
