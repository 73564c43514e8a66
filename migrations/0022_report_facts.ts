import { installReportFacts } from '../electron/core/reports/facts-install';
import type { Migration } from './types';

// The M&E dashboard at 100 000 cases (issue 14). Indicator facts, one row per child and date, kept
// by triggers in the transaction of every write that changes them, and filled here for the
// office's existing records (electron/core/reports/facts.ts); and date indexes for the indicators
// that read their tables directly (cohorts.ts): halts and refusals (children accepting
// reunification), plans in force and plan reviews by date.
export default {
  version: 22,
  name: 'report_facts',
  up(db) {
    installReportFacts(db);
    db.exec(`
      CREATE INDEX cases_halted ON cases (halted_at, id) WHERE halted_at IS NOT NULL;
      CREATE INDEX contact_refusals_on ON contact_refusals (refused_on, case_id);
      CREATE INDEX plan_versions_in_force ON plan_versions (acknowledged_on, superseded_at, case_id) WHERE status != 'draft';
      CREATE INDEX plan_reviews_date ON plan_reviews (date, case_id);
    `);
  },
} satisfies Migration;
