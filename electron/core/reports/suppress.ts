// Node-only. Small-cell suppression for aggregate tables: a count from 1 to 4 is not published,
// and when a column of groups has exactly one suppressed cell, the next smallest non-zero cell is
// suppressed too (the complementary cell), so the hidden one cannot be recomputed from the total.
// Zero is published: "none" identifies no one.
import { SUPPRESS_BELOW } from '../../../shared/reports/exports';

export type Cell = number | 'suppressed';

export function suppressColumn(values: readonly (number | null)[]): (Cell | null)[] {
  const out: (Cell | null)[] = values.map((v) => (v !== null && v > 0 && v < SUPPRESS_BELOW ? 'suppressed' : v));
  const hidden = out.filter((v) => v === 'suppressed').length;
  if (hidden === 1) {
    let pick = -1;
    out.forEach((v, i) => {
      if (typeof v === 'number' && v > 0 && (pick < 0 || v < (out[pick] as number))) pick = i;
    });
    if (pick >= 0) out[pick] = 'suppressed';
  }
  return out;
}
