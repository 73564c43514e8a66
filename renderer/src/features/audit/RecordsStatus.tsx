// DOM. What verify found in the case data and the schema: cases whose rows changed outside the
// app since their last audited change, cases not yet anchored, and removed append-only triggers.
import { useTranslation } from 'react-i18next';
import type { AuditVerifyStatus } from '@shared/audit/contract';
import { useFormat } from '../../ui/format';
import { Alert } from '../../ui/misc';

export function RecordsStatus({ status }: { status: AuditVerifyStatus }) {
  const { t } = useTranslation(['audit', 'common']);
  const format = useFormat();
  const { records } = status;
  return (
    <div className="stack">
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
      {status.schemaRepairs > 0 ? <Alert title={t('records.schemaTitle')}>{t('records.schema', { count: status.schemaRepairs })}</Alert> : null}
    </div>
  );
}
