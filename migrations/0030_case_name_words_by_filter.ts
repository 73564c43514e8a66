import type { Migration } from './types';

// A search narrowed by filters at 100 000 cases (issue 9: growth 10k -> 100k at most 2x for every
// list query). A name's word rows (migration 29) were kept in case order, so "Okello" in two stages
// at medium or high risk read all 2 600 of the name's rows to keep 666: 0.57 ms of a 2 ms page,
// growing with the office. The rows are now kept in the order of the list's first filters — stage,
// status, risk, as the filter bar offers them — within each word: the same search seeks the ranges
// of its filters and reads only their rows (0.27 ms; counting them 0.05 ms against 0.28). The
// reader names every stage, status or risk level when a later one is filtered (cases/list.ts).
//
// The table is rebuilt under the new key with the same rows and indexes. The triggers on `cases`
// (migration 29) name the table in their bodies; renaming the new table into place with
// legacy_alter_table leaves them as they are (SQLite otherwise checks each trigger while the table
// is missing and refuses the rename), and they write to the new table from then on.
export default {
  version: 30,
  name: 'case_name_words_by_filter',
  up(db) {
    db.exec(`
      CREATE TABLE case_name_words_new (
        word TEXT NOT NULL,
        r INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        id TEXT NOT NULL,
        stage TEXT NOT NULL,
        status TEXT NOT NULL,
        risk_rank INTEGER NOT NULL,
        priority TEXT NOT NULL,
        area TEXT,
        review_due TEXT,
        worker_id TEXT,
        family_worker_id TEXT,
        updated_at TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        birth_year_sort INTEGER,
        name_key TEXT NOT NULL,
        PRIMARY KEY (word, stage, status, risk_rank, r)
      ) WITHOUT ROWID;
      INSERT INTO case_name_words_new SELECT * FROM case_name_words ORDER BY word, stage, status, risk_rank, r;
      DROP TABLE case_name_words;
      PRAGMA legacy_alter_table = ON;
      ALTER TABLE case_name_words_new RENAME TO case_name_words;
      PRAGMA legacy_alter_table = OFF;
      CREATE INDEX case_name_words_case ON case_name_words (r);
      -- A search's matches by the time they were updated (its relevance), one word's range at a time.
      CREATE INDEX case_name_words_updated ON case_name_words (word, updated_at, seq);
    `);
  },
} satisfies Migration;
