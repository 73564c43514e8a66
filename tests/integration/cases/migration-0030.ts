// The upgrade case for migration 0030 (the word rows rebuilt under the key word, stage, status, risk,
// case): an office at version 29 whose cases share words across stages and risks; at version 30 the
// same rows are there, the filters' ranges are seeks into the key, and the triggers of migration 29
// still keep the rows equal to the cases' words through a new case, a rename, a move between stages
// and risks, and a removal.
import { expect } from 'vitest';
import { caseRow, insertRow, type MigrationCase } from '../../fixtures/migrations';
// The word rows in word and case order (kept), and what they should be: the cases' words (expected).
import { expected, kept } from './migration-0029';

const at = '2025-02-01T08:00:00.000Z';
const aCase = (n: number, given: string, family: string, stage: string, risk: [string, number]) =>
  caseRow(`m30-case-${n}`, 90300 + n, at, {
    given_name: given,
    family_name: family,
    search_text: `gul 2025 ${90300 + n} ${given.toLowerCase()} ${family.toLowerCase()}`,
    stage,
    risk_level: risk[0],
    risk_rank: risk[1],
  });
let before: unknown[] = [];

export const migration0030Case: MigrationCase = {
  seed(raw) {
    insertRow(raw, 'cases', aCase(1, 'Akello', 'Okello', 'preparation', ['high', 3]));
    insertRow(raw, 'cases', aCase(2, 'Grace', 'Okello', 'tracing_assessment', ['medium', 2]));
    insertRow(raw, 'cases', aCase(3, 'Okello', 'Okot', 'preparation', ['low', 1]));
    before = kept(raw);
  },
  check(raw) {
    expect(kept(raw)).toEqual(before);
    expect(kept(raw)).toEqual(expected(raw));
    const key = raw.prepare(`SELECT name, pk FROM pragma_table_info('case_name_words') WHERE pk > 0 ORDER BY pk`).all();
    expect(key).toEqual(['word', 'stage', 'status', 'risk_rank', 'r'].map((name, i) => ({ name, pk: i + 1 })));
    const indexes = raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_name_words' AND sql IS NOT NULL ORDER BY name`).pluck().all();
    expect(indexes).toEqual(['case_name_words_case', 'case_name_words_updated']);
    // A name narrowed by stage and risk is a seek into its ranges, not a read of all its rows.
    const plan = raw
      .prepare(`EXPLAIN QUERY PLAN SELECT r FROM case_name_words WHERE word = 'okello' AND stage IN ('preparation') AND status IN ('open', 'halted', 'closed') AND risk_rank IN (2, 3)`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING PRIMARY KEY \(word=\? AND stage=\? AND status=\? AND risk_rank=\?\)/);
    const okello = () =>
      raw.prepare(`SELECT id FROM case_name_words WHERE word = 'okello' AND stage = 'preparation' AND risk_rank = 3 AND id LIKE 'm30-%' ORDER BY id`).pluck().all();
    expect(okello()).toEqual(['m30-case-1']);
    // The triggers of migration 29 write to the rebuilt table.
    insertRow(raw, 'cases', aCase(4, 'Okello', 'Nakato', 'preparation', ['high', 3]));
    raw.prepare(`UPDATE cases SET stage = 'preparation', risk_level = 'high', risk_rank = 3 WHERE id = 'm30-case-2'`).run();
    raw.prepare(`UPDATE cases SET given_name = 'Opio', search_text = 'gul 2025 90303 opio okot' WHERE id = 'm30-case-3'`).run();
    expect(okello()).toEqual(['m30-case-1', 'm30-case-2', 'm30-case-4']);
    raw.prepare(`DELETE FROM cases WHERE id = 'm30-case-1'`).run();
    expect(okello()).toEqual(['m30-case-2', 'm30-case-4']);
    expect(kept(raw)).toEqual(expected(raw));
    expect(raw.pragma('legacy_alter_table', { simple: true })).toBe(0);
  },
};
