import type { Migration } from './types';

// Case-work fidelity, second part (issue 8).
// - Risk starts as "not yet assessed": a flag beside the level (the level's CHECK list stays as it
//   is; rebuilding the cases table would touch every reference to it). Existing cases that still
//   carry the old default ("medium") and have never had a risk assessment were never assessed, so
//   they become "not yet assessed"; a level a worker picked on purpose (low, high) is kept.
// - A halted case has a review date (three months after the halt for cases halted before this).
// - Spontaneous returns say what kind of return it was, and get due tasks at once (home visit,
//   risk assessment, safety plan, family assessment, well-being baseline): one row per task with
//   its due date fixed when the task is created, so a later change of the office's days does not
//   move a date a worker was already given. Existing spontaneous cases get their tasks too, from
//   their registration date: a child who went home alone is not low priority.
// - Halt reviews: each review of a halted case, with who took part and the child's views.
// - Paper cases: a case marked "entered from paper records" (who, when, and the day the paper
//   file began) may carry events dated back to that day; existing cases are not paper cases.
// - Plans shared with care: an objective can be confidential (never in the family's copy); the
//   child's views on the plan and on each review, and who took part in each review, are recorded.
//   Existing objectives are not confidential; existing reviews list no participants.
// - The child's views may be a reasoned absence (why the child could not give views, and how their
//   wishes were found out) on the BID and on assessments too: JSON beside the views text.
export default {
  version: 17,
  name: 'fidelity_practice',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN risk_assessed INTEGER NOT NULL DEFAULT 1 CHECK (risk_assessed IN (0, 1));
      UPDATE cases SET risk_assessed = 0, risk_rank = 0
        WHERE risk_level = 'medium' AND NOT EXISTS (SELECT 1 FROM risk_assessments r WHERE r.case_id = cases.id);

      ALTER TABLE cases ADD COLUMN halt_review_due TEXT;
      ALTER TABLE cases ADD COLUMN halt_child_views_absent TEXT;
      UPDATE cases SET halt_review_due = date(halted_at, '+90 days') WHERE status = 'halted' AND halted_at IS NOT NULL;

      ALTER TABLE cases ADD COLUMN spontaneous_kind TEXT
        CHECK (spontaneous_kind IS NULL OR spontaneous_kind IN ('returned_alone', 'institution_closed', 'released_from_detention', 'other'));
      ALTER TABLE cases ADD COLUMN spontaneous_kind_other TEXT NOT NULL DEFAULT '';
      UPDATE cases SET spontaneous_kind = 'returned_alone' WHERE spontaneous = 1;

      CREATE TABLE case_tasks (
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('home_visit', 'risk_assessment', 'safety_plan', 'family_assessment', 'wellbeing_baseline')),
        due_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        done_on TEXT,
        done_note TEXT NOT NULL DEFAULT '',
        done_by TEXT REFERENCES users (id),
        PRIMARY KEY (case_id, kind)
      ) STRICT;
      CREATE INDEX case_tasks_open ON case_tasks (due_on) WHERE done_on IS NULL;
      INSERT INTO case_tasks (case_id, kind, due_on, created_at)
        SELECT c.id, k.kind, date(c.registered_at, '+' || (CASE k.kind WHEN 'home_visit' THEN p.spontaneous_visit_days ELSE p.spontaneous_baseline_days END) || ' days'), c.registered_at
        FROM cases c
        JOIN practice_settings p ON p.id = 1
        JOIN (SELECT 'home_visit' AS kind UNION ALL SELECT 'risk_assessment' UNION ALL SELECT 'safety_plan'
              UNION ALL SELECT 'family_assessment' UNION ALL SELECT 'wellbeing_baseline') k
        WHERE c.spontaneous = 1;

      CREATE TABLE halt_reviews (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        reviewed_on TEXT NOT NULL,
        participants TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL,
        child_views TEXT NOT NULL DEFAULT '',
        child_views_absent TEXT,
        next_review_on TEXT NOT NULL,
        recorded_by TEXT REFERENCES users (id),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX halt_reviews_case ON halt_reviews (case_id, reviewed_on);

      ALTER TABLE cases ADD COLUMN paper_since TEXT;
      ALTER TABLE cases ADD COLUMN paper_marked_by TEXT REFERENCES users (id);
      ALTER TABLE cases ADD COLUMN paper_marked_at TEXT;

      ALTER TABLE plan_objectives ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1));
      ALTER TABLE plan_versions ADD COLUMN child_views TEXT NOT NULL DEFAULT '';
      ALTER TABLE plan_versions ADD COLUMN child_views_absent TEXT;
      ALTER TABLE plan_reviews ADD COLUMN participants TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE plan_reviews ADD COLUMN child_views TEXT NOT NULL DEFAULT '';
      ALTER TABLE plan_reviews ADD COLUMN child_views_absent TEXT;

      ALTER TABLE bids ADD COLUMN child_views_absent TEXT;
      ALTER TABLE assessments ADD COLUMN child_views_absent TEXT;
    `);
  },
} satisfies Migration;
