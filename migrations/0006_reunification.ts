import type { Migration } from './types';

// Contact ladder and reunification record. Contacts and refusals are many per case; the
// reunification record is one per case (its package items and service enrolments hang off it).
// The caregivers' signed or scanned willingness statement is kept apart so reading the record never
// reads the file's bytes. family_member_id is a soft link (no foreign key): the family network may
// be rebuilt without touching the contact log.
export default {
  version: 6,
  name: 'reunification',
  up(db) {
    db.exec(`
      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('remote_contact', 'short_meeting', 'supervised_visit', 'unsupervised_visit', 'sibling_contact')),
        mode TEXT CHECK (mode IN ('letter', 'phone_call', 'video_message', 'video_call', 'in_person')),
        with_whom TEXT NOT NULL,
        family_member_id TEXT,
        place TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
        planned_for TEXT,
        purpose TEXT NOT NULL DEFAULT '',
        held_on TEXT,
        duration_minutes INTEGER,
        outcome TEXT CHECK (outcome IN ('successful', 'partly_successful', 'unsuccessful')),
        child_feedback TEXT NOT NULL DEFAULT '',
        family_feedback TEXT NOT NULL DEFAULT '',
        observations TEXT NOT NULL DEFAULT '',
        concerns TEXT NOT NULL DEFAULT '',
        cancel_reason TEXT NOT NULL DEFAULT '',
        cancelled_at TEXT,
        recorded_by TEXT REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (status != 'held' OR (held_on IS NOT NULL AND outcome IS NOT NULL)),
        CHECK (status != 'planned' OR planned_for IS NOT NULL)
      ) STRICT;
      CREATE INDEX contacts_case ON contacts (case_id, status, kind);
      CREATE INDEX contacts_planned ON contacts (case_id, planned_for) WHERE status = 'planned';

      CREATE TABLE contact_refusals (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        refused_on TEXT NOT NULL,
        refused_by TEXT NOT NULL CHECK (refused_by IN ('family', 'child', 'both')),
        who TEXT NOT NULL DEFAULT '',
        reasons TEXT NOT NULL,
        child_views TEXT NOT NULL DEFAULT '',
        contact_id TEXT REFERENCES contacts (id),
        recorded_by TEXT REFERENCES users (id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contact_refusals_case ON contact_refusals (case_id, refused_on);

      CREATE TABLE reunifications (
        case_id TEXT PRIMARY KEY REFERENCES cases (id),
        reunified_on TEXT NOT NULL,
        willingness_stated_by TEXT NOT NULL DEFAULT '',
        willingness_stated_on TEXT,
        willingness_statement TEXT NOT NULL DEFAULT '',
        guardianship_from TEXT NOT NULL DEFAULT '',
        guardianship_to TEXT NOT NULL DEFAULT '',
        guardianship_on TEXT,
        guardianship_reference TEXT NOT NULL DEFAULT '',
        accompanied_by TEXT NOT NULL DEFAULT '',
        child_choices TEXT NOT NULL DEFAULT '',
        handover_from_id TEXT REFERENCES users (id),
        handover_to_id TEXT REFERENCES users (id),
        handover_at TEXT,
        handover_notes TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        recorded_by TEXT REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE reunification_willingness_documents (
        case_id TEXT PRIMARY KEY REFERENCES reunifications (case_id),
        kind TEXT NOT NULL CHECK (kind IN ('signature', 'document')),
        mime TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        data BLOB NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reunification_package_items (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES reunifications (case_id),
        position INTEGER NOT NULL,
        item TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        provided_by TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX reunification_package_items_case ON reunification_package_items (case_id, position);

      CREATE TABLE reunification_enrolments (
        id INTEGER PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES reunifications (case_id),
        position INTEGER NOT NULL,
        service TEXT NOT NULL CHECK (service IN ('school', 'health', 'birth_registration', 'other')),
        service_other TEXT NOT NULL DEFAULT '',
        provider TEXT NOT NULL DEFAULT '',
        enrolled_on TEXT,
        notes TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX reunification_enrolments_case ON reunification_enrolments (case_id, position);
    `);
  },
} satisfies Migration;
