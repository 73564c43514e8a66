// Node-only. The indicators the office's records answer today, each as one set-based query: a
// cohort with one row per child — `case_id`, `num` (1 when the child meets the indicator), `unk`
// (1 when it is not known whether they do; never also in `num`), `ref` (the date the child is
// looked at, for age bands) and `days` (for durations; else null). The denominator is the cohort.
// Definitions follow DOMAIN-REVIEW.md B6; where the office's records force a choice, it is said.
// Most indicators read the facts kept per child and date (facts.ts, fact-cohorts.ts); those here
// depend on the period's end in ways no stored fact can hold, and read their tables' date indexes.
import { sql, type RawBuilder } from 'kysely';
import type { IndicatorId } from '../../../shared/reports/indicators';

export interface PeriodParams {
  from: string;
  to: string;
  /** The day after `to`, for comparing timestamps (`at < toNext`). */
  toNext: string;
  /** `to` minus three months. */
  to3m: string;
  /**
   * Read a grouped cohort's facts in the child's order (no sort, but every fact of the indicator)
   * rather than the period's range by date (then sorted by child): the engine chooses per indicator
   * from how much of its facts the period covers (engine.ts, readOrder).
   */
  byChild?: boolean;
}

type Cohort = (p: PeriodParams) => RawBuilder<unknown>;

export const cohorts: Partial<Record<IndicatorId, Cohort>> = {
  /**
   * Plans in force at the period's end and acknowledged more than three months before it (the case
   * not halted by then); those reviewed in the last three months (G:L160).
   */
  // Half the office's plans can be in force: the plans are read from one covering index, and the
  // children reviewed in the window and those halted by the period's end are each gathered once
  // (from date indexes) and probed, rather than looked up plan by plan.
  plansReviewedOnTime: (p) => sql`SELECT v.case_id, (v.case_id IN (SELECT r.case_id FROM plan_reviews r
        WHERE r.date > ${p.to3m} AND r.date <= ${p.to})) AS num, 0 AS unk, ${p.to} AS ref, NULL AS days
    FROM plan_versions v
    WHERE v.status != 'draft' AND v.acknowledged_on <= ${p.to3m} AND (v.superseded_at IS NULL OR v.superseded_at >= ${p.toNext})
      AND v.case_id NOT IN (SELECT h.id FROM cases h WHERE h.halted_at IS NOT NULL AND h.halted_at < ${p.toNext})`,
};
