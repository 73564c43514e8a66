// DOM. The imported boundaries drawn offline as SVG with d3-geo (no tiles, no network), each area
// shaded by its gap for the chosen category (or its worst over all categories). Areas are buttons:
// Tab reaches them, Enter or Space chooses one; the shading is also said in words (the label).
import { geoIdentity, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GapCell } from '@shared/services/contract';

export interface MapArea {
  areaId: string;
  name: string;
  geometry: unknown;
}

const rank = { none: 0, strained: 1, gap: 2 } as const;

type CellAt = (areaId: string, category: string) => GapCell | undefined;

/** The area's gap for one category, or its worst over all of them. */
export function worstGap(cellAt: CellAt, categories: readonly string[], areaId: string, category: string | null): GapCell['gap'] {
  let worst: GapCell['gap'] = 'none';
  for (const key of category ? [category] : categories) {
    const gap = cellAt(areaId, key)?.gap ?? 'none';
    if (rank[gap] > rank[worst]) worst = gap;
  }
  return worst;
}

export function GapMap({
  areas,
  cellAt,
  categories,
  category,
  selected,
  onSelect,
}: {
  areas: MapArea[];
  cellAt: CellAt;
  categories: readonly string[];
  category: string | null;
  selected: string | null;
  onSelect: (areaId: string) => void;
}) {
  const { t } = useTranslation('services');
  const width = 640;
  const height = 420;
  const shapes = useMemo(() => {
    const collection = { type: 'FeatureCollection', features: areas.map((a) => ({ type: 'Feature', properties: {}, geometry: a.geometry })) } as unknown as GeoPermissibleObjects;
    // Planar projection of longitude/latitude: district-sized areas need no globe, and a ring
    // wound either way draws the same (a spherical projection would read it as the whole world).
    const projection = geoIdentity().reflectY(true).fitExtent([[8, 8], [width - 8, height - 8]], collection as never);
    const path = geoPath(projection);
    return areas.map((a) => ({ ...a, d: path(a.geometry as GeoPermissibleObjects) ?? '' }));
  }, [areas]);

  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="gap-map" role="group" aria-label={t('gaps.map')}>
      {shapes.map((s) => {
        const gap = worstGap(cellAt, categories, s.areaId, category);
        const label = `${s.name}: ${t(`gaps.${gap}`)}`;
        return (
          <path
            key={s.areaId}
            d={s.d}
            role="button"
            tabIndex={0}
            aria-label={label}
            aria-pressed={selected === s.areaId}
            className={`gap-map__area gap-map__area--${gap}${selected === s.areaId ? ' gap-map__area--selected' : ''}`}
            onClick={() => onSelect(s.areaId)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(s.areaId);
              }
            }}
          >
            <title>{label}</title>
          </path>
        );
      })}
    </svg>
  );
}
