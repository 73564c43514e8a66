import type { Migration } from './types';

// A search of the case list at 100 000 cases (issue 9: growth 10k -> 100k at most 2x for every list
// query). A common family name has ten times more matches in an office ten times larger, and each
// match cost two reads: its entry in the trigram index (0.53 µs: the position lists of every trigram
// of the term) and its case row, for the filters and the sort key (0.72 µs at 100 000 cases, where
// the wide rows no longer stay in the processor's cache). A search narrowed by two filters grew
// ×2.6–3.0 (0.7 -> 2.2 ms).
//
// case_name_words holds one row per word of a case's names and number (the words of `search_text`
// that are not only digits), with the columns the list filters and sorts by. A search of letters
// reads, for each vocabulary word that contains the term (found in memory, as the tolerant search
// already does), one range of this table: filters are tested on the row and the sort key is there,
// so no case row and no full-text entry is read (cases/list-search.ts); a name's many matches are
// paged by relevance along one range of case_name_words_updated (cases/list.ts). Kept by triggers in the
// writing transaction: a name change rewrites the case's words, any other change of a listed column
// updates them in place.
//
// `search_text` is folded (letters and digits separated by single spaces), so splitting it on spaces
// gives the same words the trigram index sees; quotes and backslashes are escaped all the same, so an
// unexpected text can never make the JSON invalid and fail a write.
const columns = [
  'seq', 'id', 'stage', 'status', 'risk_rank', 'priority', 'area', 'review_due', 'worker_id', 'family_worker_id',
  'updated_at', 'registered_at', 'birth_year_sort',
] as const;
/** Base columns that, changed, change a listed word row (name_key follows the two names). */
const watched = [...columns, 'family_name', 'given_name'].join(', ');
const words = (row: string) =>
  `json_each('["' || replace(replace(replace(${row}.search_text, '\\', '\\\\'), '"', '\\"'), ' ', '","') || '"]') AS w`;
const nameKey = (row: string) => `lower(${row}.family_name) || char(31) || lower(${row}.given_name)`;
const insertWords = (row: string) =>
  `INSERT INTO case_name_words (word, r, ${columns.join(', ')}, name_key)
     SELECT DISTINCT w.value, ${row}.rowid, ${columns.map((c) => `${row}.${c}`).join(', ')}, ${nameKey(row)}
     FROM ${words(row)} WHERE w.value GLOB '*[^0-9]*'`;

export default {
  version: 29,
  name: 'case_name_words',
  up(db) {
    db.exec(`
      CREATE TABLE case_name_words (
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
        PRIMARY KEY (word, r)
      ) WITHOUT ROWID;
      CREATE INDEX case_name_words_case ON case_name_words (r);
      -- A search's matches by the time they were updated (its relevance), one word's range at a time.
      CREATE INDEX case_name_words_updated ON case_name_words (word, updated_at, seq);
      INSERT INTO case_name_words (word, r, ${columns.join(', ')}, name_key)
        SELECT word, r, ${columns.join(', ')}, name_key FROM (
          SELECT DISTINCT w.value AS word, c.rowid AS r, ${columns.map((col) => `c.${col}`).join(', ')}, ${nameKey('c')} AS name_key
          FROM cases AS c, ${words('c')} WHERE w.value GLOB '*[^0-9]*'
        ) ORDER BY word, r;
      -- Bumped whenever a case's words come or go: the vocabulary held in memory is read again then.
      CREATE TABLE case_words_version (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL) STRICT;
      INSERT INTO case_words_version (id, n) VALUES (1, 0);
      CREATE TRIGGER case_name_words_insert AFTER INSERT ON cases BEGIN
        ${insertWords('NEW')};
        UPDATE case_words_version SET n = n + 1;
      END;
      CREATE TRIGGER case_name_words_delete AFTER DELETE ON cases BEGIN
        DELETE FROM case_name_words WHERE r = OLD.rowid;
        UPDATE case_words_version SET n = n + 1;
      END;
      CREATE TRIGGER case_name_words_renamed AFTER UPDATE OF search_text ON cases WHEN OLD.search_text IS NOT NEW.search_text BEGIN
        DELETE FROM case_name_words WHERE r = OLD.rowid;
        ${insertWords('NEW')};
        UPDATE case_words_version SET n = n + 1;
      END;
      CREATE TRIGGER case_name_words_update AFTER UPDATE OF ${watched} ON cases WHEN OLD.search_text IS NEW.search_text BEGIN
        UPDATE case_name_words SET ${columns.map((c) => `${c} = NEW.${c}`).join(', ')}, name_key = ${nameKey('NEW')}
          WHERE r = NEW.rowid;
      END;
    `);
  },
} satisfies Migration;
