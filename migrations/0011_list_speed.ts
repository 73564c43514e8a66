import type { Migration } from './types';

// Speed at 100 000 cases. The case list pages by keyset (the last row's sort key), so each sort
// needs an index in its order, ending in the case's sequence number (unique: it breaks ties); every such index also carries the list's filter columns, so a
// filter is tested on the index entry and the wide case row is read only for the 50 rows shown.
// An index of the filter columns (and sort keys) serves the total, counted once per filter change,
// and small filtered sets, which are read whole and ordered in memory.
// The audit log keeps the last verified point of its chain, so a check is incremental.
const filterColumns = 'stage, status, risk_rank, priority, area, review_due, worker_id, family_worker_id';

export default {
  version: 11,
  name: 'list_speed',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS cases_updated;
      DROP INDEX IF EXISTS cases_risk;
      DROP INDEX IF EXISTS cases_name;
      DROP INDEX IF EXISTS cases_registered;
      DROP INDEX IF EXISTS cases_birth;
      -- One key for the name sort (family name, then given name, ASCII letters folded as NOCASE
      -- does), so that a page's start is a plain range of one index.
      ALTER TABLE cases ADD COLUMN name_key TEXT GENERATED ALWAYS AS (lower(family_name) || char(31) || lower(given_name)) VIRTUAL;
      CREATE INDEX cases_list_updated ON cases (updated_at, seq, ${filterColumns});
      CREATE INDEX cases_list_registered ON cases (registered_at, seq, ${filterColumns});
      CREATE INDEX cases_list_number ON cases (seq, ${filterColumns});
      CREATE INDEX cases_list_name ON cases (name_key, seq, ${filterColumns});
      CREATE INDEX cases_list_risk ON cases (risk_rank, updated_at, seq, ${filterColumns});
      CREATE INDEX cases_list_review ON cases (review_due, seq, ${filterColumns});
      CREATE INDEX cases_list_birth ON cases (birth_year_sort, seq, ${filterColumns});
      CREATE INDEX cases_list_filters ON cases (${filterColumns}, updated_at, registered_at, seq, birth_year_sort, name_key);
      -- My work: a worker's open cases with what the page picks them by, from the index alone.
      CREATE INDEX cases_open_worker ON cases (worker_id, review_due, stage, updated_at, id) WHERE status = 'open';
      CREATE INDEX cases_open_family_worker ON cases (family_worker_id, review_due, stage, updated_at, id)
        WHERE status = 'open' AND family_worker_id IS NOT NULL;

      -- The distinct words of the names, for spelling-tolerant search (matched in memory).
      CREATE VIRTUAL TABLE cases_words_vocab USING fts5vocab(cases_words, 'row');

      CREATE TABLE audit_checkpoint (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        entry_id INTEGER NOT NULL,
        hash TEXT NOT NULL,
        verified_at TEXT NOT NULL
      ) STRICT;
    `);
  },
} satisfies Migration;
