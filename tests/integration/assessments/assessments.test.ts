import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeScores } from '../../../shared/assessments/contract';
import { codeOf, completeAssessment, fullAnswers, secrets, stageOneOffice, template } from './stage-one';

let setup: Awaited<ReturnType<typeof stageOneOffice>>;

beforeAll(async () => {
  setup = await stageOneOffice();
});
afterAll(() => setup.office.cleanup());

describe('assessing a child, a family and a community', () => {
  it('refuses to complete with missing required answers, naming each question, and writes nothing', async () => {
    const { worker, caseId } = setup;
    const child = await template(worker, 'child_assessment');
    const answers = fullAnswers(child);
    delete answers.age_needs;
    delete answers.wants_to_return;
    const result = await worker.call('assessments.save', {
      caseId, templateKey: child.key, templateVersion: child.version, date: '2025-03-01', answers, childViews: '', complete: true,
    });
    expect(codeOf(result)).toBe('VALIDATION');
    const paths = result.ok ? [] : (result.error.issues ?? []).map((i) => i.path.join('.'));
    expect(paths.sort()).toEqual(['answers.age_needs', 'answers.wants_to_return', 'childViews']);
    expect(await worker.ok('assessments.list', { caseId })).toEqual([]);
  });

  it('refuses answers of the wrong type or for questions the template does not have, even in a draft', async () => {
    const { worker, caseId } = setup;
    const wrong = await worker.call('assessments.save', {
      caseId, templateKey: 'child_assessment', templateVersion: 1, date: '2025-03-01', answers: { immediate_wellbeing: 'good', nonsense: 1 },
    });
    expect(codeOf(wrong)).toBe('VALIDATION');
    const outOfScale = await worker.call('assessments.save', {
      caseId, templateKey: 'csi', templateVersion: 1, date: '2025-03-01', answers: { shelter: 5 },
    });
    expect(codeOf(outOfScale)).toBe('VALIDATION');
    const badOption = await worker.call('assessments.save', {
      caseId, templateKey: 'child_assessment', templateVersion: 1, date: '2025-03-01', answers: { wants_to_return: 'maybe' },
    });
    expect(codeOf(badOption)).toBe('VALIDATION');
    const noTemplate = await worker.call('assessments.save', { caseId, templateKey: 'nope', templateVersion: 1, date: '2025-03-01' });
    expect(codeOf(noTemplate)).toBe('VALIDATION');
    expect(await worker.ok('assessments.list', { caseId })).toEqual([]);
  });

  it('refuses a date in the future or before registration', async () => {
    const { worker, caseId } = setup;
    for (const date of ['2025-06-03', '2024-12-31']) {
      const result = await worker.call('assessments.save', { caseId, templateKey: 'csi', templateVersion: 1, date });
      expect(codeOf(result)).toBe('INVALID_DATE');
    }
    expect(await worker.ok('assessments.list', { caseId })).toEqual([]);
  });

  it('saves a draft, continues it, completes it, and then keeps it as it was', async () => {
    const { worker, caseId } = setup;
    const family = await template(worker, 'family_assessment');
    const draft = await worker.ok('assessments.save', {
      caseId, templateKey: family.key, templateVersion: 1, date: '2025-03-02',
      participants: [{ role: 'mother', name: secrets.relative, perspective: 'Wants her home' }],
      answers: { risk_factors: secrets.narrative },
    });
    expect(draft).toMatchObject({ status: 'draft', kind: 'family', version: 1, recordedBy: 'Wanjiru Worker' });
    expect((await worker.ok('cases.get', { caseId })).facts.familyAssessed).toBe(false);

    const stale = await worker.call('assessments.save', {
      caseId, assessmentId: draft.id, version: 7, templateKey: family.key, templateVersion: 1, date: '2025-03-02',
    });
    expect(stale.ok ? null : stale.error.params?.reason).toBe('version');

    const completed = await worker.ok('assessments.save', {
      caseId, assessmentId: draft.id, version: draft.version, templateKey: family.key, templateVersion: 1, date: '2025-03-02',
      participants: draft.participants, answers: fullAnswers(family, 2), summary: 'Ready with support', complete: true,
    });
    expect(completed).toMatchObject({ status: 'completed', completedBy: 'Wanjiru Worker', version: 2 });
    expect(completed.scores.domains.readiness).toEqual({ mean: 2, answered: 1, total: 1 });
    expect((await worker.ok('cases.get', { caseId })).facts.familyAssessed).toBe(true);

    const again = await worker.call('assessments.save', {
      caseId, assessmentId: draft.id, version: completed.version, templateKey: family.key, templateVersion: 1, date: '2025-03-02',
    });
    expect(again.ok ? null : again.error.params?.reason).toBe('completed');
    const list = await worker.ok('assessments.list', { caseId });
    expect(list).toHaveLength(1);
    expect(list[0].title.fr).toBe('Évaluation de la famille');
  });

  it('computes CSI domain scores as the mean of each domain’s factors, and the overall as the mean of domains', async () => {
    const csi = await template(setup.worker, 'csi');
    const answers = { ...fullAnswers(csi, 4), food_security: 1, nutrition_growth: 2, shelter: 3 };
    delete (answers as Record<string, unknown>).care;
    const scores = computeScores(csi.definition, answers);
    expect(scores.domains.food_nutrition).toEqual({ mean: 1.5, answered: 2, total: 2 });
    expect(scores.domains.shelter_care).toEqual({ mean: 3, answered: 1, total: 2 });
    expect(scores.domains.reintegration).toEqual({ mean: 4, answered: 3, total: 3 });
    // (1.5 + 3 + 4 + 4 + 4 + 4 + 4) / 7
    expect(scores.overall).toBe(3.5);
    expect(computeScores(csi.definition, {}).overall).toBeNull();
  });

  it('gives the well-being scores over time for a chart', async () => {
    const { worker, caseId } = setup;
    await completeAssessment(worker, caseId, 'csi', '2025-02-01', 1);
    await completeAssessment(worker, caseId, 'csi', '2025-05-01', 3);
    const csi = await template(worker, 'csi');
    // A draft does not count.
    await worker.ok('assessments.save', { caseId, templateKey: 'csi', templateVersion: csi.version, date: '2025-05-20', answers: { shelter: 4 } });
    const history = await worker.ok('assessments.wellbeingHistory', { caseId });
    expect(history.points.map((p) => [p.date, p.overall])).toEqual([['2025-02-01', 1], ['2025-05-01', 3]]);
    expect(history.points[1].domains.food_nutrition).toBe(3);
    expect(history.domains).toHaveLength(7);
    expect(history.domains[0].title.en).toBe('Food and nutrition');
  });

  it('completing child and community assessments sets their facts', async () => {
    const { worker, caseId } = setup;
    await completeAssessment(worker, caseId, 'child_assessment');
    await completeAssessment(worker, caseId, 'community_assessment');
    const file = await worker.ok('cases.get', { caseId });
    expect(file.facts).toMatchObject({ childAssessed: true, familyAssessed: true, communityAssessed: true });
    expect(file.next.blocked.map((g) => g.id)).not.toContain('childAssessed');
  });

  it('an assessment read is audited without names, answers or the child’s words', async () => {
    const { worker, caseId, admin } = setup;
    const [first] = await worker.ok('assessments.list', { caseId });
    await worker.ok('assessments.get', { caseId, assessmentId: first.id });
    const { entries } = await admin.ok('audit.list', { entityId: caseId, limit: 500 });
    expect(entries.some((e) => e.action === 'case.view' && String(e.details?.part).startsWith('assessment:'))).toBe(true);
    expect(entries.some((e) => e.action === 'assessment.complete')).toBe(true);
    const text = JSON.stringify(entries);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
  });
});
