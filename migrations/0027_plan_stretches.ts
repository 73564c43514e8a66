import { installReportFacts } from '../electron/core/reports/facts-install';
import type { Migration } from './types';

// The M&E dashboard at 100 000 cases, fourth step (issue 14: twelve months p95 ≤ 250 ms). The plans
// in force become stretches of each child's plan, cut at every review (facts.ts,
// plansReviewedOnTime): the indicator reads the stretch holding the period's end instead of
// probing each child among the reviews of the last three months (48 of its 61 ms for a year).
// plan_reviews gets triggers; only this indicator's facts are refilled. And the facts get a narrow
// index in the date's order (facts-install.ts, report_facts_day) for the cohorts read without splits;
// the index of reviews by date, which only the old probe read, goes.
export default {
  version: 27,
  name: 'plan_stretches',
  up(db) {
    // Reviews by date were read only by the old probe (migration 22 made the index for it).
    db.exec('DROP INDEX IF EXISTS plan_reviews_date;');
    installReportFacts(db, ['plansReviewedOnTime']);
  },
} satisfies Migration;
