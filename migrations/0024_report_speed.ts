import type { Migration } from './types';

// The M&E dashboard and the de-identified export at 100 000 cases, second step (issue 14: p95 ≤
// 250 ms for twelve months, splits and filters; 100 000 cases exported in ≤ 30 s). Indexes only —
// the facts and their triggers are unchanged (SQLite keeps an index with the table it indexes):
// - the indicator facts in each child's order, with every column: a cohort that combines a child's
//   rows of a period (fact-cohorts.ts) reads them already grouped instead of sorting them;
// - a child's waiting care arrangements by date, with the arrangement: the care-setting split reads
//   the one in force on a date with one step of an index, not the child's rows sorted;
// - completed well-being scores by child with the overall score: the export reads them without the
//   assessments' wide rows (answers and all).
export default {
  version: 24,
  name: 'report_speed',
  up(db) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS report_facts_child ON report_facts (indicator, case_id, at, num, unk, ref, days, x, n, y);
      CREATE INDEX preparation_care_since ON preparation_care (case_id, since, recorded_at, arrangement);
      CREATE INDEX assessments_wellbeing_score ON assessments (case_id, date, json_extract(scores, '$.overall'))
        WHERE kind = 'wellbeing' AND status = 'completed';
    `);
  },
} satisfies Migration;
