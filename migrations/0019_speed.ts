import type { Migration } from './types';

// My work at 100 000 cases (issue 9). A supervisor's "approvals waiting" lists the oldest 100
// decisions across the office: with these partial indexes, ordered by the date the list sorts by,
// it reads the first 100 entries of each instead of every plan in force not yet approved (half the
// plans in force) and every submitted BID, sorted in a temporary B-tree. The expressions are the
// list's own sort keys (electron/core/cases/approvals.ts), written the same way so SQLite uses them.
export default {
  version: 19,
  name: 'speed',
  up(db) {
    db.exec(`
      CREATE INDEX plan_versions_awaiting_approval ON plan_versions (coalesce(acknowledged_on, updated_at), case_id)
        WHERE status = 'current' AND approved_at IS NULL;
      CREATE INDEX bids_awaiting_approval ON bids (coalesce(submitted_at, updated_at), case_id) WHERE status = 'submitted';
    `);
  },
} satisfies Migration;
