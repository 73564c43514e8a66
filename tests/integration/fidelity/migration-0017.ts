// Upgrade test of migration 17 (fidelity, second part), kept beside the feature's other tests.
import { expect } from 'vitest';
import { insertRow, type MigrationCase } from '../../fixtures/migrations';

const now = '2025-03-01T08:00:00.000Z';
const aCase = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  number: `GUL-2025-${id}`,
  sex: 'female',
  stage: 'tracing_assessment',
  status: 'open',
  risk_level: 'medium',
  risk_rank: 2,
  priority: 'normal',
  given_name: 'Akello',
  search_text: `akello ${id}`,
  registered_at: now,
  updated_at: now,
  ...extra,
});

let casesBefore: string[] = [];

export const migration0017Case: MigrationCase = {
  // The migration rewrites risk_rank of never-assessed cases on purpose (checked below, case by
  // case); the other tables' rows are still compared whole.
  replaces: ['cases'],
  seed(raw) {
    casesBefore = (raw.prepare('SELECT id FROM cases ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    insertRow(raw, 'cases', aCase('c17-default'));
    insertRow(raw, 'cases', aCase('c17-high', { risk_level: 'high', risk_rank: 3 }));
    insertRow(raw, 'cases', aCase('c17-assessed'));
    insertRow(raw, 'risk_assessments', { id: 'ra-17', case_id: 'c17-assessed', number: 1, date: '2025-02-20', risks: '[]', overall_level: 'medium', created_at: now });
    insertRow(raw, 'cases', aCase('c17-halted', { status: 'halted', halt_alternative: 'temporary_alternative_care', halt_reason: 'r', halt_child_views: 'v', halted_at: now }));
    insertRow(raw, 'cases', aCase('c17-home', { stage: 'follow_up', spontaneous: 1, priority: 'high', risk_level: 'low', risk_rank: 1 }));
  },
  check(raw) {
    // No case is lost, whatever its columns now say.
    const ids = (raw.prepare('SELECT id FROM cases ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(casesBefore));
    expect(ids).toHaveLength(casesBefore.length + 5);
    const risk = (id: string) => raw.prepare('SELECT risk_level, risk_rank, risk_assessed FROM cases WHERE id = ?').get(id);
    // The old default with no risk assessment was never an assessment: "not yet assessed".
    expect(risk('c17-default')).toEqual({ risk_level: 'medium', risk_rank: 0, risk_assessed: 0 });
    // A level picked on purpose, or one an assessment set, stays.
    expect(risk('c17-high')).toEqual({ risk_level: 'high', risk_rank: 3, risk_assessed: 1 });
    expect(risk('c17-assessed')).toEqual({ risk_level: 'medium', risk_rank: 2, risk_assessed: 1 });
    // A halted case gets its three-monthly review.
    expect(raw.prepare(`SELECT halt_review_due FROM cases WHERE id = 'c17-halted'`).get()).toEqual({ halt_review_due: '2025-05-30' });
    // An existing spontaneous return gets its kind and its five tasks, from its registration.
    expect(raw.prepare(`SELECT spontaneous_kind FROM cases WHERE id = 'c17-home'`).get()).toEqual({ spontaneous_kind: 'returned_alone' });
    expect(raw.prepare(`SELECT kind, due_on FROM case_tasks WHERE case_id = 'c17-home' ORDER BY kind`).all()).toEqual([
      { kind: 'family_assessment', due_on: '2025-03-31' },
      { kind: 'home_visit', due_on: '2025-03-08' },
      { kind: 'risk_assessment', due_on: '2025-03-31' },
      { kind: 'safety_plan', due_on: '2025-03-31' },
      { kind: 'wellbeing_baseline', due_on: '2025-03-31' },
    ]);
    expect(raw.prepare(`SELECT count(*) AS n FROM case_tasks WHERE case_id <> 'c17-home'`).get()).toEqual({ n: 0 });
    expect(() => raw.prepare(`UPDATE cases SET spontaneous_kind = 'ran_away' WHERE id = 'c17-home'`).run()).toThrow(/CHECK/);
    expect(() => insertRow(raw, 'case_tasks', { case_id: 'c17-home', kind: 'home_visit', due_on: '2025-04-01', created_at: now })).toThrow(/UNIQUE|PRIMARY/);
    // The child's views may be a reasoned absence on the BID and on assessments; existing ones have none.
    expect(raw.prepare('SELECT count(*) AS n FROM bids WHERE child_views_absent IS NOT NULL').get()).toEqual({ n: 0 });
    expect(raw.prepare('SELECT count(*) AS n FROM assessments WHERE child_views_absent IS NOT NULL').get()).toEqual({ n: 0 });
    // Plans: existing objectives are not confidential (checked on the version-5 rows, if any).
    expect(raw.prepare('SELECT count(*) AS n FROM plan_objectives WHERE confidential = 1').get()).toEqual({ n: 0 });
    expect(raw.prepare(`SELECT count(*) AS n FROM plan_reviews WHERE participants <> '[]'`).get()).toEqual({ n: 0 });
    insertRow(raw, 'halt_reviews', { id: 'hr-17', case_id: 'c17-halted', reviewed_on: '2025-05-30', notes: 'n', next_review_on: '2025-08-30', recorded_at: now });
  },
};
