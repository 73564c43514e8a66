import type { Migration } from './types';

// The case file: the child, assignment, stage and status; its timeline; its photo (kept apart so
// the list never reads image bytes); form drafts; and a trigram index over folded names and the
// case number for accent-insensitive search.
export default {
  version: 2,
  name: 'cases',
  up(db) {
    db.exec(`
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        seq INTEGER NOT NULL,
        office_code TEXT NOT NULL,
        given_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        other_names TEXT NOT NULL DEFAULT '[]',
        search_text TEXT NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        date_of_birth TEXT,
        dob_estimated INTEGER NOT NULL DEFAULT 0,
        estimated_age INTEGER,
        birth_year_sort INTEGER,
        languages TEXT NOT NULL DEFAULT '[]',
        has_disability INTEGER NOT NULL DEFAULT 0,
        disability_notes TEXT NOT NULL DEFAULT '',
        documentation_status TEXT NOT NULL,
        separation_reasons TEXT NOT NULL,
        separation_reason_other TEXT NOT NULL DEFAULT '',
        separation_date TEXT,
        separation_place TEXT NOT NULL DEFAULT '',
        care_arrangement TEXT NOT NULL,
        care_place TEXT NOT NULL DEFAULT '',
        area TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL CHECK (stage IN ('tracing_assessment', 'preparation', 'reunification', 'follow_up', 'closure')),
        status TEXT NOT NULL CHECK (status IN ('open', 'halted', 'closed')),
        halt_alternative TEXT,
        halt_reason TEXT,
        halt_child_views TEXT,
        halted_at TEXT,
        risk_level TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
        risk_rank INTEGER NOT NULL,
        priority TEXT NOT NULL CHECK (priority IN ('normal', 'high', 'urgent')),
        spontaneous INTEGER NOT NULL DEFAULT 0,
        worker_id TEXT REFERENCES users (id),
        family_worker_id TEXT REFERENCES users (id),
        review_due TEXT,
        registered_at TEXT NOT NULL,
        registered_by TEXT REFERENCES users (id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX cases_updated ON cases (updated_at);
      CREATE INDEX cases_worker ON cases (worker_id, updated_at);
      CREATE INDEX cases_family_worker ON cases (family_worker_id) WHERE family_worker_id IS NOT NULL;
      CREATE INDEX cases_stage ON cases (stage, status, updated_at);
      CREATE INDEX cases_risk ON cases (risk_rank, updated_at);
      CREATE INDEX cases_area ON cases (area, updated_at);
      CREATE INDEX cases_review_due ON cases (review_due) WHERE review_due IS NOT NULL;
      CREATE INDEX cases_name ON cases (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
      CREATE INDEX cases_registered ON cases (registered_at);
      CREATE INDEX cases_birth ON cases (birth_year_sort);

      CREATE VIRTUAL TABLE cases_search USING fts5(
        search_text, content='cases', content_rowid='rowid', tokenize='trigram'
      );
      -- Words with a prefix index, for one- and two-letter searches the trigram index cannot serve.
      CREATE VIRTUAL TABLE cases_words USING fts5(
        search_text, content='cases', content_rowid='rowid', tokenize='unicode61', prefix='1 2'
      );
      CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN
        INSERT INTO cases_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        INSERT INTO cases_words (rowid, search_text) VALUES (new.rowid, new.search_text);
      END;
      CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN
        INSERT INTO cases_search (cases_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        INSERT INTO cases_words (cases_words, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
      END;
      CREATE TRIGGER cases_search_update AFTER UPDATE OF search_text ON cases BEGIN
        INSERT INTO cases_search (cases_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        INSERT INTO cases_search (rowid, search_text) VALUES (new.rowid, new.search_text);
        INSERT INTO cases_words (cases_words, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
        INSERT INTO cases_words (rowid, search_text) VALUES (new.rowid, new.search_text);
      END;

      CREATE TABLE case_photos (
        case_id TEXT PRIMARY KEY REFERENCES cases (id),
        mime TEXT NOT NULL,
        data BLOB NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id TEXT NOT NULL REFERENCES cases (id),
        at TEXT NOT NULL,
        user_id TEXT REFERENCES users (id),
        type TEXT NOT NULL,
        details TEXT
      );
      CREATE INDEX case_events_case ON case_events (case_id, id);

      CREATE TABLE drafts (
        user_id TEXT NOT NULL REFERENCES users (id),
        key TEXT NOT NULL,
        data TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (user_id, key)
      ) STRICT;
    `);
  },
} satisfies Migration;
