// Environment-free. The coverage-gap matrix travels as flat counts — one number per area ×
// category, at index areaIndex × categories.length + categoryIndex, in the matrix's own area and
// category order — so 1 000 areas × 13 categories cost a few arrays of numbers to check and copy,
// not 13 000 objects (measured: the objects took longer to validate and copy than to compute).
// These helpers give the cells back where a screen or the export wants them, with the one rule
// that flags a gap.
import type { GapCell } from './contract';

export interface GapCounts {
  needs: number[];
  services: number[];
  pending: number[];
  declined: number[];
}

/** Needs and no service: a gap; services whose referrals were declined or unmet: strained. */
export function gapFlag(needs: number, services: number, declined: number): GapCell['gap'] {
  if (needs > 0 && services === 0) return 'gap';
  return services > 0 && declined > 0 ? 'strained' : 'none';
}

function cellOf(m: GapCounts, k: number, areaId: string, category: string): GapCell | undefined {
  const [needs, services, pending, declined] = [m.needs[k] ?? 0, m.services[k] ?? 0, m.pending[k] ?? 0, m.declined[k] ?? 0];
  if (needs === 0 && services === 0 && pending === 0 && declined === 0) return undefined;
  return { areaId, category, needs, services, pending, declined, gap: gapFlag(needs, services, declined) };
}

/** The cell of an area and a category, or undefined when it holds nothing. */
export function gapLookup(areaIds: readonly string[], categories: readonly string[], m: GapCounts): (areaId: string, category: string) => GapCell | undefined {
  const a = new Map(areaIds.map((id, i) => [id, i]));
  const c = new Map(categories.map((key, i) => [key, i]));
  return (areaId, category) => {
    const i = a.get(areaId);
    const j = c.get(category);
    return i === undefined || j === undefined ? undefined : cellOf(m, i * categories.length + j, areaId, category);
  };
}

/** Every cell that holds something, area by area. */
export function gapCells(areaIds: readonly string[], categories: readonly string[], m: GapCounts): GapCell[] {
  const cells: GapCell[] = [];
  areaIds.forEach((areaId, i) =>
    categories.forEach((category, j) => {
      const cell = cellOf(m, i * categories.length + j, areaId, category);
      if (cell) cells.push(cell);
    }),
  );
  return cells;
}
