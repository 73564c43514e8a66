import type { Migration } from './types';

// Follow-up after reunification (issue 10): the office's protocol, each case's planned contacts,
// monitoring visits and their warning signs, breakdowns and the 6- and 12-month outcomes. Rows
// are never deleted: a cancelled contact, a resolved sign and a breakdown stay as history.
export default {
  version: 12,
  name: 'followup',
  up(db) {
    db.exec(`
      CREATE TABLE followup_protocol (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        definition TEXT NOT NULL,
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users(id)
      ) STRICT;

      CREATE TABLE followup_contacts (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        due_on TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('home_visit', 'school_visit', 'phone_call', 'community_report')),
        performer TEXT NOT NULL CHECK (performer IN ('case_worker', 'community_monitor', 'other_agency')),
        source TEXT NOT NULL CHECK (source IN ('protocol', 'high_risk', 'spontaneous', 'adjusted')),
        status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
        visit_id TEXT,
        reason TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX followup_contacts_case ON followup_contacts (case_id, due_on);
      -- The calendar and My work: open contacts by day, then their case.
      CREATE INDEX followup_contacts_open ON followup_contacts (due_on, case_id) WHERE status = 'planned';

      CREATE TABLE followup_visits (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        date TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('in_person', 'phone')),
        contact_id TEXT REFERENCES followup_contacts(id),
        child_spoken_with INTEGER NOT NULL CHECK (child_spoken_with IN (0, 1)),
        emergency_route_confirmed INTEGER NOT NULL CHECK (emergency_route_confirmed IN (0, 1)),
        wellbeing_assessment_id TEXT REFERENCES assessments(id),
        data TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX followup_visits_case ON followup_visits (case_id, date);

      CREATE TABLE followup_signs (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        visit_id TEXT NOT NULL REFERENCES followup_visits(id),
        sign TEXT NOT NULL,
        urgent INTEGER NOT NULL CHECK (urgent IN (0, 1)),
        note TEXT NOT NULL,
        observed_on TEXT NOT NULL,
        resolved_at TEXT,
        resolved_by TEXT REFERENCES users(id),
        resolution TEXT
      ) STRICT;
      CREATE INDEX followup_signs_case ON followup_signs (case_id, observed_on);
      -- The supervisor's queue: urgent signs still open.
      CREATE INDEX followup_signs_urgent ON followup_signs (case_id, observed_on) WHERE urgent = 1 AND resolved_at IS NULL;

      CREATE TABLE followup_breakdowns (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        date TEXT NOT NULL,
        what_happened TEXT NOT NULL,
        where_now TEXT NOT NULL,
        where_place TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        from_stage TEXT NOT NULL,
        bid_review_due TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX followup_breakdowns_case ON followup_breakdowns (case_id, date);

      CREATE TABLE followup_outcomes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases(id),
        milestone INTEGER NOT NULL CHECK (milestone IN (6, 12)),
        recorded_on TEXT NOT NULL,
        living TEXT NOT NULL,
        school TEXT NOT NULL,
        welcomed TEXT NOT NULL,
        belonging TEXT NOT NULL,
        child_words TEXT NOT NULL,
        note TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('success', 'not_success', 'unknown')),
        baseline_overall REAL,
        latest_overall REAL,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id)
      ) STRICT;
      CREATE INDEX followup_outcomes_case ON followup_outcomes (case_id, milestone);
    `);
  },
} satisfies Migration;
