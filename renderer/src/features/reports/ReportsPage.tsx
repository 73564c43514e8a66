// DOM. The M&E dashboard: a period, filters and a split, then the output and outcome indicators.
// Numbers open the case list behind them (supervisors); administrators a supervisor has granted
// the dashboard see the numbers only. The period, filters and split live in the URL.
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { careArrangements, separationReasons, sexes } from '@shared/cases/fields';
import { ageBands, dimensions, indicatorMeta, type Dimension, type ReportFilters } from '@shared/reports/indicators';
import { DateField } from '../../ui/DateField';
import { ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { useReadySession } from '../../app/session';
import { ApiError, call } from '../../api';
import { ExportsPanel } from './ExportsPanel';
import { IndicatorCard } from './IndicatorCard';
import { ReportSettingsCard } from './ReportSettingsCard';
import './reports.css';
import { groupLabel, lastQuarter, lastTwelveMonths } from './labels';

const isoDay = /^\d{4}-\d{2}-\d{2}$/u;
const filterKeys = ['sex', 'ageBand', 'disability', 'reason', 'careSetting', 'returnKind', 'area'] as const;

function choices(dim: Dimension, areas: string[]): string[] {
  switch (dim) {
    case 'sex':
      return [...sexes];
    case 'ageBand':
      return [...ageBands, 'unknown'];
    case 'disability':
      return ['yes', 'no'];
    case 'reason':
      return [...separationReasons];
    case 'careSetting':
      return [...careArrangements];
    case 'returnKind':
      return ['spontaneous', 'assisted'];
    case 'area':
      return areas;
  }
}

export function ReportsPage() {
  const { t } = useTranslation(['reports', 'cases']);
  const session = useReadySession();
  const idBase = useId();
  const [params, setParams] = useSearchParams();
  const fallback = lastQuarter();
  const from = isoDay.test(params.get('from') ?? '') ? params.get('from')! : fallback.from;
  const to = isoDay.test(params.get('to') ?? '') ? params.get('to')! : fallback.to;
  const period = useMemo(() => (from <= to ? { from, to } : { from: to, to: from }), [from, to]);
  const byParam = params.get('by');
  const by = (dimensions as readonly string[]).includes(byParam ?? '') ? (byParam as Dimension) : null;
  const key = params.toString();
  const filters = useMemo(() => {
    const out: Record<string, string> = {};
    for (const k of filterKeys) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out as ReportFilters;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the string stands for the params
  }, [key]);

  const dashboard = useQuery({
    queryKey: ['reports.dashboard', period, filters, by],
    queryFn: () => call('reports.dashboard', { period, filters, by }),
    staleTime: 30_000,
  });
  const set = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const setPeriod = (p: { from: string; to: string }) => {
    const next = new URLSearchParams(params);
    next.set('from', p.from);
    next.set('to', p.to);
    setParams(next, { replace: true });
  };
  const areas = dashboard.data?.areas ?? (filters.area ? [filters.area] : []);
  const results = dashboard.data?.indicators ?? [];

  return (
    <div className="reports stack">
      <PageHeader title={t('title')} description={t('intro')} />
      <section className="card reports__controls" aria-label={t('controls')}>
        <div className="reports__period">
          <DateField label={t('from')} value={from} onChange={(e) => isoDay.test(e.target.value) && set('from', e.target.value)} />
          <DateField label={t('to')} value={to} onChange={(e) => isoDay.test(e.target.value) && set('to', e.target.value)} />
          <div className="reports__presets" role="group" aria-label={t('presets')}>
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => setPeriod(lastQuarter())}>{t('lastQuarter')}</button>
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => setPeriod(lastTwelveMonths())}>{t('lastYear')}</button>
          </div>
        </div>
        <div className="reports__filters">
          {filterKeys.map((dim) => (
            <div key={dim} className="field field--inline">
              <label className="field__label" htmlFor={`${idBase}-${dim}`}>{t(`dimension.${dim}`)}</label>
              <select id={`${idBase}-${dim}`} className="select" value={filters[dim] ?? ''} onChange={(e) => set(dim, e.target.value || null)}>
                <option value="">{t('all')}</option>
                {choices(dim, areas).map((v) => (
                  <option key={v} value={v}>{groupLabel(t, dim, v)}</option>
                ))}
              </select>
            </div>
          ))}
          <div className="field field--inline">
            <label className="field__label" htmlFor={`${idBase}-by`}>{t('splitBy')}</label>
            <select id={`${idBase}-by`} className="select" value={by ?? ''} onChange={(e) => set('by', e.target.value || null)}>
              <option value="">{t('noSplit')}</option>
              {dimensions.map((d) => (
                <option key={d} value={d}>{t(`dimension.${d}`)}</option>
              ))}
            </select>
          </div>
        </div>
        <p className="reports__note">{t('neverSplit')}</p>
      </section>
      {session.role === 'admin' && dashboard.error instanceof ApiError && dashboard.error.code === 'FORBIDDEN' ? (
        <div className="empty-state">
          <p>{t('forbiddenAdmin')}</p>
        </div>
      ) : (
        <ErrorAlert error={dashboard.error} />
      )}
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.data ? (
        <>
          {(['output', 'outcome'] as const).map((level) => (
            <section key={level} aria-labelledby={`reports-${level}`} className="stack">
              <h2 id={`reports-${level}`}>{t(`level.${level}`)}</h2>
              <div className="reports__grid">
                {results
                  .filter((r) => indicatorMeta[r.id].level === level)
                  .map((r) => (
                    <IndicatorCard key={r.id} result={r} period={period} filters={filters} by={by} canOpenCases={dashboard.data.canOpenCases} />
                  ))}
              </div>
            </section>
          ))}
        </>
      ) : null}
      {session.permissions.includes('reports.export') && dashboard.data ? <ExportsPanel period={period} filters={filters} /> : null}
      {session.permissions.includes('case.approve') ? <ReportSettingsCard /> : null}
    </div>
  );
}
