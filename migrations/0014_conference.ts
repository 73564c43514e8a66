import type { Migration } from './types';

// Family conferencing (issue 11). A conference (or smaller family meeting) per case, with what the
// facilitator chose for the family's screen and the agreement's own fields as JSON (they are read
// and written whole); invitees and commitments as rows: the invite rule (a person who poses a risk
// needs a supervisor's safety note) and My work's due commitments are queried over them.
export default {
  version: 14,
  name: 'conference',
  up(db) {
    db.exec(`
      CREATE TABLE conferences (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        version INTEGER NOT NULL DEFAULT 1,
        kind TEXT NOT NULL CHECK (kind IN ('conference', 'meeting')),
        purpose TEXT NOT NULL CHECK (purpose IN ('plan', 'plan_review', 'preparation', 'crisis')),
        date TEXT NOT NULL,
        time TEXT NOT NULL,
        venue TEXT NOT NULL,
        facilitator_name TEXT NOT NULL,
        family_language TEXT NOT NULL,
        other_languages TEXT NOT NULL DEFAULT '[]',
        interpreter TEXT NOT NULL DEFAULT '',
        child_mode TEXT NOT NULL CHECK (child_mode IN ('attends_all', 'attends_part', 'advocate', 'views_sent', 'not_involved')),
        child_means TEXT,
        child_words TEXT NOT NULL DEFAULT '',
        child_agreed_to_share INTEGER NOT NULL DEFAULT 0 CHECK (child_agreed_to_share IN (0, 1)),
        child_reason TEXT NOT NULL DEFAULT '',
        checklist TEXT NOT NULL DEFAULT '[]',
        private_minutes INTEGER NOT NULL DEFAULT 30,
        selection TEXT NOT NULL DEFAULT '[]',
        step TEXT CHECK (step IS NULL OR step IN ('welcome', 'information', 'private_time', 'family_plan', 'agreement')),
        step_started_at TEXT,
        private_started_at TEXT,
        private_ended_at TEXT,
        facilitator_notes TEXT NOT NULL DEFAULT '',
        agreement TEXT NOT NULL DEFAULT '{}',
        review_date TEXT,
        agreed_at TEXT,
        plan_version_id TEXT REFERENCES plan_versions (id),
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users (id),
        -- The child's participation is always recorded; "not involved" carries its reason (G:L76).
        CHECK (child_mode <> 'not_involved' OR child_reason <> '')
      ) STRICT;
      CREATE INDEX conferences_case ON conferences (case_id, date);

      CREATE TABLE conference_invitees (
        id TEXT PRIMARY KEY,
        conference_id TEXT NOT NULL REFERENCES conferences (id),
        case_id TEXT NOT NULL REFERENCES cases (id),
        member_id TEXT REFERENCES family_members (id),
        name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('proposed', 'invited', 'declined', 'attended')),
        safety_note TEXT,
        safety_note_by TEXT REFERENCES users (id),
        safety_note_at TEXT,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX conference_invitees_conference ON conference_invitees (conference_id, position);

      CREATE TABLE conference_commitments (
        id TEXT PRIMARY KEY,
        conference_id TEXT NOT NULL REFERENCES conferences (id),
        case_id TEXT NOT NULL REFERENCES cases (id),
        position INTEGER NOT NULL,
        who TEXT NOT NULL,
        what TEXT NOT NULL,
        by_when TEXT NOT NULL,
        domain TEXT NOT NULL,
        indicator TEXT NOT NULL DEFAULT '',
        support_needed TEXT NOT NULL DEFAULT '',
        family_part TEXT NOT NULL DEFAULT '',
        disagreement TEXT NOT NULL DEFAULT '',
        done_at TEXT
      ) STRICT;
      CREATE INDEX conference_commitments_conference ON conference_commitments (conference_id, position);
      -- My work: open commitments by due date, one range scan.
      CREATE INDEX conference_commitments_due ON conference_commitments (by_when, case_id) WHERE done_at IS NULL;
    `);
  },
} satisfies Migration;
