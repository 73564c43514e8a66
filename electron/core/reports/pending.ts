// Node-only. Indicators whose records this office does not keep yet (today: the well-being factors
// at closure, which need the closing re-score linked to the closure). Each is its own function with
// the definition it will compute, so that when the records exist the function is replaced by a
// cohort (cohorts-later.ts) and nothing else changes. Until then it reports "not recorded by this
// office" — never a number, never zero (zero would read as "none done").
import type { IndicatorId, IndicatorResult } from '../../../shared/reports/indicators';

const notRecorded = (id: IndicatorId): IndicatorResult => ({
  id,
  status: 'notRecorded',
  numerator: null,
  denominator: null,
  unknown: null,
  median: null,
  p90: null,
  groups: [],
});

/** O8 (second part): children with any well-being factor at 1–2 at closure / children whose case closed in the period. */
export function lowFactorAtClosure(): IndicatorResult {
  return notRecorded('lowFactorAtClosure');
}

export const pendingIndicators: Partial<Record<IndicatorId, () => IndicatorResult>> = {
  lowFactorAtClosure,
};
