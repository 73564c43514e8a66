// DOM. The audit log: who did what and when, filtered, newest first with "load more", and the
// state of the hash chain (intact, or where it was edited, deleted or cut short).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/audit/contract';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { Table, type Column } from '../../ui/Table';
import { useUsers } from '../admin/queries';
import { AnchorCheck } from './AnchorCheck';
import { AuditFiltersForm } from './AuditFiltersForm';
import { ChainStatus } from './ChainStatus';
import { FullCheck } from './FullCheck';
import { useAuditLog, type AuditFilters } from './queries';
import { UserText } from '../../ui/UserText';

function useActionLabel() {
  const { t, i18n } = useTranslation(['audit', 'common']);
  return (action: string) => (i18n.exists(`audit:actions.${action}`) ? t(`actions.${action}` as never) : action);
}

function Details({ details }: { details: AuditEntry['details'] }) {
  if (!details) return null;
  const pairs = Object.entries(details).filter(([, value]) => value !== null && value !== undefined);
  if (pairs.length === 0) return null;
  return (
    <dl className="details" dir="ltr">
      {pairs.map(([key, value]) => (
        <div key={key} className="details__pair">
          <dt>{key}</dt>
          <dd>
            <UserText>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</UserText>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation(['audit', 'common']);
  const format = useFormat();
  const session = useReadySession();
  const canListUsers = session.permissions.includes('users.manage');
  const users = useUsers(canListUsers);
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const actionLabel = useActionLabel();

  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.entries) ?? [], [log.data]);
  const userNames = useMemo(() => new Map((users.data ?? []).map((user) => [user.id, user.displayName])), [users.data]);
  const userOptions = useMemo(() => {
    if (users.data) return users.data.map((user) => ({ id: user.id, label: `${user.displayName} (${user.username})` }));
    // Without users.manage (a supervisor) the people come from the entries seen so far.
    const seen = new Map<string, string>();
    for (const entry of entries) if (entry.userId && entry.username) seen.set(entry.userId, entry.username);
    return [...seen].map(([id, label]) => ({ id, label }));
  }, [users.data, entries]);

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('columns.at'), className: 'cell-nowrap', cell: (entry) => <time dateTime={entry.at}>{format.dateTime(entry.at)}</time> },
    {
      key: 'user',
      header: t('columns.user'),
      cell: (entry) =>
        entry.username ? (
          <UserText>{(entry.userId && userNames.get(entry.userId)) || entry.username}</UserText>
        ) : (
          <span className="muted">{t('system')}</span>
        ),
    },
    { key: 'action', header: t('columns.action'), rowHeader: true, cell: (entry) => actionLabel(entry.action) },
    {
      key: 'entity',
      header: t('columns.entity'),
      cell: (entry) =>
        entry.entityType ? (
          <span>
            {t(`entities.${entry.entityType}` as never, { defaultValue: entry.entityType })}
            {entry.entityId && entry.entityType === 'user' && userNames.get(entry.entityId) ? (
              <span className="cell-sub" dir="auto">
                {userNames.get(entry.entityId)}
              </span>
            ) : entry.entityId ? (
              <span className="cell-sub mono cell-id" dir="ltr">
                {entry.entityId}
              </span>
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
    { key: 'details', header: t('columns.details'), cell: (entry) => <Details details={entry.details} /> },
    { key: 'id', header: t('columns.id'), className: 'cell-num', cell: (entry) => format.number(entry.id) },
  ];

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <ChainStatus />
      <FullCheck />
      <AnchorCheck />
      <AuditFiltersForm users={userOptions} onChange={setFilters} />
      <ErrorAlert error={log.error} />
      {log.isPending ? <Loading /> : null}
      {log.data ? (
        <>
          <Table
            label={t('title')}
            caption={t('caption')}
            captionHidden
            columns={columns}
            rows={entries}
            rowKey={(entry) => entry.id}
            empty={t('empty')}
          />
          <div className="table-footer">
            <p className="muted" role="status">
              {t('shown', { shown: format.number(entries.length) })}
            </p>
            {log.hasNextPage ? (
              <Button onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage}>
                {t('loadMore')}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}
