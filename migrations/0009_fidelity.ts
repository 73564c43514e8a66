import type { Migration } from './types';

// Case-work fidelity (issue 8). Gate exceptions a supervisor approves (one row per request, kept
// whatever the decision); the office's practice settings (one row); people who pose a risk to the
// child and what they may not do; a confidential placement; approvals flagged as self-approvals
// under the one-supervisor setting. Existing rows keep their meaning: nobody is restricted, no
// placement is confidential, no past approval was a self-approval.
export default {
  version: 9,
  name: 'fidelity',
  up(db) {
    db.exec(`
      CREATE TABLE gate_exceptions (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        gate_id TEXT NOT NULL,
        reason_kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
        requested_by TEXT REFERENCES users (id),
        requested_at TEXT NOT NULL,
        decided_by TEXT REFERENCES users (id),
        decided_at TEXT,
        decision_note TEXT NOT NULL DEFAULT '',
        self_approved INTEGER NOT NULL DEFAULT 0 CHECK (self_approved IN (0, 1)),
        CHECK (status = 'pending' OR status = 'withdrawn' OR decided_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX gate_exceptions_case ON gate_exceptions (case_id, status, gate_id);
      CREATE INDEX gate_exceptions_pending ON gate_exceptions (requested_at) WHERE status = 'pending';

      CREATE TABLE practice_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        home_safety_days INTEGER NOT NULL DEFAULT 30,
        plan_due_days INTEGER NOT NULL DEFAULT 60,
        alternative_care_warn_days INTEGER NOT NULL DEFAULT 180,
        spontaneous_visit_days INTEGER NOT NULL DEFAULT 7,
        spontaneous_baseline_days INTEGER NOT NULL DEFAULT 30,
        one_supervisor_mode INTEGER NOT NULL DEFAULT 0 CHECK (one_supervisor_mode IN (0, 1)),
        updated_at TEXT,
        updated_by TEXT REFERENCES users (id)
      ) STRICT;
      INSERT INTO practice_settings (id) VALUES (1);

      ALTER TABLE family_members ADD COLUMN poses_risk INTEGER NOT NULL DEFAULT 0 CHECK (poses_risk IN (0, 1));
      ALTER TABLE family_members ADD COLUMN restriction TEXT NOT NULL DEFAULT 'none'
        CHECK (restriction IN ('none', 'supervised_only', 'no_contact'));
      ALTER TABLE family_members ADD COLUMN must_not_know_location INTEGER NOT NULL DEFAULT 0 CHECK (must_not_know_location IN (0, 1));

      ALTER TABLE preparation_care ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1));

      ALTER TABLE bids ADD COLUMN self_approved INTEGER NOT NULL DEFAULT 0 CHECK (self_approved IN (0, 1));
      ALTER TABLE plan_versions ADD COLUMN self_approved INTEGER NOT NULL DEFAULT 0 CHECK (self_approved IN (0, 1));
    `);
  },
} satisfies Migration;
