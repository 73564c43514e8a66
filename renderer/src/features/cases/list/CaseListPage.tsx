// DOM. The case list: search, filters and sort (in the URL), the total, and the virtualized table.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useReadySession } from '../../../app/session';
import { ErrorAlert, Loading, PageHeader } from '../../../ui/misc';
import { useCaseFormat, useDocumentTitle } from '../format';
import { useCaseList } from '../queries';
import { CaseFilters, CaseSearch, CaseSort } from './CaseFilters';
import { CaseTable } from './CaseTable';
import { activeFilterCount, filtersFromParams, paramsFromFilters, type CaseListFilters } from './listParams';

export function CaseListPage() {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  const session = useReadySession();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string stands for the params
  const filters = useMemo(() => filtersFromParams(params), [key]);
  const list = useCaseList(filters);
  useDocumentTitle(t('list.title'));

  // The controls show a change at once; the URL (and the query) follow a moment later, as the
  // router applies navigation as a transition.
  const [shown, setShown] = useState(filters);
  useEffect(() => setShown(filters), [filters]);
  const onChange = useCallback(
    (next: CaseListFilters, options: { replace?: boolean } = {}) => {
      setShown(next);
      setParams(paramsFromFilters(next), { replace: options.replace ?? false });
    },
    [setParams],
  );

  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.rows) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const narrowed = Boolean(filters.search) || activeFilterCount(filters) > 0;
  const canWrite = session.permissions.includes('case.write');

  return (
    <div className="case-list">
      <PageHeader
        title={t('list.title')}
        description={session.permissions.includes('case.readAll') ? t('list.introAll') : t('list.introMine')}
        actions={
          canWrite ? (
            <Link className="btn btn--primary" to="/cases/new">
              {t('list.register')}
            </Link>
          ) : null
        }
      />
      <div className="case-list__controls" role="search" aria-label={t('list.searchLabel')}>
        <CaseSearch filters={shown} onChange={onChange} />
        <CaseSort filters={shown} onChange={onChange} />
      </div>
      <CaseFilters filters={shown} onChange={onChange} />
      <p className="case-list__total" role="status">
        {list.data ? (narrowed ? t('list.totalFiltered', { count: total, total: format.number(total) }) : t('list.total', { count: total, total: format.number(total) })) : ''}
        {list.isFetching && !list.isFetchingNextPage && list.data ? <span className="spinner spinner--dark case-list__busy" aria-hidden="true" /> : null}
      </p>
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && total === 0 ? (
        <div className="empty-state">
          <h2 className="empty-state__title">{narrowed ? t('list.noMatches') : t('list.empty')}</h2>
          <p>{narrowed ? t('list.noMatchesHelp') : canWrite ? t('list.emptyHelp') : t('list.emptyReadOnly')}</p>
          {narrowed ? (
            <Link to="/cases">{t('list.showAll')}</Link>
          ) : canWrite ? (
            <Link className="btn btn--primary" to="/cases/new">
              {t('list.register')}
            </Link>
          ) : null}
        </div>
      ) : null}
      {list.data && total > 0 ? (
        <CaseTable
          rows={rows}
          total={total}
          hasMore={Boolean(hasNextPage)}
          loadingMore={isFetchingNextPage}
          loadMore={loadMore}
          filters={filters}
          onSort={(sort) => onChange({ ...filters, sort })}
        />
      ) : null}
    </div>
  );
}
