import type { Migration } from './types';

// Family network, consent and assent, case notes and documents. People and documents are removed
// softly (the record and the reason stay); a note's earlier texts are kept in its revisions; a
// consent's withdrawal is recorded on the consent, which stays on file.
export default {
  version: 3,
  name: 'family',
  up(db) {
    db.exec(`
      CREATE TABLE family_members (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('relative', 'sibling', 'important_person')),
        relationship TEXT,
        role TEXT,
        role_other TEXT NOT NULL DEFAULT '',
        given_name TEXT NOT NULL,
        family_name TEXT NOT NULL DEFAULT '',
        sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        date_of_birth TEXT,
        estimated_age INTEGER,
        is_caregiver INTEGER NOT NULL DEFAULT 0,
        lives_with_child INTEGER NOT NULL DEFAULT 0,
        deceased INTEGER NOT NULL DEFAULT 0,
        phone TEXT NOT NULL DEFAULT '',
        other_contact TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        area TEXT NOT NULL DEFAULT '',
        country TEXT,
        living_situation TEXT,
        care_place TEXT NOT NULL DEFAULT '',
        in_contact TEXT CHECK (in_contact IN ('yes', 'no', 'unknown')),
        keep_together INTEGER,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users (id),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users (id),
        version INTEGER NOT NULL DEFAULT 1,
        removed_at TEXT,
        removed_by TEXT REFERENCES users (id),
        removed_reason TEXT
      ) STRICT;
      CREATE INDEX family_members_case ON family_members (case_id);

      CREATE TABLE case_documents (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('consent_form', 'letter', 'id_document', 'photo', 'report', 'other')),
        mime TEXT NOT NULL,
        file_name TEXT NOT NULL DEFAULT '',
        size_bytes INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        uploaded_at TEXT NOT NULL,
        uploaded_by TEXT REFERENCES users (id),
        removed_at TEXT,
        removed_by TEXT REFERENCES users (id),
        removed_reason TEXT
      ) STRICT;
      CREATE INDEX case_documents_case ON case_documents (case_id);

      CREATE TABLE consents (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        given_by TEXT NOT NULL CHECK (given_by IN ('child', 'caregiver', 'guardian', 'other')),
        member_id TEXT REFERENCES family_members (id),
        giver_name TEXT NOT NULL DEFAULT '',
        relationship TEXT NOT NULL DEFAULT '',
        purposes TEXT NOT NULL,
        purpose_other TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL CHECK (method IN ('written', 'verbal', 'thumbprint', 'signature')),
        given_on TEXT NOT NULL,
        document_id TEXT REFERENCES case_documents (id),
        notes TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL,
        recorded_by TEXT REFERENCES users (id),
        withdrawn_on TEXT,
        withdrawn_reason TEXT,
        withdrawn_at TEXT,
        withdrawn_by TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX consents_case ON consents (case_id, given_on);

      CREATE TABLE case_notes (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('general', 'home_visit', 'phone_call', 'meeting', 'supervision', 'other')),
        note_date TEXT NOT NULL,
        text TEXT NOT NULL,
        author_id TEXT REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX case_notes_case ON case_notes (case_id, note_date, created_at);

      CREATE TABLE case_note_revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        note_id TEXT NOT NULL REFERENCES case_notes (id),
        kind TEXT NOT NULL,
        note_date TEXT NOT NULL,
        text TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        replaced_by TEXT REFERENCES users (id)
      ) STRICT;
      CREATE INDEX case_note_revisions_note ON case_note_revisions (note_id, id);
    `);
  },
} satisfies Migration;
