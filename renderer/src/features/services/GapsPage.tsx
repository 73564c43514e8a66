// DOM. Coverage gaps: the area × category matrix (open needs, services, referrals pending and
// declined, gap flagged in words and colour), the map when boundaries exist, the chosen area's
// services and the user's own cases with a need there, and the export for the coordination meeting.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GapCell } from '@shared/services/contract';
import { gapLookup } from '@shared/services/gaps';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { GapMap } from './GapMap';
import { areaLabel, areaTree, saveText, servicesKeys, useCategoryLabel } from './kit';

export function GapsPage() {
  const { t } = useTranslation('services');
  const gaps = useQuery({ queryKey: servicesKeys.gaps, queryFn: () => call('services.gaps', {}) });
  const boundaries = useQuery({ queryKey: servicesKeys.boundaries, queryFn: () => call('services.boundaries', {}) });
  const categoryLabel = useCategoryLabel(gaps.data?.categories);
  const [category, setCategory] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  if (gaps.isPending) return <Loading />;
  if (gaps.isError) return <ErrorAlert error={gaps.error} />;
  const m = gaps.data;
  const cellAt = gapLookup(
    m.areas.map((a) => a.id),
    m.categories.map((c) => c.key),
    m,
  );
  // A category column is shown when any area has something in it.
  const C = m.categories.length;
  const filled = (k: number) => m.needs[k] + m.services[k] + m.pending[k] + m.declined[k] > 0;
  const shownCategories = m.categories.filter((_, j) => m.areas.some((_a, i) => filled(i * C + j)));
  const exportGaps = async () => {
    setFailure(null);
    try {
      const file = await call('services.exportGaps', {});
      saveText(file.fileName, file.csv);
    } catch (error) {
      setFailure(error);
    }
  };
  const areaName = (id: string) => m.areas.find((a) => a.id === id)?.name ?? '';

  return (
    <div className="stack">
      <Card title={t('gaps.legend')} actions={<Button onClick={() => void exportGaps()}>{t('gaps.export')}</Button>}>
        <p className="muted">{t('gaps.help')}</p>
        {m.unplacedCases > 0 ? <p className="muted">{t('gaps.unplaced', { count: m.unplacedCases })}</p> : null}
        <ErrorAlert error={failure} />
        {shownCategories.length === 0 ? (
          <p>{t('gaps.empty')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-label={t('gaps.legend')} tabIndex={0}>
            <table className="table gap-matrix">
              <caption className="visually-hidden">{t('gaps.legend')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('gaps.area')}</th>
                  {shownCategories.map((c) => (
                    <th key={c.key} scope="col">
                      {categoryLabel(c.key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {areaTree(m.areas).map(({ area, depth }) => (
                  <tr key={area.id}>
                    <th scope="row" style={{ paddingInlineStart: `${0.5 + depth}rem` }}>
                      {areaLabel(area)}
                    </th>
                    {shownCategories.map((c) => (
                      <td key={c.key}>
                        <GapCellText cell={cellAt(area.id, c.key)} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t('gaps.map')}>
        {boundaries.data && boundaries.data.length > 0 ? (
          <div className="gap-map-layout">
            <div className="stack">
              <SelectField label={t('gaps.category')} value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">{t('gaps.allCategories')}</option>
                {m.categories.map((c) => (
                  <option key={c.key} value={c.key}>
                    {categoryLabel(c.key)}
                  </option>
                ))}
              </SelectField>
              <p className="muted">{t('gaps.mapHelp')}</p>
              <GapMap
                areas={boundaries.data.map((b) => ({ areaId: b.areaId, name: b.name, geometry: b.geometry }))}
                cellAt={cellAt}
                categories={m.categories.map((c) => c.key)}
                category={category || null}
                selected={selected}
                onSelect={setSelected}
              />
              <ul className="gap-map__legend">
                <li><span className="gap-map__swatch gap-map__area--gap" aria-hidden="true" /> {t('gaps.legendGap')}</li>
                <li><span className="gap-map__swatch gap-map__area--strained" aria-hidden="true" /> {t('gaps.legendStrained')}</li>
                <li><span className="gap-map__swatch gap-map__area--none" aria-hidden="true" /> {t('gaps.legendCovered')}</li>
              </ul>
            </div>
            {selected ? <AreaDetail areaId={selected} name={areaName(selected)} category={category || null} categoryLabel={categoryLabel} /> : null}
          </div>
        ) : (
          <p className="muted">{t('gaps.noMap')}</p>
        )}
      </Card>
    </div>
  );
}

function GapCellText({ cell }: { cell: GapCell | undefined }) {
  const { t } = useTranslation('services');
  if (!cell) return <span className="muted">—</span>;
  return (
    <span className={`gap-cell gap-cell--${cell.gap}`}>
      {cell.gap !== 'none' ? <Badge tone={cell.gap === 'gap' ? 'danger' : 'warning'}>{t(`gaps.${cell.gap}`)}</Badge> : null}
      <span>{t('gaps.needs', { count: cell.needs })}</span>
      <span>{t('gaps.services', { count: cell.services })}</span>
      {cell.pending > 0 ? <span>{t('gaps.pending', { count: cell.pending })}</span> : null}
      {cell.declined > 0 ? <span>{t('gaps.declined', { count: cell.declined })}</span> : null}
    </span>
  );
}

function AreaDetail({ areaId, name, category, categoryLabel }: { areaId: string; name: string; category: string | null; categoryLabel: (key: string) => string }) {
  const { t } = useTranslation('services');
  const detail = useQuery({ queryKey: servicesKeys.detail(areaId, category), queryFn: () => call('services.areaDetail', { areaId, category }) });
  return (
    <section className="stack gap-detail" aria-live="polite" aria-labelledby={`gap-detail-${areaId}`}>
      <h3 id={`gap-detail-${areaId}`}>{t('gaps.detail', { area: name })}</h3>
      {detail.isPending ? <Loading /> : null}
      <ErrorAlert error={detail.error} />
      {detail.data ? (
        <>
          <h4>{t('gaps.detailServices')}</h4>
          {detail.data.services.length === 0 ? (
            <p>{t('gaps.noServices')}</p>
          ) : (
            <ul>
              {detail.data.services.map((s) => (
                <li key={s.id}>
                  {s.providerName} — {s.name} ({categoryLabel(s.category)})
                </li>
              ))}
            </ul>
          )}
          <h4>{t('gaps.detailCases')}</h4>
          {detail.data.cases.length === 0 ? (
            <p>{t('gaps.noCases')}</p>
          ) : (
            <ul>
              {detail.data.cases.map((c) => (
                <li key={c.caseId}>
                  <Link to={`/cases/${c.caseId}?tab=referrals`}>
                    {c.number} — {c.name}
                  </Link>{' '}
                  <span className="muted">({c.categories.map(categoryLabel).join(', ')})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
