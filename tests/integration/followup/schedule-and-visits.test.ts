// Follow-up against a real encrypted office: the schedule planned on entering follow-up (protocol,
// risk, spontaneous returns, a supervisor's adjustment), the overdue rules, monitoring visits and
// warning signs reaching the supervisor's queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProtocol, planSchedule } from '../../../shared/followup/contract';
import { expectCode } from '../../fixtures/results';
import { caseInFollowUp, daysAgo, daysAhead, raw, setUpTeam, wellbeingScore, type Team } from './fixture';

let team: Team;
beforeAll(async () => {
  team = await setUpTeam();
});
afterAll(() => team.office.cleanup());

const visitBase = {
  mode: 'in_person' as const,
  spokeWith: [{ role: 'child' as const, view: '' }, { role: 'caregivers' as const, view: 'Mother says things are calm' }],
  childSeenAlone: true,
  childWords: 'I like being home with my sister',
  observations: 'Clean house, food in store',
};

describe('entering follow-up plans the contacts', () => {
  it('the stage move after reunification plans the protocol’s contacts from the reunification day, in the same transaction, with a timeline entry', async () => {
    const caseId = await caseInFollowUp(team, { reunifiedDaysAgo: 3 });
    const summary = await team.worker.ok('followup.get', { caseId });
    const expected = planSchedule(defaultProtocol, { start: daysAgo(3), highRisk: false });
    expect(summary.schedule.map((c) => [c.dueOn, c.type])).toEqual(expected.map((s) => [s.dueOn, s.type]));
    expect(summary.start).toBe(daysAgo(3));
    expect(summary.protocolIsDefault).toBe(true);
    const timeline = await team.worker.ok('cases.timeline', { caseId, limit: 10 });
    expect(timeline.events.map((e) => e.type)).toEqual(expect.arrayContaining(['followup.schedulePlanned', 'case.stageMove']));
    const audited = raw(team).prepare(`SELECT details FROM audit_log WHERE action = 'followup.schedulePlanned' AND entity_id = ?`).get(caseId) as { details: string };
    expect(JSON.parse(audited.details)).toMatchObject({ contacts: expected.length, highRisk: false });
  });

  it('a high-risk case gets more visits', async () => {
    const normal = await team.worker.ok('followup.get', { caseId: await caseInFollowUp(team) });
    const high = await team.worker.ok('followup.get', { caseId: await caseInFollowUp(team, { risk: 'high' }) });
    expect(high.schedule.filter((c) => c.source === 'high_risk')).toHaveLength(defaultProtocol.highRiskSteps.length);
    expect(high.schedule.length).toBeGreaterThan(normal.schedule.length);
  });

  it('a spontaneous return registered today has its first home visit due within 7 days', async () => {
    const row = await team.worker.ok('cases.register', {
      child: { givenName: 'Amani', familyName: 'Odongo', sex: 'male', dateOfBirth: '2012-04-02', separationReasons: ['poverty'], separationDate: daysAgo(400), area: 'Gulu', careArrangement: 'street' },
      spontaneous: { kind: 'returned_alone', reunifiedOn: daysAgo(20), caregiverNames: 'Grandmother', notes: '' },
    });
    const summary = await team.worker.ok('followup.get', { caseId: row.id });
    expect(summary.spontaneous).toBe(true);
    expect(summary.schedule[0]).toMatchObject({ dueOn: daysAhead(7), type: 'home_visit', source: 'spontaneous', overdue: false });
    // Nothing planned in the past for a child who went home three weeks ago.
    expect(summary.schedule.every((c) => c.dueOn >= daysAhead(7))).toBe(true);
    expect(summary.baseline.status).toBe('due');
  });

  it('moving back out of follow-up cancels what was still planned; nothing is deleted', async () => {
    const caseId = await caseInFollowUp(team);
    const file = await team.worker.ok('cases.get', { caseId });
    await team.worker.ok('cases.moveStage', { caseId, version: file.version, to: 'reunification', reason: 'Family asked for more time' });
    const summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.schedule.length).toBeGreaterThan(0);
    expect(new Set(summary.schedule.map((c) => c.status))).toEqual(new Set(['cancelled']));
  });
});

describe('the office protocol and one case’s schedule', () => {
  it('a supervisor edits the protocol (a stale edit is refused); a case worker cannot; new cases follow it', async () => {
    await expectCode(team.worker.call('followup.saveProtocol', { definition: defaultProtocol, basedOnVersion: 0 }), 'FORBIDDEN');
    const definition = { ...defaultProtocol, steps: [{ unit: 'day' as const, amount: 3, type: 'home_visit' as const, performer: 'case_worker' as const }] };
    // Cases already in follow-up are re-planned: the supervisor confirms the figures first (replan.test.ts).
    const replan = await team.supervisor.ok('followup.previewProtocolChange', { definition });
    const saved = await team.supervisor.ok('followup.saveProtocol', { definition, basedOnVersion: 0, replan });
    expect(saved).toMatchObject({ isDefault: false, version: 1, updatedByName: expect.any(String) });
    await expectCode(team.supervisor.call('followup.saveProtocol', { definition, basedOnVersion: 0 }), 'CONFLICT');
    const caseId = await caseInFollowUp(team, { reunifiedDaysAgo: 1 });
    const summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.schedule.map((c) => c.dueOn)).toEqual([daysAhead(2)]);
    const back = await team.supervisor.ok('followup.previewProtocolChange', { definition: defaultProtocol });
    await team.supervisor.ok('followup.saveProtocol', { definition: defaultProtocol, basedOnVersion: 1, replan: back });
  });

  it('a supervisor adds, moves and cancels one case’s contacts with a reason; a case worker cannot', async () => {
    const caseId = await caseInFollowUp(team);
    const first = (await team.worker.ok('followup.get', { caseId })).schedule[0];
    await expectCode(team.worker.call('followup.adjustSchedule', { caseId, action: 'cancel', contactId: first.id, reason: 'x' }), 'FORBIDDEN');
    await expectCode(team.supervisor.call('followup.adjustSchedule', { caseId, action: 'add', reason: 'no date' }), 'VALIDATION');
    let schedule = await team.supervisor.ok('followup.adjustSchedule', { caseId, action: 'move', contactId: first.id, dueOn: daysAhead(10), reason: 'Family away at a funeral' });
    expect(schedule.find((c) => c.id === first.id)).toMatchObject({ dueOn: daysAhead(10), reason: 'Family away at a funeral' });
    schedule = await team.supervisor.ok('followup.adjustSchedule', { caseId, action: 'add', dueOn: daysAhead(5), type: 'school_visit', reason: 'Teacher worried' });
    expect(schedule.find((c) => c.source === 'adjusted')).toMatchObject({ type: 'school_visit', status: 'planned' });
    schedule = await team.supervisor.ok('followup.adjustSchedule', { caseId, action: 'cancel', contactId: first.id, reason: 'Merged with school visit' });
    expect(schedule.find((c) => c.id === first.id)?.status).toBe('cancelled');
    const timeline = await team.worker.ok('cases.timeline', { caseId, limit: 5 });
    expect(timeline.events.filter((e) => e.type === 'followup.scheduleAdjusted').map((e) => e.details?.reason)).toEqual([
      'Merged with school visit',
      'Teacher worried',
      'Family away at a funeral',
    ]);
  });
});

describe('overdue rules and visits', () => {
  it('face-to-face stays overdue when only phone calls were made; a phone call holds a phone contact, never a home visit', async () => {
    const caseId = await caseInFollowUp(team, { reunifiedDaysAgo: 30 });
    let summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.faceToFaceOverdue).toBe(true);
    const homeVisit = summary.schedule.find((c) => c.type === 'home_visit')!;
    expect(homeVisit.overdue).toBe(true);
    await expectCode(
      team.worker.call('followup.recordVisit', { caseId, visit: { ...visitBase, mode: 'phone', date: daysAgo(2), plannedContactId: homeVisit.id } }),
      'VALIDATION',
    );
    await team.worker.ok('followup.recordVisit', { caseId, visit: { ...visitBase, mode: 'phone', date: daysAgo(2) } });
    summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.schedule.find((c) => c.type === 'phone_call')?.status).toBe('done');
    expect(summary.faceToFaceOverdue).toBe(true);
    expect(summary.lastFaceToFace).toBeNull();
    // Two home visits held: the overdue ones are done, face-to-face is no longer overdue.
    await team.worker.ok('followup.recordVisit', { caseId, visit: { ...visitBase, date: daysAgo(1), emergencyRouteConfirmed: true } });
    await team.worker.ok('followup.recordVisit', { caseId, visit: { ...visitBase, date: daysAgo(0) } });
    summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.schedule.filter((c) => c.overdue)).toEqual([]);
    expect(summary.faceToFaceOverdue).toBe(false);
    expect(summary.emergencyRouteConfirmed).toBe(true);
    expect(summary.visits).toHaveLength(3);
  });

  it('not speaking with the child needs a reason; speaking with the child needs the child’s own words', async () => {
    const caseId = await caseInFollowUp(team);
    const notSeen = await expectCode(
      team.worker.call('followup.recordVisit', { caseId, visit: { ...visitBase, date: daysAgo(0), spokeWith: [{ role: 'caregivers', view: '' }], childWords: '' } }),
      'VALIDATION',
    );
    expect(notSeen.issues?.map((i) => i.path)).toEqual([['visit', 'childNotSeenReason']]);
    const noWords = await expectCode(team.worker.call('followup.recordVisit', { caseId, visit: { ...visitBase, date: daysAgo(0), childWords: '' } }), 'VALIDATION');
    expect(noWords.issues?.map((i) => i.path)).toEqual([['visit', 'childWords']]);
    const ok = await team.worker.ok('followup.recordVisit', {
      caseId,
      visit: { ...visitBase, date: daysAgo(0), spokeWith: [{ role: 'teacher', view: '' }], childWords: '', childNotSeenReason: 'Child at a school trip' },
    });
    const visit = await team.worker.ok('followup.getVisit', { caseId, visitId: ok.visitId });
    expect(visit).toMatchObject({ childNotSeenReason: 'Child at a school trip', mode: 'in_person' });
    expect((await team.worker.ok('followup.get', { caseId })).visits[0].childSpokenWith).toBe(false);
  });

  it('a visit in the future, or on a case not in follow-up, is refused', async () => {
    const caseId = await caseInFollowUp(team);
    await expectCode(team.worker.call('followup.recordVisit', { caseId, visit: { ...visitBase, date: daysAhead(1) } }), 'INVALID_DATE');
    const file = await team.worker.ok('cases.get', { caseId });
    await team.worker.ok('cases.moveStage', { caseId, version: file.version, to: 'reunification', reason: 'Back' });
    await expectCode(team.worker.call('followup.recordVisit', { caseId, visit: { ...visitBase, date: daysAgo(0) } }), 'CONFLICT');
  });
});

describe('warning signs', () => {
  it('an urgent sign puts the case at the top of the supervisor’s queue, makes a risk re-assessment due and shows the safety plan', async () => {
    const calm = await caseInFollowUp(team);
    await team.worker.ok('followup.recordVisit', { caseId: calm, visit: { ...visitBase, date: daysAgo(0), warningSigns: [{ sign: 'left_school' }] } });
    const caseId = await caseInFollowUp(team);
    const result = await team.worker.ok('followup.recordVisit', {
      caseId,
      visit: { ...visitBase, date: daysAgo(1), warningSigns: [{ sign: 'abuse_or_neglect', note: 'Bruises on the arms' }, { sign: 'stigma' }] },
    });
    expect(result).toMatchObject({ urgent: true, showSafetyPlan: true, riskReassessmentDue: daysAgo(1) });
    const queue = await team.supervisor.ok('followup.myWork', {});
    expect(queue.urgent[0]).toMatchObject({ caseId, signs: ['abuse_or_neglect'] });
    expect(queue.urgent.map((u) => u.caseId)).not.toContain(calm);
    // The worker sees it too, and the re-assessment due on both cases.
    const mine = await team.worker.ok('followup.myWork', {});
    expect(mine.urgent.map((u) => u.caseId)).toContain(caseId);
    expect(mine.riskReassessments.map((r) => r.caseId)).toEqual(expect.arrayContaining([caseId, calm]));
    expect((await team.worker.ok('cases.get', { caseId })).priority).toBe('urgent');
    let summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.riskReassessmentDue).toBe(daysAgo(1));
    // A risk assessment made since clears the due re-assessment; resolving the sign takes it off the queue.
    await team.worker.ok('safety.saveRiskAssessment', { caseId, basedOn: 0, assessment: { date: daysAgo(0), risks: [], overallLevel: 'high' } });
    summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.riskReassessmentDue).toBeNull();
    const urgentSign = summary.signs.find((s) => s.urgent)!;
    await team.supervisor.ok('followup.resolveSign', { caseId, signId: urgentSign.id, resolution: 'Child moved to the aunt; police informed' });
    expect((await team.supervisor.ok('followup.myWork', {})).urgent.map((u) => u.caseId)).not.toContain(caseId);
  });

  it('a well-being factor at 1–2 in the re-score is a warning sign even when not ticked', async () => {
    const caseId = await caseInFollowUp(team);
    const assessmentId = await wellbeingScore(team, caseId, daysAgo(0), 3, { abuse_exploitation: 1 });
    await team.worker.ok('followup.recordVisit', { caseId, visit: { ...visitBase, date: daysAgo(0), wellbeingAssessmentId: assessmentId } });
    const summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.signs).toEqual([expect.objectContaining({ sign: 'low_wellbeing_factor', note: 'abuse_exploitation', urgent: false })]);
    // Only a completed well-being assessment of this case can be the re-score.
    const other = await caseInFollowUp(team);
    await expectCode(team.worker.call('followup.recordVisit', { caseId: other, visit: { ...visitBase, date: daysAgo(0), wellbeingAssessmentId: assessmentId } }), 'VALIDATION');
  });
});
