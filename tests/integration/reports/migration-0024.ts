// The upgrade case for migration 0024 (dashboard speed): an office at version 23 with a child traced
// twice in a quarter; at version 24 the grouped cohorts read the facts in the child's order (no sort),
// (at 26 traced needs no grouping at all),
// the care-setting split one step of an index, and the export's well-being scores their own index.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { toKysely } from '../../../electron/core/db/open';
import { cohortSql } from '../../../electron/core/reports/engine';
import { insertRow, type MigrationCase } from '../../fixtures/migrations';

const at = '2025-03-01T08:00:00.000Z';
const plan = (raw: RawDatabase, query: string, parameters: readonly unknown[] = []) =>
  (raw.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...parameters) as { detail: string }[]).map((r) => r.detail).join(' | ');

export const migration0024Case: MigrationCase = {
  seed(raw) {
    insertRow(raw, 'cases', {
      id: 'm24-case', number: 'GUL-2025-90024', seq: 90024, given_name: 'Apio', search_text: 'apio', sex: 'female', documentation_status: 'unknown',
      separation_reasons: '["poverty"]', care_arrangement: 'unknown', stage: 'tracing_assessment', status: 'open', risk_level: 'low', priority: 'normal', registered_at: at, updated_at: at,
    });
    for (const [id, date, result] of [['m24-t1', '2025-03-05', 'lead'], ['m24-t2', '2025-03-20', 'family_found']]) {
      raw
        .prepare(`INSERT INTO tracing_actions (id, case_id, date, method, country, result, created_at, updated_at) VALUES (?, 'm24-case', ?, 'home_visit', 'UG', ?, ?, ?)`)
        .run(id, date, result, at, at);
    }
  },
  check(raw) {
    const indexes = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['report_facts_child', 'preparation_care_since', 'assessments_wellbeing_score']));
    // The child's two tracing days are one child of the quarter, read as the period's range of the
    // primary key (from migration 27, its narrow copy) without a sort (since migration 26 a child
    // counts at its first fact of the period).
    const quarter = { from: '2025-01-01', to: '2025-03-31' };
    for (const byChild of [true, false]) {
      const traced = cohortSql('traced', quarter, byChild).compile(toKysely(raw));
      expect(raw.prepare(`SELECT case_id, num FROM (${traced.sql}) WHERE case_id = 'm24-case'`).all(...traced.parameters)).toEqual([{ case_id: 'm24-case', num: 1 }]);
      const read = plan(raw, traced.sql, traced.parameters);
      expect(read).toMatch(/USING (PRIMARY KEY|COVERING INDEX report_facts_day) \(indicator=\? AND at>\? AND at<\?\)/);
      expect(read).not.toMatch(/TEMP B-TREE/);
    }
    // A cohort that still combines a child's rows (closures) reads them in the child's order: no sort.
    const closed = cohortSql('closed', quarter, true).compile(toKysely(raw));
    const grouped = plan(raw, closed.sql, closed.parameters);
    expect(grouped).toMatch(/USING COVERING INDEX report_facts_child \(indicator=\?\)/);
    expect(grouped).not.toMatch(/TEMP B-TREE/);
    // The care in force on a date: one step of the covering index, no sort of the child's arrangements.
    const care = plan(raw, `SELECT p.arrangement FROM preparation_care p WHERE p.case_id = 'm24-case' AND p.since <= '2025-03-31' ORDER BY p.since DESC, p.recorded_at DESC LIMIT 1`);
    expect(care).toMatch(/USING COVERING INDEX preparation_care_since/);
    expect(care).not.toMatch(/TEMP B-TREE/);
  },
};
