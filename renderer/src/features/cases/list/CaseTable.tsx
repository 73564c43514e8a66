// DOM. The case list as a real table whose rows are virtualized: only the rows in view (plus a few)
// are in the DOM, so 100 000 cases scroll as smoothly as 50. Pages of 50 are fetched as the end
// comes into view. Each row's name is a link (Enter opens); ↑/↓, Page Up/Down, Home and End move
// between rows; clicking anywhere on a row opens it too.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseRow } from '@shared/cases/contract';
import { PriorityBadge, ReviewDue, RiskBadge, StageLabel, StatusBadge } from '../CaseBadges';
import { childName, useCaseFormat } from '../format';
import { naturalDir, type CaseListFilters, type SortField } from './listParams';
import { UserText } from '../../../ui/UserText';

const ROW_HEIGHT = 52;
const PAGE_STEP = 10;

interface Props {
  rows: CaseRow[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  filters: CaseListFilters;
  onSort: (sort: CaseListFilters['sort']) => void;
}

interface ColumnDef {
  key: string;
  sort?: SortField;
  className: string;
}

const columns: ColumnDef[] = [
  { key: 'name', sort: 'name', className: 'col-name' },
  { key: 'age', sort: 'age', className: 'col-age' },
  { key: 'stage', className: 'col-stage' },
  { key: 'risk', sort: 'risk', className: 'col-risk' },
  { key: 'worker', className: 'col-worker' },
  { key: 'reviewDue', sort: 'reviewDue', className: 'col-review' },
  { key: 'updatedAt', sort: 'updatedAt', className: 'col-updated' },
];

export function CaseTable({ rows, total, hasMore, loadingMore, loadMore, filters, onSort }: Props) {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  const navigate = useNavigate();
  const scroller = useRef<HTMLDivElement>(null);
  const count = rows.length + (hasMore ? 1 : 0);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1;

  // A new search, filter or sort starts at the top.
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [filterKey]);

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - 15) loadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, loadMore]);

  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(rows.length - 1, index));
      const focus = () => scroller.current?.querySelector<HTMLAnchorElement>(`a[data-row="${target}"]`);
      const link = focus();
      if (link) {
        link.focus();
        link.scrollIntoView({ block: 'nearest' });
        return;
      }
      virtualizer.scrollToIndex(target, { align: 'auto' });
      // The row is rendered on the next frames.
      let tries = 0;
      const retry = () => {
        const found = focus();
        if (found) found.focus();
        else if (tries++ < 10) window.requestAnimationFrame(retry);
      };
      window.requestAnimationFrame(retry);
    },
    [rows.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    const current = Number(target.dataset.row);
    if (Number.isNaN(current) || target.tagName !== 'A') return;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + PAGE_STEP,
      PageUp: current - PAGE_STEP,
      Home: 0,
      End: rows.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    focusRow(moves[event.key]);
  };

  const sortButton = (column: ColumnDef) => {
    const label = t(`list.columns.${column.key}`);
    if (!column.sort) return label;
    const active = filters.sort.by === column.sort;
    const nextDir = active ? (filters.sort.dir === 'asc' ? 'desc' : 'asc') : naturalDir[column.sort];
    return (
      <button type="button" className="sort-button" onClick={() => onSort({ by: column.sort!, dir: nextDir })}>
        <span>{label}</span>
        <span className="sort-button__arrow" aria-hidden="true">
          {active ? (filters.sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    );
  };

  const paddingTop = items.length > 0 ? items[0].start : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  return (
    <div className="case-table" ref={scroller} role="region" aria-label={t('list.tableLabel')} tabIndex={-1}>
      <table className="table case-table__table" aria-rowcount={total + 1}>
        <caption className="visually-hidden">{t('list.caption', { count: total, total: format.number(total) })}</caption>
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} className={column.className} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.className}
                aria-sort={column.sort && filters.sort.by === column.sort ? (filters.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {sortButton(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="case-table__spacer">
              <td colSpan={columns.length} style={{ blockSize: paddingTop }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) {
              return (
                <tr key="loader" className="case-table__loader">
                  <td colSpan={columns.length} style={{ blockSize: ROW_HEIGHT }}>
                    <span className="spinner spinner--dark" aria-hidden="true" /> {t('list.loadingMore')}
                  </td>
                </tr>
              );
            }
            const name = childName(row);
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                className="case-table__row"
                style={{ blockSize: ROW_HEIGHT }}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest('a, button')) return;
                  if (window.getSelection()?.toString()) return;
                  navigate(`/cases/${row.id}`);
                }}
              >
                <th scope="row" className="col-name">
                  <Link to={`/cases/${row.id}`} data-row={item.index} className="case-table__link">
                    <bdi>{name}</bdi>
                  </Link>
                  <span className="case-table__meta">
                    <span className="case-table__number mono" dir="ltr">
                      {row.number}
                    </span>
                    <StatusBadge status={row.status} />
                    <PriorityBadge priority={row.priority} />
                    {row.spontaneous ? <span className="badge badge--info">{t('case.spontaneousShort')}</span> : null}
                  </span>
                </th>
                <td className="col-age">{row.ageYears === null ? '—' : format.number(row.ageYears)}</td>
                <td className="col-stage">
                  <StageLabel stage={row.stage} short />
                </td>
                <td className="col-risk">
                  <RiskBadge level={row.riskLevel} />
                </td>
                <td className="col-worker">{row.workerName ? <UserText>{row.workerName}</UserText> : <span className="muted">{t('case.unassigned')}</span>}</td>
                <td className="col-review">
                  <ReviewDue date={row.reviewDue} overdue={row.overdue} />
                </td>
                <td className="col-updated">{format.day(row.updatedAt)}</td>
              </tr>
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="case-table__spacer">
              <td colSpan={columns.length} style={{ blockSize: paddingBottom }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
