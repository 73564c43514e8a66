// "The child cannot give views" with a reason and the method used instead: every gate on the
// child's views (BID submission, completing an assessment that asks for them, halting) accepts a
// reasoned absence and refuses neither views nor absence — through the channels, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvableBid, codeOf, stageOneOffice } from '../assessments/stage-one';

let setup: Awaited<ReturnType<typeof stageOneOffice>>;
beforeAll(async () => {
  setup = await stageOneOffice();
});
afterAll(() => setup.office.cleanup());

const infant = { reason: 'infant_or_young' as const, method: 'observation' as const, methodNote: 'Settles and smiles with the grandmother; cries when she leaves' };
const raw = () => setup.office.core.store.get().raw;

describe('a child who cannot give views', () => {
  it('a BID with neither views nor a reasoned absence cannot be submitted; with the absence it can, and the BID shows it', async () => {
    const { worker, caseId } = setup;
    const draft = await worker.ok('bid.save', { caseId, bid: { ...approvableBid, childViews: '' } });
    const refused = await worker.call('bid.submit', { caseId, bidId: draft.id, version: draft.version });
    expect(codeOf(refused)).toBe('VALIDATION');
    expect(refused.ok ? [] : refused.error.issues?.map((i) => i.path.join('.'))).toEqual(['childViews']);
    expect((await worker.ok('bid.get', { caseId, bidId: draft.id })).status).toBe('draft');
    // Both views and an absence is a mistake, not an answer.
    const both = await worker.ok('bid.save', { caseId, bidId: draft.id, version: draft.version, bid: { ...approvableBid, childViewsAbsent: infant } });
    const bothRefused = await worker.call('bid.submit', { caseId, bidId: both.id, version: both.version });
    expect(bothRefused.ok ? null : bothRefused.error.issues?.[0]?.code).toBe('bothGiven');
    const absent = await worker.ok('bid.save', { caseId, bidId: both.id, version: both.version, bid: { ...approvableBid, childViews: '', childViewsAbsent: infant } });
    const submitted = await worker.ok('bid.submit', { caseId, bidId: absent.id, version: absent.version });
    expect(submitted).toMatchObject({ status: 'submitted', childViews: '', childViewsAbsent: { reason: 'infant_or_young', method: 'observation' } });
  });

  it('a child assessment that asks for the child’s views completes with a reasoned absence, not without one', async () => {
    const { worker, caseId } = setup;
    const answers = { immediate_wellbeing: 3, age_needs: 'Infant: feeding, attachment', separation_experience: 'Left at the clinic at 3 months', wants_to_return: 'unsure', range_of_perspectives: true };
    const before = (raw().prepare(`SELECT count(*) AS n FROM assessments WHERE case_id = ? AND status = 'completed'`).get(caseId) as { n: number }).n;
    const refused = await worker.call('assessments.save', { caseId, templateKey: 'child_assessment', templateVersion: 1, date: '2025-03-01', answers, complete: true });
    expect(codeOf(refused)).toBe('VALIDATION');
    expect((raw().prepare(`SELECT count(*) AS n FROM assessments WHERE case_id = ? AND status = 'completed'`).get(caseId) as { n: number }).n).toBe(before);
    const done = await worker.ok('assessments.save', { caseId, templateKey: 'child_assessment', templateVersion: 1, date: '2025-03-01', answers, childViewsAbsent: infant, complete: true });
    expect(done).toMatchObject({ status: 'completed', childViewsAbsent: infant });
    expect((await worker.ok('assessments.get', { caseId, assessmentId: done.id })).childViewsAbsent?.methodNote).toBe(infant.methodNote);
  });

  it('halting accepts a reasoned absence and the case file shows it; an absence without what the method showed is refused', async () => {
    const { worker, caseId } = setup;
    const file = await worker.ok('cases.get', { caseId });
    const incomplete = await worker.call('cases.halt', { caseId, version: file.version, alternative: 'temporary_alternative_care', reason: 'Mother in hospital', childViewsAbsent: { ...infant, methodNote: '' } });
    expect(codeOf(incomplete)).toBe('VALIDATION');
    const halted = await worker.ok('cases.halt', { caseId, version: file.version, alternative: 'temporary_alternative_care', reason: 'Mother in hospital', childViewsAbsent: infant });
    expect(halted.halt).toMatchObject({ childViews: '', childViewsAbsent: infant });
  });
});

describe('well-being history, factor by factor', () => {
  it('each point carries its factor scores, the low ones flagged, and its comparability key', async () => {
    const { worker, caseId } = setup;
    const answers = { food_security: 4, nutrition_growth: 4, shelter: 3, care: 3, abuse_exploitation: 1, legal_protection: 4, wellness: 3, health_care_services: 3, emotional_health: 3, social_behaviour: 3, performance: 3, education_work: 3, family_relationships: 3, community_belonging: 3, stigma: 3 };
    const saved = await worker.call('assessments.save', { caseId, templateKey: 'csi', templateVersion: 1, date: '2025-03-01', answers, complete: true });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    const history = await worker.ok('assessments.wellbeingHistory', { caseId });
    const point = history.points[history.points.length - 1];
    expect(point.domains.protection).toBe(2.5);
    expect(point.factors.abuse_exploitation).toBe(1);
    expect(point.lowFactors).toEqual(['abuse_exploitation']);
    expect(point.formKey).toMatch(/^csi:food_nutrition\/food_security,/);
  });
});
