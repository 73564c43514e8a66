// The coverage-gap matrix from its inputs: needs roll up to parent areas, a service reaches its
// areas' parents and sub-areas, a gap is needs without a service, strained is services with
// declined or unmet referrals; unplaced needs are counted; small counts are suppressed on export.
import { describe, expect, it } from 'vitest';
import { AreaTree, type AreaRow } from '../../electron/core/services/areas';
import { neutraliseCell } from '../../electron/core/services/csv';
import { computeGaps, suppressSmall } from '../../electron/core/services/gaps';
import { gapCells, gapLookup } from '../../shared/services/gaps';
import { isStale } from '../../shared/services/categories';

const area = (id: string, parent: string | null, name = id): AreaRow => ({ id, code: id.toUpperCase(), name, level: '', parent_id: parent, has_boundary: 0 });
const tree = new AreaTree([area('n', null, 'Northern'), area('gul', 'n', 'Gulu'), area('pece', 'gul', 'Pece'), area('layibi', 'gul', 'Layibi'), area('lira', 'n', 'Lira')]);
const cats = ['health', 'education'];

describe('gap computation', () => {
  const counts = computeGaps(tree, cats, {
    needs: [
      { area_key: 'pece', category: 'education', n: 3 },
      { area_key: 'layibi', category: 'education', n: 2 },
      { area_key: 'lira', category: 'health', n: 4 },
      { area_key: 'kampala', category: 'health', n: 7 },
      { area_key: 'pece', category: 'astrology', n: 1 },
    ],
    supply: [
      { area_id: 'pece', category: 'education', service_id: 's1' },
      { area_id: 'gul', category: 'health', service_id: 's2' },
    ],
    referrals: [{ area_key: 'gul', category: 'health', pending: 1, declined: 2 }],
  });
  const { unplacedCases } = counts;
  const cells = gapCells(tree.rows.map((r) => r.id), cats, counts);
  const at = (a: string, c: string) => cells.find((x) => x.areaId === a && x.category === c);

  it('rolls needs up to every parent', () => {
    expect(at('pece', 'education')?.needs).toBe(3);
    expect(at('gul', 'education')?.needs).toBe(5);
    expect(at('n', 'education')?.needs).toBe(5);
    expect(at('n', 'health')?.needs).toBe(4);
  });

  it('flags needs without a service as a gap, and a sub-area’s service counts for its parents', () => {
    expect(at('pece', 'education')).toMatchObject({ services: 1, gap: 'none' });
    expect(at('layibi', 'education')).toMatchObject({ needs: 2, services: 0, gap: 'gap' });
    expect(at('gul', 'education')).toMatchObject({ services: 1, gap: 'none' });
    expect(at('lira', 'health')).toMatchObject({ needs: 4, services: 0, gap: 'gap' });
  });

  it('a district-wide service reaches its sub-areas; declined referrals mark it strained', () => {
    expect(at('pece', 'health')?.services).toBe(1);
    expect(at('gul', 'health')).toMatchObject({ services: 1, pending: 1, declined: 2, gap: 'strained' });
    expect(at('lira', 'education')).toBeUndefined();
  });

  it('a service serving an area and its parent counts once in each area it reaches', () => {
    const twice = computeGaps(tree, cats, { needs: [], referrals: [], supply: [
      { area_id: 'gul', category: 'education', service_id: 's3' },
      { area_id: 'pece', category: 'education', service_id: 's3' },
      { area_id: 'pece', category: 'education', service_id: 's1' },
    ] });
    const cell = gapLookup(tree.rows.map((r) => r.id), cats, twice);
    expect(['n', 'gul', 'pece', 'layibi', 'lira'].map((a) => cell(a, 'education')?.services ?? 0)).toEqual([2, 2, 2, 1, 0]);
    // The counts travel flat, area by area in the tree's order, categories within.
    expect(twice.services).toHaveLength(tree.rows.length * cats.length);
  });

  it('counts needs of cases whose area is not in the tree, and ignores unknown categories', () => {
    expect(unplacedCases).toBe(7);
    expect(cells.some((c) => c.category === 'astrology')).toBe(false);
  });
});

describe('export helpers', () => {
  it('suppresses counts from 1 to 4', () => {
    expect([0, 1, 4, 5, 12].map(suppressSmall)).toEqual(['0', '<5', '<5', '5', '12']);
  });

  it('neutralises formula cells only', () => {
    expect(['=1+1', '+256', '-3', '@x', '\tx', '\rx', 'a=b', ''].map(neutraliseCell)).toEqual(["'=1+1", "'+256", "'-3", "'@x", "'\tx", "'\rx", 'a=b', '']);
  });

  it('a directory entry is stale after 12 months, or when never verified', () => {
    expect(isStale('2024-09-01', '2025-09-01')).toBe(false);
    expect(isStale('2024-08-31', '2025-09-01')).toBe(true);
    expect(isStale(null, '2025-09-01')).toBe(true);
  });
});
