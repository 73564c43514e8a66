// The upgrade case for migration 0027 (the plan in stretches cut at every review): an office at
// version 26 with a child whose plan was acknowledged and reviewed; at version 27 the child's plan
// is two stretches, a review written later cuts a third (plan_reviews has triggers now), and the
// cohort counts the child as reviewed exactly when a review falls in the three months before a
// period's end.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { toKysely } from '../../../electron/core/db/open';
import { cohortSql } from '../../../electron/core/reports/engine';
import { caseRow, insertRow, type MigrationCase } from '../../fixtures/migrations';

const at = '2025-01-05T08:00:00.000Z';
const stretches = (raw: RawDatabase) =>
  raw.prepare(`SELECT y AS start, at AS next, num AS review, ref AS plan FROM report_facts WHERE indicator = 'plansReviewedOnTime' AND case_id = 'm27-case' ORDER BY y`).all();
const review = (raw: RawDatabase, id: string, date: string) =>
  raw
    .prepare(`INSERT INTO plan_reviews (id, case_id, plan_version_id, date, notes, next_due, recorded_at) VALUES (?, 'm27-case', 'm27-p1', ?, 'Reviewed with the family', date(?, '+3 months'), ?)`)
    .run(id, date, date, at);

export const migration0027Case: MigrationCase = {
  seed(raw) {
    insertRow(raw, 'cases', caseRow('m27-case', 90027, at, { given_name: 'Apio', date_of_birth: '2013-02-01', separation_reasons: '["poverty"]' }));
    raw.prepare(`INSERT INTO plan_versions (id, case_id, version, status, acknowledged_on, created_at, updated_at) VALUES ('m27-p1', 'm27-case', 1, 'current', '2025-01-10', ?, ?)`).run(at, at);
    review(raw, 'm27-r1', '2025-03-20');
  },
  replaces: ['report_facts'],
  check(raw) {
    const triggers = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_facts_plansReviewedOnTime_plan_reviews_%'`).all() as { name: string }[]).map((r) => r.name);
    const indexes = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('report_facts_day');
    // Nothing reads reviews by date any more.
    expect(indexes).not.toContain('plan_reviews_date');
    expect(triggers.sort()).toEqual(['delete', 'insert', 'update'].map((e) => `report_facts_plansReviewedOnTime_plan_reviews_${e}`));
    expect(stretches(raw)).toEqual([
      { start: '2025-01-10', next: '2025-03-20', review: 0, plan: '2025-01-10' },
      { start: '2025-03-20', next: '9999', review: 1, plan: '2025-01-10' },
    ]);
    const cohort = (to: string) => {
      const q = cohortSql('plansReviewedOnTime', { from: `${to.slice(0, 8)}01`, to }).compile(toKysely(raw));
      return raw.prepare(`SELECT num FROM (${q.sql}) WHERE case_id = 'm27-case'`).all(...q.parameters);
    };
    // Acknowledged under three months before the end of March: not yet due. End of May: reviewed
    // on 20 March, in the three months. End of July: that review is older, so not on time...
    expect(cohort('2025-03-31')).toEqual([]);
    expect(cohort('2025-05-31')).toEqual([{ num: 1 }]);
    expect(cohort('2025-07-31')).toEqual([{ num: 0 }]);
    // ...until a review on 2 July is recorded: the trigger cuts a stretch there.
    review(raw, 'm27-r2', '2025-07-02');
    expect(cohort('2025-07-31')).toEqual([{ num: 1 }]);
    // (End of June: 20 March is over three months before, 2 July after: not on time then.)
    expect(cohort('2025-06-30')).toEqual([{ num: 0 }]);
    expect(stretches(raw)).toHaveLength(3);
  },
};
