import type { Migration } from './types';

// Supervision and closure (issue 10). A halt now waits for a supervisor's confirmation (who halted
// is kept); a closure is recommended by the worker with the Guidelines' checklist (G:L287-293) and
// decided by another person; a re-opening keeps the closure it undoes; review sessions pick cases,
// record one decision per case (its notes are supervision notes: never in family views, transfers
// or exports) and actions with an owner and a due date. Existing halts count as not yet confirmed:
// nobody confirmed them, and a supervisor should see them once.
export default {
  version: 13,
  name: 'review',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN halted_by TEXT REFERENCES users (id);
      ALTER TABLE cases ADD COLUMN halt_confirmed_by TEXT REFERENCES users (id);
      ALTER TABLE cases ADD COLUMN halt_confirmed_at TEXT;
      -- The approvals queue reads only what waits: each source has a small partial index.
      CREATE INDEX bids_waiting ON bids (submitted_at) WHERE status = 'submitted';
      CREATE INDEX plan_versions_waiting ON plan_versions (updated_at) WHERE status = 'current' AND approved_at IS NULL;
      CREATE INDEX cases_halt_waiting ON cases (halted_at) WHERE status = 'halted' AND halt_confirmed_at IS NULL;

      -- The caseload view counts open cases per worker from this index alone (no case row read).
      CREATE INDEX cases_caseload ON cases (status, worker_id, stage, risk_level, review_due, registered_at, spontaneous);

      ALTER TABLE practice_settings ADD COLUMN caseload_warn_size INTEGER NOT NULL DEFAULT 25 CHECK (caseload_warn_size BETWEEN 1 AND 1000);

      CREATE TABLE case_closures (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        status TEXT NOT NULL CHECK (status IN ('recommended', 'approved', 'returned', 'withdrawn')),
        reason TEXT NOT NULL CHECK (reason IN ('reintegrated', 'transferred', 'permanent_family', 'adulthood', 'died', 'lost_contact', 'other')),
        reason_note TEXT NOT NULL DEFAULT '',
        observations_reviewed INTEGER NOT NULL CHECK (observations_reviewed IN (0, 1)),
        progress_reviewed INTEGER NOT NULL CHECK (progress_reviewed IN (0, 1)),
        providers_consulted TEXT NOT NULL,
        risks TEXT NOT NULL,
        child_views TEXT NOT NULL,
        family_views TEXT NOT NULL,
        stage_before TEXT NOT NULL,
        status_before TEXT NOT NULL,
        recommended_by TEXT REFERENCES users (id),
        recommended_at TEXT NOT NULL,
        decided_by TEXT REFERENCES users (id),
        decided_at TEXT,
        decision_note TEXT NOT NULL DEFAULT '',
        panel_agencies TEXT NOT NULL DEFAULT '[]',
        self_approved INTEGER NOT NULL DEFAULT 0 CHECK (self_approved IN (0, 1)),
        CHECK (status IN ('recommended', 'withdrawn') OR decided_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX case_closures_case ON case_closures (case_id, status);
      CREATE INDEX case_closures_waiting ON case_closures (recommended_at) WHERE status = 'recommended';

      CREATE TABLE case_reopenings (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        closure_id TEXT REFERENCES case_closures (id),
        reason TEXT NOT NULL CHECK (reason IN ('re_separation', 'new_concern', 'other')),
        note TEXT NOT NULL,
        stage TEXT NOT NULL,
        reopened_by TEXT REFERENCES users (id),
        reopened_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_reopenings_case ON case_reopenings (case_id, reopened_at);

      CREATE TABLE review_sessions (
        id TEXT PRIMARY KEY,
        held_on TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('supervisor', 'panel')),
        agencies TEXT NOT NULL DEFAULT '[]',
        participants TEXT NOT NULL DEFAULT '',
        rules TEXT NOT NULL,
        sample_size INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL CHECK (status IN ('open', 'finished')),
        created_by TEXT REFERENCES users (id),
        created_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX review_sessions_held ON review_sessions (held_on);

      CREATE TABLE review_items (
        session_id TEXT NOT NULL REFERENCES review_sessions (id),
        case_id TEXT NOT NULL REFERENCES cases (id),
        position INTEGER NOT NULL,
        reasons TEXT NOT NULL,
        decision TEXT CHECK (decision IS NULL OR decision IN ('continue', 'revise_plan', 'escalate', 'close', 'halt', 'transfer')),
        note TEXT NOT NULL DEFAULT '',
        child_consulted INTEGER NOT NULL DEFAULT 0 CHECK (child_consulted IN (0, 1)),
        family_consulted INTEGER NOT NULL DEFAULT 0 CHECK (family_consulted IN (0, 1)),
        counts_as_plan_review INTEGER NOT NULL DEFAULT 0 CHECK (counts_as_plan_review IN (0, 1)),
        decided_by TEXT REFERENCES users (id),
        decided_at TEXT,
        PRIMARY KEY (session_id, case_id)
      ) STRICT;
      CREATE INDEX review_items_case ON review_items (case_id, decided_at);

      CREATE TABLE review_actions (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES review_sessions (id),
        case_id TEXT NOT NULL REFERENCES cases (id),
        text TEXT NOT NULL,
        owner_id TEXT NOT NULL REFERENCES users (id),
        due_on TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'done')),
        created_by TEXT REFERENCES users (id),
        created_at TEXT NOT NULL,
        done_by TEXT REFERENCES users (id),
        done_at TEXT,
        CHECK (status = 'open' OR done_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX review_actions_owner ON review_actions (owner_id, due_on) WHERE status = 'open';
      CREATE INDEX review_actions_case ON review_actions (case_id);
    `);
  },
} satisfies Migration;
