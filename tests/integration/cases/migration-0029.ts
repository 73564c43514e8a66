// The upgrade case for migration 0029 (the words of the cases' names, with the list's columns):
// an office at version 28 with cases whose names share words; at version 29 the word rows equal the
// words of each case's folded names and number (all but the digits-only ones) with the case's listed
// columns, and a new case, a renamed one, a move between stages, a text with quotes and a removed
// case keep them equal (triggers in the writing transaction).
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { caseRow, insertRow, type MigrationCase } from '../../fixtures/migrations';

const at = '2025-02-01T08:00:00.000Z';
const columns = 'seq, id, stage, status, risk_rank, priority, area, review_due, worker_id, family_worker_id, updated_at, registered_at, birth_year_sort';
/** What the rows should be (in word and case order): each case's distinct words of search_text that are not only digits, read in JS. */
export function expected(raw: RawDatabase) {
  const cases = raw.prepare(`SELECT rowid AS r, search_text, ${columns}, lower(family_name) || char(31) || lower(given_name) AS name_key FROM cases`).all() as Record<string, unknown>[];
  return cases
    .flatMap(({ search_text: text, ...row }) => [...new Set(String(text).split(' '))].filter((w) => /\D/u.test(w)).map((word) => ({ word, ...row }) as { word: string; r: number }))
    .sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : a.r - b.r));
}
export const kept = (raw: RawDatabase) => raw.prepare(`SELECT word, r, ${columns}, name_key FROM case_name_words ORDER BY word, r`).all();
const aCase = (n: number, given: string, family: string, text: string) =>
  caseRow(`m29-case-${n}`, 90290 + n, at, { given_name: given, family_name: family, search_text: text, risk_level: 'medium', risk_rank: 2 });

export const migration0029Case: MigrationCase = {
  seed(raw) {
    insertRow(raw, 'cases', aCase(1, 'Akello', 'Okello', 'gul 2025 90291 akello okello'));
    insertRow(raw, 'cases', aCase(2, 'Okello', 'Okello', 'gul 2025 90292 okello okello'));
    insertRow(raw, 'cases', aCase(3, 'محمد', 'Ali', 'gul 2025 90293 محمد ali'));
  },
  check(raw) {
    const version = () => raw.prepare('SELECT n FROM case_words_version').pluck().get() as number;
    expect(kept(raw)).toEqual(expected(raw));
    const before = version();
    expect(raw.prepare(`SELECT count(*) FROM case_name_words WHERE word = 'okello' AND id LIKE 'm29-%'`).pluck().get()).toBe(2);
    insertRow(raw, 'cases', aCase(4, 'Aisha', 'Nakato', 'gul 2025 90294 aisha nakato k2'));
    raw.prepare(`UPDATE cases SET given_name = 'Okot', search_text = 'gul 2025 90291 okot okello' WHERE id = 'm29-case-1'`).run();
    // A new case and a rename change the words: the version says so.
    expect(version()).toBe(before + 2);
    raw.prepare(`UPDATE cases SET stage = 'reunification', updated_at = '2025-03-01T08:00:00.000Z', priority = 'urgent' WHERE id = 'm29-case-2'`).run();
    expect(version()).toBe(before + 2);
    // Not a folded text, but no write may fail on it.
    raw.prepare(`UPDATE cases SET search_text = 'gul 2025 90293 "ali\\ mohamed' WHERE id = 'm29-case-3'`).run();
    expect(kept(raw)).toEqual(expected(raw));
    expect(raw.prepare(`SELECT DISTINCT stage, priority FROM case_name_words WHERE r = (SELECT rowid FROM cases WHERE id = 'm29-case-2')`).all()).toEqual([
      { stage: 'reunification', priority: 'urgent' },
    ]);
    raw.prepare(`DELETE FROM cases WHERE id = 'm29-case-4'`).run();
    expect(raw.prepare(`SELECT count(*) FROM case_name_words WHERE word IN ('aisha', 'k2')`).pluck().get()).toBe(0);
    expect(kept(raw)).toEqual(expected(raw));
  },
};
