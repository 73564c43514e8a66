import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riskRating, suggestedLevel } from '../../../shared/safety/contract';
import { codeOf, riskAssessment, safetyPlan, secrets, stageOneOffice } from '../assessments/stage-one';

let setup: Awaited<ReturnType<typeof stageOneOffice>>;

beforeAll(async () => {
  setup = await stageOneOffice();
});
afterAll(() => setup.office.cleanup());

describe('risk assessment and safety plan', () => {
  it('starts with nothing recorded', async () => {
    const safety = await setup.worker.ok('safety.get', { caseId: setup.caseId });
    expect(safety).toEqual({ riskAssessment: null, riskHistory: [], safetyPlan: null, safetyPlanHistory: [] });
  });

  it('rates each risk by likelihood and impact, and suggests the worst as the overall level', () => {
    expect(riskRating({ likelihood: 'low', impact: 'high' })).toBe('medium');
    expect(riskRating({ likelihood: 'medium', impact: 'high' })).toBe('high');
    expect(suggestedLevel([{ likelihood: 'low', impact: 'low' }, { likelihood: 'high', impact: 'medium' }])).toBe('high');
    expect(suggestedLevel([])).toBe('low');
  });

  it('a risk assessment sets the case risk level, in the list too, and keeps earlier versions', async () => {
    const { worker, supervisor, caseId } = setup;
    expect((await worker.ok('cases.get', { caseId })).riskLevel, 'a new case starts as not yet assessed, never a default level').toBe('not_assessed');
    const first = await worker.ok('safety.saveRiskAssessment', { caseId, basedOn: 0, assessment: riskAssessment });
    expect(first).toMatchObject({ number: 1, overallLevel: 'high', recordedBy: 'Wanjiru Worker' });
    expect((await worker.ok('cases.get', { caseId })).riskLevel).toBe('high');
    const high = await supervisor.ok('cases.list', { riskLevels: ['high'] });
    expect(high.rows.map((r) => r.id)).toContain(caseId);

    const second = await worker.ok('safety.saveRiskAssessment', {
      caseId, basedOn: 1, assessment: { ...riskAssessment, date: '2025-05-01', overallLevel: 'low', risks: [] },
    });
    expect(second.number).toBe(2);
    expect((await worker.ok('cases.get', { caseId })).riskLevel).toBe('low');
    const safety = await worker.ok('safety.get', { caseId });
    expect(safety.riskAssessment?.id).toBe(second.id);
    expect(safety.riskHistory.map((h) => [h.number, h.overallLevel])).toEqual([[2, 'low'], [1, 'high']]);
    expect((await worker.ok('cases.get', { caseId })).facts.riskAssessed).toBe(true);
  });

  it('refuses a stale form, an impossible date or a mitigation due before the assessment, and changes nothing', async () => {
    const { worker, caseId } = setup;
    const stale = await worker.call('safety.saveRiskAssessment', { caseId, basedOn: 1, assessment: riskAssessment });
    expect(stale.ok ? null : stale.error.params?.reason).toBe('version');
    const future = await worker.call('safety.saveRiskAssessment', { caseId, basedOn: 2, assessment: { ...riskAssessment, date: '2025-07-01' } });
    expect(codeOf(future)).toBe('INVALID_DATE');
    const dueEarly = await worker.call('safety.saveRiskAssessment', {
      caseId, basedOn: 2, assessment: { ...riskAssessment, risks: [{ ...riskAssessment.risks[0], dueDate: '2025-03-01' }] },
    });
    expect(codeOf(dueEarly)).toBe('INVALID_DATE');
    const noDescription = await worker.call('safety.saveRiskAssessment', {
      caseId, basedOn: 2, assessment: { ...riskAssessment, risks: [{ ...riskAssessment.risks[0], description: ' ' }] },
    });
    expect(codeOf(noDescription)).toBe('VALIDATION');
    expect((await worker.ok('safety.get', { caseId })).riskHistory).toHaveLength(2);
    expect((await worker.ok('cases.get', { caseId })).riskLevel).toBe('low');
  });

  it('a safety plan counts only once the child knows it, with the day it was gone through with the child', async () => {
    const { worker, caseId } = setup;
    const missingDate = await worker.call('safety.saveSafetyPlan', { caseId, basedOn: 0, plan: { ...safetyPlan, reviewedWithChildOn: null } });
    expect(codeOf(missingDate)).toBe('VALIDATION');
    const noContact = await worker.call('safety.saveSafetyPlan', { caseId, basedOn: 0, plan: { ...safetyPlan, trustedContacts: [] } });
    expect(codeOf(noContact)).toBe('VALIDATION');
    const futureReview = await worker.call('safety.saveSafetyPlan', { caseId, basedOn: 0, plan: { ...safetyPlan, reviewedWithChildOn: '2025-06-10' } });
    expect(codeOf(futureReview)).toBe('INVALID_DATE');
    expect((await worker.ok('safety.get', { caseId })).safetyPlan).toBeNull();

    const unknownToChild = await worker.ok('safety.saveSafetyPlan', {
      caseId, basedOn: 0, plan: { ...safetyPlan, childKnows: false, reviewedWithChildOn: null },
    });
    expect(unknownToChild.number).toBe(1);
    expect((await worker.ok('cases.get', { caseId })).facts.safetyPlan).toBe(false);

    const known = await worker.ok('safety.saveSafetyPlan', { caseId, basedOn: 1, plan: safetyPlan });
    expect(known).toMatchObject({ number: 2, childKnows: true, reviewedWithChildOn: '2025-03-06' });
    const file = await worker.ok('cases.get', { caseId });
    expect(file.facts.safetyPlan).toBe(true);
    expect(file.next.blocked.map((g) => g.id)).not.toContain('safetyPlan');
    const safety = await worker.ok('safety.get', { caseId });
    expect(safety.safetyPlanHistory.map((h) => [h.number, h.childKnows])).toEqual([[2, true], [1, false]]);
    expect(safety.safetyPlan?.trustedContacts[0].name).toBe(secrets.relative);
  });

  it('the audit log records the changes and views without names or narrative', async () => {
    const { entries } = await setup.admin.ok('audit.list', { entityId: setup.caseId, limit: 500 });
    expect(entries.some((e) => e.action === 'safety.riskAssessment' && e.details?.overallLevel === 'high')).toBe(true);
    expect(entries.some((e) => e.action === 'safety.safetyPlan')).toBe(true);
    expect(entries.some((e) => e.action === 'case.view' && e.details?.part === 'safety')).toBe(true);
    const text = JSON.stringify(entries);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(text).not.toContain('helpline');
  });
});
