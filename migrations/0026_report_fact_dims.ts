import { installReportFacts } from '../electron/core/reports/facts-install';
import type { Migration } from './types';

// The M&E dashboard at 100 000 cases, third step (issue 14: p95 ≤ 250 ms for splits and filters).
// Each fact now carries its child's split columns (sex, age's dates, disability, reasons, care,
// return kind, area), kept by a trigger on `cases`: a split or filter reads them with the fact
// instead of looking each of a quarter's 188 000 cohort children up in `report_cases` by text key,
// which goes. Plans in force become facts too (indicator plansReviewedOnTime), so that indicator
// no longer reads plan_versions and cases at all; the two indexes it read them by go.
// The table is made anew with its indexes, triggers and rows (installReportFacts).
export default {
  version: 26,
  name: 'report_fact_dims',
  up(db) {
    db.exec(`
      DROP TABLE report_facts;
      DROP INDEX IF EXISTS plan_versions_in_force;
      DROP INDEX IF EXISTS cases_halted;
    `);
    installReportFacts(db);
  },
} satisfies Migration;
