// Node-only. Indicators whose records this office does not keep yet: follow-up visits and 6/12-
// month outcomes (follow-up, issue 10), referrals (issue 12) and closures. Each is its own
// function with the definition it will compute, so that when the records exist the function is
// replaced by a cohort (cohorts.ts) and nothing else changes. Until then it reports
// "not recorded by this office" — never a number, never zero (zero would read as "none done").
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

/** P6 (G:L261): protocol follow-up visits held within their window / protocol visits due in the period. */
export function followUpOnTime(): IndicatorResult {
  return notRecorded('followUpOnTime');
}

/** P9 (G:L273): referrals with the service received / referrals sent in the period. */
export function referralsCompleted(): IndicatorResult {
  return notRecorded('referralsCompleted');
}

/** Cases whose closure a supervisor or panel decided in the period. */
export function closed(): IndicatorResult {
  return notRecorded('closed');
}

/**
 * O3 (G:L330): children answering "yes / mostly" to "I feel welcome at home" at the 1- or 6-month
 * follow-up visit / children reunified with that visit held and the child spoken to.
 */
export function feelsWelcomed(): IndicatorResult {
  return notRecorded('feelsWelcomed');
}

/**
 * O5: the cohort reunified in the window whose +6-month outcome fell in the period, living with
 * family (same caregiver or other family) / the whole cohort; "unknown / lost to follow-up" is
 * counted apart and never as living with family.
 */
export function livingWithFamily6(): IndicatorResult {
  return notRecorded('livingWithFamily6');
}

/** O5 at +12 months, with the same rules as at +6. */
export function livingWithFamily12(): IndicatorResult {
  return notRecorded('livingWithFamily12');
}

/** O6: children with a breakdown event within 12 months of return / the cohort reunified 12 months or more ago. */
export function reSeparation(): IndicatorResult {
  return notRecorded('reSeparation');
}

/** O8 (second part): children with any well-being factor at 1–2 at closure / children whose case closed in the period. */
export function lowFactorAtClosure(): IndicatorResult {
  return notRecorded('lowFactorAtClosure');
}

export const pendingIndicators: Partial<Record<IndicatorId, () => IndicatorResult>> = {
  followUpOnTime,
  referralsCompleted,
  closed,
  feelsWelcomed,
  livingWithFamily6,
  livingWithFamily12,
  reSeparation,
  lowFactorAtClosure,
};
