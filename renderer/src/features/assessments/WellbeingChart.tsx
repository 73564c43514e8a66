// DOM. Child Status Index scores over time: a small line chart (overall, 1–4) described for screen
// readers (time runs left to right in every language), and the same figures as a table, domain by domain, for anyone who prefers numbers.
import { Alert } from '../../ui/misc';
import { useTranslation } from 'react-i18next';
import { localized, SCALE_MAX, SCALE_MIN, type WellbeingHistory } from '@shared/assessments/contract';
import { useDayFormat } from '../../ui/format';
import { Table } from '../../ui/Table';
import { useNumberFormat } from './kit';

const WIDTH = 560;
const HEIGHT = 180;
const PAD = { left: 36, right: 16, top: 12, bottom: 28 };

export function WellbeingChart({ history }: { history: WellbeingHistory }) {
  const { t, i18n } = useTranslation('assessments');
  const day = useDayFormat();
  const num = useNumberFormat();
  // Version-safe: the line joins only scores of the same form (same factors) as the latest one.
  const latestKey = history.points[history.points.length - 1]?.formKey;
  const points = history.points.filter((p) => p.overall !== null && p.formKey === latestKey);
  const otherForms = history.points.filter((p) => p.formKey !== latestKey).length;
  const lowNow = history.points[history.points.length - 1]?.lowFactors ?? [];
  if (history.points.length === 0) return <p className="muted">{t('wellbeing.empty')}</p>;

  const x = (i: number) => PAD.left + (points.length === 1 ? (WIDTH - PAD.left - PAD.right) / 2 : (i * (WIDTH - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + ((SCALE_MAX - v) * (HEIGHT - PAD.top - PAD.bottom)) / (SCALE_MAX - SCALE_MIN);
  const first = points[0];
  const last = points[points.length - 1];
  const summary = first && last ? t('wellbeing.summary', { from: num(first.overall), fromDate: day(first.date), to: num(last.overall), toDate: day(last.date), visits: points.length }) : '';

  return (
    <div className="stack wellbeing">
      {lowNow.length > 0 ? (
        <Alert tone="warning" live={false}>
          {t('wellbeing.lowFactors', { count: lowNow.length })}
        </Alert>
      ) : null}
      {otherForms > 0 ? <p className="muted">{t('wellbeing.otherForms', { count: otherForms })}</p> : null}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="wellbeing-chart-title wellbeing-chart-desc"
        className="wellbeing__chart"
        style={{ maxWidth: '100%', height: 'auto' }}
        direction="ltr"
      >
        <title id="wellbeing-chart-title">{t('wellbeing.chartTitle')}</title>
        <desc id="wellbeing-chart-desc">{summary}</desc>
        {[1, 2, 3, 4].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={0.15} />
            <text x={PAD.left - 8} y={y(v) + 4} fontSize="11" textAnchor="end" fill="currentColor">
              {num(v)}
            </text>
          </g>
        ))}
        <polyline
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          points={points.map((p, i) => `${x(i)},${y(p.overall ?? SCALE_MIN)}`).join(' ')}
        />
        {points.map((p, i) => (
          <circle key={p.assessmentId} cx={x(i)} cy={y(p.overall ?? SCALE_MIN)} r={4} fill="currentColor" />
        ))}
        {points.map((p, i) =>
          // Dates under the points: all of them when they fit, else the first and the last.
          points.length <= 6 || i === 0 || i === points.length - 1 ? (
            <text key={`d-${p.assessmentId}`} x={x(i)} y={HEIGHT - 8} fontSize="11" textAnchor="middle" fill="currentColor">
              {day(p.date)}
            </text>
          ) : null,
        )}
      </svg>
      <details className="stage-one-history">
        <summary>{t('wellbeing.asTable')}</summary>
        <Table
          caption={t('wellbeing.tableCaption')}
          label={t('wellbeing.tableCaption')}
          rows={history.points}
          rowKey={(p) => p.assessmentId}
          columns={[
            { key: 'date', header: t('fields.date'), cell: (p) => day(p.date), rowHeader: true, className: 'cell-nowrap' },
            ...history.domains.map((d) => ({
              key: d.id,
              header: localized(d.title, i18n.language),
              className: 'cell-num',
              cell: (p: WellbeingHistory['points'][number]) => num(p.domains[d.id] ?? null),
            })),
            { key: 'overall', header: t('wellbeing.overall'), className: 'cell-num', cell: (p) => num(p.overall) },
            { key: 'version', header: t('templateVersion'), className: 'cell-num', cell: (p) => num(p.templateVersion) },
          ]}
        />
      </details>
    </div>
  );
}
