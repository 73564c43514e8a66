// DOM. One indicator: its figure (numerator of denominator, unknown apart, or a count, or days),
// its definition one click away, and — when split — a bar chart with a table alternative. Every
// number with children behind it is a link to the case list of exactly those children.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dimension, IndicatorPart, IndicatorResult, Period, ReportFilters } from '@shared/reports/indicators';
import { indicatorMeta } from '@shared/reports/indicators';
import { useCaseFormat } from '../cases/format';
import { groupLabel } from './labels';

interface Props {
  result: IndicatorResult;
  period: Period;
  filters: ReportFilters;
  by: Dimension | null;
  canOpenCases: boolean;
}

export function casesLink(selection: { id: string; part: IndicatorPart; period: Period; filters: ReportFilters; group?: { by: Dimension; value: string } }): string {
  return `/cases?${new URLSearchParams({ indicator: JSON.stringify(selection) }).toString()}`;
}

export function IndicatorCard({ result, period, filters, by, canOpenCases }: Props) {
  const { t } = useTranslation(['reports', 'cases']);
  const format = useCaseFormat();
  const meta = indicatorMeta[result.id];
  const [showDefinition, setShowDefinition] = useState(false);
  const [asTable, setAsTable] = useState(false);
  const definitionId = useId();
  const name = t(`indicator.${result.id}.name`);

  const number = (value: number | null, part: IndicatorPart, group?: string): ReactNode => {
    if (value === null) return '—';
    const text = format.number(value);
    if (!canOpenCases || value === 0) return text;
    const selection = { id: result.id, part, period, filters, ...(group !== undefined && by ? { group: { by, value: group } } : {}) };
    return (
      <Link to={casesLink(selection)} aria-label={t('openCases', { count: value, indicator: name, part: t(`part.${part}`) })}>
        {text}
      </Link>
    );
  };
  const percent = (num: number | null, den: number | null) => (num !== null && den ? `${Math.round((100 * num) / den)} %` : '');

  let figure: ReactNode;
  if (result.status === 'notRecorded') {
    figure = <p className="indicator__missing">{t('notRecorded')}</p>;
  } else if (meta.shape === 'count') {
    figure = (
      <p className="indicator__figure">
        {number(result.numerator, 'numerator')} <span className="indicator__unit">{t('childrenUnit', { count: result.numerator ?? 0 })}</span>
      </p>
    );
  } else {
    figure = (
      <dl className="indicator__parts">
        <div>
          <dt>{t(meta.shape === 'duration' ? 'part.known' : 'part.numerator')}</dt>
          <dd>{number(result.numerator, 'numerator')} <span className="indicator__pct">{percent(result.numerator, result.denominator)}</span></dd>
        </div>
        <div>
          <dt>{t('part.denominator')}</dt>
          <dd>{number(result.denominator, 'denominator')}</dd>
        </div>
        <div>
          <dt>{t('part.unknown')}</dt>
          <dd>{number(result.unknown, 'unknown')}</dd>
        </div>
        {result.median !== null ? (
          <div>
            <dt>{t('days')}</dt>
            <dd>{t('medianP90', { median: format.number(result.median), p90: format.number(result.p90 ?? 0) })}</dd>
          </div>
        ) : null}
      </dl>
    );
  }

  const groups = result.groups.map((g) => ({ ...g, label: by ? groupLabel(t, by, g.value) : g.value }));
  return (
    <article className="card indicator" aria-labelledby={`${definitionId}-name`} data-indicator={result.id}>
      <header className="indicator__head">
        <h3 id={`${definitionId}-name`} className="indicator__name">{name}</h3>
        <button type="button" className="link-button" aria-expanded={showDefinition} aria-controls={definitionId} onClick={() => setShowDefinition((v) => !v)}>
          {t('definition')}
        </button>
      </header>
      <div id={definitionId} hidden={!showDefinition} className="indicator__definition">
        <p>{t(`indicator.${result.id}.definition`)}</p>
        {meta.shape !== 'count' ? <p>{t('unknownRule')}</p> : null}
      </div>
      {figure}
      {by && result.status === 'computed' && groups.length > 0 ? (
        <div className="indicator__split">
          <button type="button" className="link-button" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('showChart') : t('showTable')}
          </button>
          {asTable ? (
            <div className="table-wrap" role="region" aria-label={t('tableOf', { indicator: name })} tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">{t('tableOf', { indicator: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(`dimension.${by}`)}</th>
                    <th scope="col">{t(meta.shape === 'count' ? 'part.count' : 'part.numerator')}</th>
                    {meta.shape !== 'count' ? <th scope="col">{t('part.denominator')}</th> : null}
                    {meta.shape !== 'count' ? <th scope="col">{t('part.unknown')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => (
                    <tr key={g.value}>
                      <th scope="row"><bdi>{g.label}</bdi></th>
                      <td>{number(g.numerator, 'numerator', g.value)}</td>
                      {meta.shape !== 'count' ? <td>{number(g.denominator, 'denominator', g.value)}</td> : null}
                      {meta.shape !== 'count' ? <td>{number(g.unknown, 'unknown', g.value)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <div className="indicator__chart" role="img" aria-label={t('chartOf', { indicator: name, dimension: t(`dimension.${by}`) })}>
              <ResponsiveContainer width="100%" height={200}>
                <BarChart data={groups} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" reversed={document.documentElement.dir === 'rtl'} />
                  <YAxis allowDecimals={false} orientation={document.documentElement.dir === 'rtl' ? 'right' : 'left'} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="numerator" name={t(meta.shape === 'count' ? 'part.count' : 'part.numerator')} fill="#1f6f8b" />
                  {meta.shape !== 'count' ? <Bar dataKey="denominator" name={t('part.denominator')} fill="#9cc3d5" /> : null}
                  {meta.shape !== 'count' ? <Bar dataKey="unknown" name={t('part.unknown')} fill="#c9a227" /> : null}
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </div>
      ) : null}
    </article>
  );
}
