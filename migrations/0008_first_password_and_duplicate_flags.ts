import type { Migration } from './types';

// Two things the security review asked for.
// - users.must_change_password: a user whose password an administrator set (created, or reset with
//   the recovery key) changes it at their next sign-in before anything else; the administrator
//   knows it. Existing users keep working as they are (0).
// - duplicate_flags: a case worker whose new child looks like a child in someone else's case sees
//   only that a match exists, and asks a supervisor to look. The flag names the existing case, who
//   asked, and a note; a supervisor settles it (same child / another child).
export default {
  version: 8,
  name: 'first_password_and_duplicate_flags',
  up(db) {
    db.exec(`
      ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));

      CREATE TABLE duplicate_flags (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id),
        raised_by TEXT NOT NULL REFERENCES users (id),
        raised_at TEXT NOT NULL,
        score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
        note TEXT NOT NULL DEFAULT '',
        resolved_at TEXT,
        resolved_by TEXT REFERENCES users (id),
        outcome TEXT CHECK (outcome IN ('same_child', 'different_child')),
        CHECK ((resolved_at IS NULL) = (outcome IS NULL))
      ) STRICT;
      CREATE INDEX duplicate_flags_open ON duplicate_flags (raised_at) WHERE resolved_at IS NULL;
    `);
  },
} satisfies Migration;
