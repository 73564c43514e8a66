// The upgrade case for migration 0026 (split columns on the facts): an office at version 25 with a
// child registered, traced and given a plan; at version 26 every fact of the child carries its
// split columns (report_cases and its triggers are gone), a change of the case reaches its facts,
// and the plan in force is a fact that a halt of the case marks.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { toKysely } from '../../../electron/core/db/open';
import { cohortSql } from '../../../electron/core/reports/engine';
import { caseRow, insertRow, type MigrationCase } from '../../fixtures/migrations';

const at = '2025-01-10T08:00:00.000Z';
const names = (raw: RawDatabase, type: string) => (raw.prepare(`SELECT name FROM sqlite_master WHERE type = ?`).all(type) as { name: string }[]).map((r) => r.name);
const columnsOf = (raw: RawDatabase) =>
  raw.prepare(`SELECT DISTINCT sex, date_of_birth, registered_at, has_disability, separation_reasons, care_arrangement, spontaneous, area FROM report_facts WHERE case_id = 'm26-case'`).all();

export const migration0026Case: MigrationCase = {
  seed(raw) {
    insertRow(raw, 'cases', caseRow('m26-case', 90026, at, { given_name: 'Lakot', date_of_birth: '2014-06-01', separation_reasons: '["conflict"]', care_arrangement: 'residential_care', has_disability: 1 }));
    raw
      .prepare(`INSERT INTO tracing_actions (id, case_id, date, method, country, result, created_at, updated_at) VALUES ('m26-t1', 'm26-case', '2025-01-15', 'home_visit', 'UG', 'family_found', ?, ?)`)
      .run(at, at);
    raw.prepare(`INSERT INTO plan_versions (id, case_id, version, status, acknowledged_on, created_at, updated_at) VALUES ('m26-p1', 'm26-case', 1, 'current', '2025-02-01', ?, ?)`).run(at, at);
  },
  // Made anew (the facts, with their new columns) or dropped (the case columns now on the facts).
  replaces: ['report_facts', 'report_cases'],
  check(raw) {
    expect(names(raw, 'table')).not.toContain('report_cases');
    expect(names(raw, 'trigger').filter((n) => n.startsWith('report_cases_'))).toEqual([]);
    expect(names(raw, 'index')).toEqual(expect.arrayContaining(['report_facts_case', 'report_facts_child']));
    expect(names(raw, 'index')).not.toContain('plan_versions_in_force');
    expect(names(raw, 'index')).not.toContain('cases_halted');
    // Filled from the records the office had, each fact with the child's columns (registration as its day).
    const child = { sex: 'female', date_of_birth: '2014-06-01', registered_at: '2025-01-10', has_disability: 1, separation_reasons: '["conflict"]', care_arrangement: 'residential_care', spontaneous: 0, area: 'Gulu' };
    expect(columnsOf(raw)).toEqual([child]);
    // (Migration 27's stretches of the plan: the one from its acknowledgement, still in force.)
    expect(raw.prepare(`SELECT at, x, y FROM report_facts WHERE indicator = 'plansReviewedOnTime' AND case_id = 'm26-case'`).all()).toEqual([{ at: '9999', x: '9999', y: '2025-02-01' }]);
    // Kept by triggers: a corrected sex and area reach every fact of the child; a halt marks the plan.
    raw.prepare(`UPDATE cases SET sex = 'male', area = 'Amuru' WHERE id = 'm26-case'`).run();
    expect(columnsOf(raw)).toEqual([{ ...child, sex: 'male', area: 'Amuru' }]);
    raw.prepare(`UPDATE cases SET halted_at = '2025-06-15T09:00:00.000Z' WHERE id = 'm26-case'`).run();
    expect(raw.prepare(`SELECT x FROM report_facts WHERE indicator = 'plansReviewedOnTime' AND case_id = 'm26-case'`).get()).toEqual({ x: '2025-06-15T09:00:00.000Z' });
    // The plan in force at the end of May (acknowledged over three months before) is in the cohort;
    // halted in June, it is not at the end of June.
    const cohort = (to: string) => {
      const q = cohortSql('plansReviewedOnTime', { from: `${to.slice(0, 8)}01`, to }).compile(toKysely(raw));
      return raw.prepare(`SELECT case_id, num FROM (${q.sql}) WHERE case_id = 'm26-case'`).all(...q.parameters);
    };
    expect(cohort('2025-05-31')).toEqual([{ case_id: 'm26-case', num: 0 }]);
    expect(cohort('2025-06-30')).toEqual([]);
  },
};
