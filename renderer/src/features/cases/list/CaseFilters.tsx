// DOM. Search, filters and sort of the case list. Every change goes to the URL (search replaces the
// current entry as the person types, filters add one) so Back returns to the previous list.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSortFields } from '@shared/cases/contract';
import { caseRiskLevels, priorities } from '@shared/cases/fields';
import { caseStatuses, stages } from '@shared/cases/stages';
import { useReadySession } from '../../../app/session';
import { useAreas, useStaff } from '../queries';
import { activeFilterCount, defaultSort, type CaseListFilters, type SortField } from './listParams';

const SEARCH_DELAY_MS = 250;

interface Props {
  filters: CaseListFilters;
  onChange: (next: CaseListFilters, options?: { replace?: boolean }) => void;
}

function toggle<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
  const current = list ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return next.length > 0 ? next : undefined;
}

export function CaseSearch({ filters, onChange }: Props) {
  const { t } = useTranslation('cases');
  const id = useId();
  const [text, setText] = useState(filters.search ?? '');
  const urlSearch = filters.search ?? '';
  // Back/Forward (or "clear") changes the URL: the box follows.
  useEffect(() => setText((current) => (current.trim() === urlSearch ? current : urlSearch)), [urlSearch]);
  useEffect(() => {
    if (text.trim() === urlSearch) return undefined;
    const timer = window.setTimeout(() => {
      const search = text.trim() || undefined;
      // A search lists the best matches first (the core tolerates misspellings, so the exact
      // matches must lead), unless another sort was chosen; without a search, the default returns.
      let sort = filters.sort;
      if (search && !filters.search && sort.by === defaultSort.by && sort.dir === defaultSort.dir) sort = { by: 'relevance', dir: 'desc' };
      if (!search && sort.by === 'relevance') sort = { ...defaultSort };
      onChange({ ...filters, search, sort }, { replace: true });
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, urlSearch, filters, onChange]);

  return (
    <div className="case-search field">
      <label className="field__label" htmlFor={id}>
        {t('list.search')}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        value={text}
        maxLength={100}
        autoComplete="off"
        aria-describedby={`${id}-help`}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="field__description" id={`${id}-help`}>
        {t('list.searchHelp')}
      </p>
    </div>
  );
}

export function CaseSort({ filters, onChange }: Props) {
  const { t } = useTranslation('cases');
  const id = useId();
  return (
    <div className="case-sort">
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t('list.sortBy')}
        </label>
        <select
          id={id}
          className="input select"
          value={filters.sort.by}
          onChange={(event) => onChange({ ...filters, sort: { ...filters.sort, by: event.target.value as SortField } })}
        >
          {caseSortFields.map((field) => (
            <option key={field} value={field}>
              {t(`sort.${field}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="btn btn--secondary"
        onClick={() => onChange({ ...filters, sort: { ...filters.sort, dir: filters.sort.dir === 'asc' ? 'desc' : 'asc' } })}
      >
        <span aria-hidden="true">{filters.sort.dir === 'asc' ? '↑' : '↓'}</span>
        <span>{t(`sort.dir.${filters.sort.dir}`)}</span>
      </button>
    </div>
  );
}

/** A compact select whose first option says what "nothing chosen" means; the label is for
 *  assistive technology, and each chosen option names its filter ("Priority: high"). */
function FilterSelect({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <div className="filter-select">
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select id={id} className={`input select input--sm${value ? ' filter-select--on' : ''}`} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}

export function CaseFilters({ filters, onChange }: Props) {
  const { t } = useTranslation(['cases', 'reports']);
  const session = useReadySession();
  const supervisor = session.permissions.includes('case.readAll');
  const staff = useStaff(supervisor);
  const areas = useAreas();
  const active = activeFilterCount(filters);

  return (
    <section className="case-filters" aria-label={t('list.filters')}>
      <fieldset className="chip-group">
        <legend className="chip-group__legend">{t('list.stage')}</legend>
        {stages.map((stage, index) => (
          <label key={stage} className="chip-toggle">
            <input
              type="checkbox"
              checked={filters.stages?.includes(stage) ?? false}
              onChange={() => onChange({ ...filters, stages: toggle(filters.stages, stage) })}
            />
            <span>
              <span className="chip-toggle__step" aria-hidden="true">
                {index + 1}
              </span>
              {t(`stagesShort.${stage}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="case-filters__row">
        <fieldset className="chip-group">
          <legend className="chip-group__legend">{t('list.risk')}</legend>
          {caseRiskLevels.map((level) => (
            <label key={level} className="chip-toggle">
              <input
                type="checkbox"
                checked={filters.riskLevels?.includes(level) ?? false}
                onChange={() => onChange({ ...filters, riskLevels: toggle(filters.riskLevels, level) })}
              />
              <span>{t(`risk.${level}`)}</span>
            </label>
          ))}
        </fieldset>
        <FilterSelect
          label={t('list.status')}
          value={filters.status ?? ''}
          onChange={(value) => onChange({ ...filters, status: (value || undefined) as CaseListFilters['status'] })}
        >
          <option value="">{t('list.anyStatus')}</option>
          {caseStatuses.map((status) => (
            <option key={status} value={status}>
              {t('list.statusIs', { status: t(`status.${status}`) })}
            </option>
          ))}
        </FilterSelect>
        {supervisor ? (
          <FilterSelect label={t('list.worker')} value={filters.workerId ?? ''} onChange={(value) => onChange({ ...filters, workerId: value || undefined })}>
            <option value="">{t('list.anyWorker')}</option>
            {(staff.data ?? []).map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </FilterSelect>
        ) : null}
        <FilterSelect label={t('list.area')} value={filters.area ?? ''} onChange={(value) => onChange({ ...filters, area: value || undefined })}>
          <option value="">{t('list.anyArea')}</option>
          {filters.area && !(areas.data ?? []).includes(filters.area) ? <option value={filters.area}>{filters.area}</option> : null}
          {(areas.data ?? []).map((area) => (
            <option key={area} value={area}>
              {area}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('list.priority')}
          value={filters.priority ?? ''}
          onChange={(value) => onChange({ ...filters, priority: (value || undefined) as CaseListFilters['priority'] })}
        >
          <option value="">{t('list.anyPriority')}</option>
          {priorities.map((level) => (
            <option key={level} value={level}>
              {t('priority.labelled', { level: t(`priority.${level}`) })}
            </option>
          ))}
        </FilterSelect>
        <label className="chip-toggle chip-toggle--single">
          <input type="checkbox" checked={filters.overdue ?? false} onChange={() => onChange({ ...filters, overdue: filters.overdue ? undefined : true })} />
          <span>{t('list.overdue')}</span>
        </label>
        <label className="chip-toggle chip-toggle--single">
          <input
            type="checkbox"
            checked={filters.awaitingApproval ?? false}
            onChange={() => onChange({ ...filters, awaitingApproval: filters.awaitingApproval ? undefined : true })}
          />
          <span>{t('list.awaitingApproval')}</span>
        </label>
        {filters.indicator ? (
          <span className="chip-toggle chip-toggle--single case-filters__indicator">
            <span>
              {t('reports:fromDashboard', {
                indicator: t(`reports:indicator.${filters.indicator.id}.name`),
                part: t(`reports:part.${filters.indicator.part}`),
                from: filters.indicator.period.from,
                to: filters.indicator.period.to,
              })}
            </span>
            <button type="button" className="link-button" onClick={() => onChange({ ...filters, indicator: undefined })}>
              {t('reports:removeIndicator')}
            </button>
          </span>
        ) : null}
        {active > 0 ? (
          <button type="button" className="link-button" onClick={() => onChange({ search: filters.search, sort: filters.sort })}>
            {t('list.clear', { count: active })}
          </button>
        ) : null}
      </div>
    </section>
  );
}
