import type { Migration } from './types';

// My work for a case worker with ~2 000 open cases in under 50 ms at 100 000 cases (issue 9). Each
// of its per-case lookups read a table row per case where an index could answer alone:
// - a worker's plans waiting for approval (the approvals queue, driven from the worker's cases when
//   many wait office-wide): the plan in force by case, then its row for approved_at, date and author
//   → a partial index of only the waiting plans, by case, holding what the queue shows;
// - planned contacts (case, planned date) → the same partial index also holding kind and id;
// - the tracing outcome of each active case (live actions by case, in log order) → an index of live
//   actions in that order, holding the result (no sort, no table rows).
export default {
  version: 25,
  name: 'my_work_speed',
  up(db) {
    // approved_at and removed_at are always NULL in these partial indexes, yet listed: SQLite counts
    // an index as covering only if it holds every column the WHERE names (status = 'literal' is
    // the exception it knows).
    db.exec(`
      CREATE INDEX plan_versions_waiting_case ON plan_versions (case_id, updated_at, id, version, created_by, approved_at)
        WHERE status = 'current' AND approved_at IS NULL;
      DROP INDEX contacts_planned;
      CREATE INDEX contacts_planned ON contacts (case_id, planned_for, kind, id) WHERE status = 'planned';
      CREATE INDEX tracing_actions_live ON tracing_actions (case_id, date, created_at, id, result, removed_at) WHERE removed_at IS NULL;
    `);
  },
} satisfies Migration;
