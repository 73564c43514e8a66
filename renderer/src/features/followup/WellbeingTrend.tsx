// DOM. Well-being over time, factor by factor, from the re-scores made with the case's form. The
// chart is recharts: the React chart library with the widest use and steady releases, declarative
// SVG (no canvas, so text stays text and the page's CSP needs nothing extra), a real time axis, and
// axes we can mirror for Arabic (time runs right to left there). A flagged factor (1–2 at any
// re-score) is drawn thick and dashed in the warning colour and named in words; the same figures
// are in a table for screen readers and anyone who prefers numbers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { localized, SCALE_MAX, SCALE_MIN } from '@shared/assessments/template';
import type { WellbeingChart } from '@shared/followup/contract';
import { useDayFormat } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/misc';
import { useWellbeingChart } from './queries';

/** A score at or below this is a warning sign (G:L263, B1.7). */
const FLAG_AT = 2;
const palette = ['#1d4ed8', '#047857', '#7c3aed', '#b45309', '#0f766e', '#be185d'];

const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
const ALL = '__all';

export function flaggedFactors(chart: WellbeingChart): Set<string> {
  return new Set(chart.factors.filter((f) => chart.points.some((p) => (p.scores[f.id] ?? SCALE_MAX) <= FLAG_AT)).map((f) => f.id));
}

export function WellbeingTrend({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('followup');
  const day = useDayFormat();
  const chart = useWellbeingChart(caseId);
  const domains = chart.data ? [...new Map(chart.data.factors.map((f) => [f.domainId, f.domainTitle])).entries()] : [];
  const [domain, setDomain] = useState<string | null>(null);
  if (chart.isPending) return <Loading />;
  if (chart.isError) return <ErrorAlert error={chart.error} />;
  const data = chart.data;
  if (data.points.length === 0) return <p className="muted">{t('chart.empty')}</p>;
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const flagged = flaggedFactors(data);
  // "All domains": each domain's mean across its factors; otherwise the chosen domain's factors.
  const shown = domain ?? ALL;
  const label = (f: WellbeingChart['factors'][number]) => localized(f.label, i18n.language);
  const domainMean = (p: WellbeingChart['points'][number], id: string) => {
    const values = data.factors.filter((f) => f.domainId === id).map((f) => p.scores[f.id]).filter((v): v is number => typeof v === 'number');
    return values.length > 0 ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null;
  };
  const lines =
    shown === ALL
      ? domains.map(([id, title]) => ({ key: `domain:${id}`, name: localized(title, i18n.language), flagged: data.factors.some((f) => f.domainId === id && flagged.has(f.id)) }))
      : data.factors.filter((f) => f.domainId === shown).map((f) => ({ key: f.id, name: label(f), flagged: flagged.has(f.id) }));
  const rows = data.points.map((p) => ({
    t: time(p.date),
    ...p.scores,
    ...Object.fromEntries(domains.map(([id]) => [`domain:${id}`, domainMean(p, id)])),
  }));
  const flaggedNames = data.factors.filter((f) => flagged.has(f.id)).map(label);

  return (
    <div className="stack followup-chart">
      <div className="form-grid">
        <div className="field">
          <label className="field__label" htmlFor={`wb-domain-${caseId}`}>
            {t('chart.domain')}
          </label>
          <select id={`wb-domain-${caseId}`} className="input select" value={shown} onChange={(e) => setDomain(e.target.value)}>
            <option value={ALL}>{t('chart.allDomains')}</option>
            {domains.map(([id, title]) => (
              <option key={id} value={id}>
                {localized(title, i18n.language)}
                {data.factors.some((f) => f.domainId === id && flagged.has(f.id)) ? ` — ${t('chart.flaggedMark')}` : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      {flaggedNames.length > 0 ? (
        <p className="followup-chart__flagged">
          <strong>{t('chart.flagged')}</strong> {new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(flaggedNames)}
        </p>
      ) : null}
      <figure className="followup-chart__figure" aria-label={t('chart.figureLabel', { count: data.points.length, from: day(data.points[0].date), to: day(data.points[data.points.length - 1].date) })}>
        {/* The picture for sighted readers; its figures are in the table (the chart takes no focus). */}
        <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
          <ResponsiveContainer>
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeOpacity={0.2} />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                reversed={rtl}
                tickFormatter={(v: number) => day(new Date(v).toISOString().slice(0, 10))}
                padding={{ left: 20, right: 20 }}
              />
              <YAxis domain={[SCALE_MIN, SCALE_MAX]} ticks={[1, 2, 3, 4]} orientation={rtl ? 'right' : 'left'} allowDecimals={false} width={30} />
              <Tooltip labelFormatter={(v) => day(new Date(Number(v)).toISOString().slice(0, 10))} />
              <Legend />
              {lines.map((line, i) => (
                <Line
                  key={line.key}
                  dataKey={line.key}
                  name={line.flagged ? `${line.name} ⚠` : line.name}
                  stroke={line.flagged ? '#b91c1c' : palette[i % palette.length]}
                  strokeWidth={line.flagged ? 4 : 2}
                  strokeDasharray={line.flagged ? '6 3' : undefined}
                  connectNulls
                  isAnimationActive={false}
                  dot={{ r: line.flagged ? 5 : 3 }}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="muted">{t('chart.caption')}</figcaption>
      </figure>
      <details className="followup-chart__table">
        <summary>{t('chart.asTable')}</summary>
        <div className="table-wrap" role="region" aria-label={t('chart.tableCaption')} tabIndex={0}>
          <table className="table">
            <caption className="table__caption">{t('chart.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.factor')}</th>
                {data.points.map((p) => (
                  <th key={p.assessmentId} scope="col" className="cell-num">
                    {day(p.date)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.factors.map((f) => (
                <tr key={f.id} className={flagged.has(f.id) ? 'followup-chart__row--flagged' : undefined}>
                  <th scope="row">
                    {label(f)} <span className="muted">({localized(f.domainTitle, i18n.language)})</span>
                    {flagged.has(f.id) ? <span className="followup-chart__flag"> {t('chart.flaggedMark')}</span> : null}
                  </th>
                  {data.points.map((p) => {
                    const v = p.scores[f.id];
                    return (
                      <td key={p.assessmentId} className={['cell-num', v !== null && v !== undefined && v <= FLAG_AT ? 'followup-chart__low' : ''].join(' ')}>
                        {v ?? '—'}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
