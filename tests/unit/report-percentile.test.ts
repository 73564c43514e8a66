// The dashboard's median and 90th percentile are read from days counted per value (engine.ts), not
// from one row per child: the nearest-rank percentile of the counts equals that of the values spelled out.
import { describe, expect, it } from 'vitest';
import { percentileOfCounts } from '../../electron/core/reports/engine';

/** Nearest rank of the values themselves, as the definition reads. */
function nearestRank(values: number[], q: number): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] : null;
}

function counted(values: number[]): { value: number; count: number }[] {
  const m = new Map<number, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}

describe('percentile of counted values', () => {
  it('is null with no value, and the value itself with one', () => {
    expect(percentileOfCounts([], 0.5)).toBeNull();
    expect(percentileOfCounts([{ value: 54, count: 1 }], 0.9)).toBe(54);
  });

  it('equals the nearest rank of the values spelled out, at the median and the 90th percentile', () => {
    // A fixed pseudo-random spread with many repeats, as days in care are.
    let seed = 7;
    const values = Array.from({ length: 997 }, () => ((seed = (seed * 48271) % 2147483647), seed % 300));
    for (const n of [1, 2, 3, 10, 101, 997]) {
      const some = values.slice(0, n);
      for (const q of [0.5, 0.9]) expect(percentileOfCounts(counted(some), q)).toBe(nearestRank(some, q));
    }
  });

  it('takes the lower middle value of an even count, as the nearest rank does', () => {
    expect(percentileOfCounts([{ value: 10, count: 2 }, { value: 20, count: 2 }], 0.5)).toBe(10);
  });
});
