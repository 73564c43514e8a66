// Planning a conference, the invite rule for people who pose a risk, what may be chosen for the
// family's screen, the agreement, and the plan draft made from it — against a real encrypted office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode } from '../../fixtures/results';
import { verbalAck } from '../plans/helpers';
import { agreementInput, conferenceInput, conferenceOffice, invite, ref, type ConferenceOffice } from './helpers';

let o: ConferenceOffice;
beforeAll(async () => {
  o = await conferenceOffice();
});
afterAll(() => o.cleanup());

describe('planning', () => {
  it('a conference is recorded with its purpose, time, venue, facilitator, languages and interpreter, on the timeline', async () => {
    const c = await o.worker.ok('conference.get', ref(o));
    expect(c).toMatchObject({ purpose: 'plan', date: '2025-10-10', time: '10:00', venue: 'Pece community hall', facilitatorName: 'Joseph Opio', familyLanguage: 'ar', otherLanguages: ['en'], interpreter: 'Hassan Ali' });
    expect(c.childParticipation).toMatchObject({ mode: 'attends_part', agreedToShare: true });
    expect(o.auditDetails(o.caseId).some((d) => d.startsWith('conference.planned'))).toBe(true);
    expect(o.count('case_events', o.caseId)).toBeGreaterThan(0);
  });

  it('the child’s participation is always recorded: "not involved" needs a reason', async () => {
    await expectCode(o.worker.call('conference.save', { caseId: o.caseId, conference: conferenceInput({ childParticipation: { mode: 'not_involved' } }) }), 'VALIDATION');
    const saved = await o.worker.ok('conference.save', {
      caseId: o.caseId,
      conference: conferenceInput({ kind: 'meeting', childParticipation: { mode: 'not_involved', reason: 'She is in hospital this week' } }),
    });
    expect(saved.childParticipation).toMatchObject({ mode: 'not_involved', reason: 'She is in hospital this week' });
  });

  it('a stale form is refused rather than merged', async () => {
    const c = await o.worker.ok('conference.get', ref(o));
    await o.worker.ok('conference.save', { caseId: o.caseId, conference: { ...conferenceInput({ venue: 'District office' }), id: c.id, version: c.version } });
    await expectCode(o.worker.call('conference.save', { caseId: o.caseId, conference: { ...conferenceInput(), id: c.id, version: c.version } }), 'CONFLICT');
  });
});

describe('invitees', () => {
  it('people from the network and beyond are invited, each with a status', async () => {
    await invite(o);
    const c = await o.worker.ok('conference.saveInvitee', { ...ref(o), invitee: { memberId: null, name: 'Imam Yusuf', role: 'religious leader', language: 'ar', status: 'declined' } });
    expect(c.invitees.map((i) => [i.name, i.status])).toEqual([
      ['Rose Akello', 'invited'],
      ['Imam Yusuf', 'declined'],
    ]);
  });

  it('a person who poses a risk cannot be invited without a supervisor’s safety note', async () => {
    const proposed = await o.worker.ok('conference.saveInvitee', { ...ref(o), invitee: { memberId: o.uncle.id, name: 'Dominic Okot', language: 'en', status: 'proposed' } });
    const uncle = proposed.invitees.find((i) => i.memberId === o.uncle.id)!;
    expect(uncle.posesRisk).toBe(true);
    await expectCode(o.worker.call('conference.saveInvitee', { ...ref(o), invitee: { id: uncle.id, memberId: o.uncle.id, name: 'Dominic Okot', language: 'en', status: 'invited' } }), 'SAFETY_NOTE_REQUIRED');
    await expectCode(o.worker.call('conference.saveInvitee', { ...ref(o), invitee: { memberId: o.uncle.id, name: 'Dominic Okot', language: 'en', status: 'attended' } }), 'SAFETY_NOTE_REQUIRED');
    // A case worker cannot write the note: it is a supervisor's decision.
    await expectCode(o.worker.call('conference.recordSafetyNote', { ...ref(o), inviteeId: uncle.id, note: 'Comes for the first hour only' }), 'FORBIDDEN');
    await o.supervisor.ok('conference.recordSafetyNote', { ...ref(o), inviteeId: uncle.id, note: 'Comes for the first hour only, seated apart, police officer present' });
    const invited = await o.worker.ok('conference.saveInvitee', { ...ref(o), invitee: { id: uncle.id, memberId: o.uncle.id, name: 'Dominic Okot', language: 'en', status: 'invited' } });
    expect(invited.invitees.find((i) => i.id === uncle.id)).toMatchObject({ status: 'invited', safetyNoteBy: 'Sara Supervisor' });
    expect(o.auditDetails(o.caseId).some((d) => d.startsWith('conference.safetyNoteRecorded'))).toBe(true);
  });
});

describe('what the family will see', () => {
  it('offers only family-safe records: never the risk person, never a confidential placement', async () => {
    await o.worker.ok('preparation.setCareArrangement', { caseId: o.caseId, arrangement: 'foster_care', place: 'Safe house, Plot 9 Lira road', since: '2025-09-01', confidential: true });
    const c = await o.worker.ok('conference.get', ref(o));
    expect(c.selectable.map((s) => s.label)).toContain('Rose Akello');
    expect(c.selectable.map((s) => s.id)).not.toContain(o.uncle.id);
    expect(JSON.stringify(c.selectable)).not.toContain('Plot 9');
  });

  it('a confidential record cannot be selected at all, even by its id', async () => {
    const care = (await o.worker.ok('preparation.get', { caseId: o.caseId })).careArrangement!;
    for (const source of [
      { type: 'member' as const, id: o.uncle.id },
      { type: 'placement' as const, id: care.id },
    ]) {
      await expectCode(o.worker.call('conference.saveSelection', { ...ref(o), items: [{ kind: 'strength', text: 'Family support', source }] }), 'CONFIDENTIAL_ITEM');
    }
    expect((await o.worker.ok('conference.get', ref(o))).selection).toEqual([]);
  });

  it('the child’s words only when the child agreed', async () => {
    const c = await o.worker.ok('conference.get', ref(o));
    await o.worker.ok('conference.save', { caseId: o.caseId, conference: { ...conferenceInput({ childParticipation: { mode: 'attends_part', words: 'I want to live with my grandmother', agreedToShare: false } }), id: c.id, version: c.version } });
    await expectCode(o.worker.call('conference.saveSelection', { ...ref(o), items: [{ kind: 'child_words', text: 'I want to live with my grandmother' }] }), 'CONFIDENTIAL_ITEM');
    const again = await o.worker.ok('conference.get', ref(o));
    await o.worker.ok('conference.save', { caseId: o.caseId, conference: { ...conferenceInput(), id: again.id, version: again.version } });
    const saved = await o.worker.ok('conference.saveSelection', {
      ...ref(o),
      items: [
        { kind: 'strength', text: 'Rose has cared for Amélie before', source: { type: 'member', id: o.grandmother.id } },
        { kind: 'worry', text: 'School fees are not paid' },
        { kind: 'question', text: 'Who will take Amélie to school?' },
        { kind: 'child_words', text: 'I want to live with my grandmother' },
      ],
    });
    expect(saved.selection.map((s) => s.kind)).toEqual(['strength', 'worry', 'question', 'child_words']);
  });
});

describe('running and agreeing', () => {
  it('only the steps of its flow; private family time is recorded', async () => {
    await o.worker.ok('conference.setStep', { ...ref(o), step: 'welcome' });
    await o.worker.ok('conference.setStep', { ...ref(o), step: 'private_time' });
    const after = await o.worker.ok('conference.setStep', { ...ref(o), step: 'family_plan' });
    expect(after.privateStartedAt).not.toBeNull();
    expect(after.privateEndedAt).not.toBeNull();
    const events = o.auditDetails(o.caseId).filter((d) => d.startsWith('conference.privateTime'));
    expect(events).toHaveLength(2);
  });

  it('a smaller family meeting has fewer steps: no private time', async () => {
    const meeting = await o.worker.ok('conference.save', { caseId: o.caseId, conference: conferenceInput({ kind: 'meeting' }) });
    const error = await expectCode(o.worker.call('conference.setStep', { caseId: o.caseId, conferenceId: meeting.id, step: 'private_time' }), 'CONFLICT');
    expect(error.params).toEqual({ reason: 'stepNotInFlow' });
  });

  it('the agreement: who does what by when, support and the family’s part, the child’s view, contingency, disagreements; review within 3 months', async () => {
    const tooLate = { ...agreementInput(), reviewDate: '2026-01-11' };
    await expectCode(o.worker.call('conference.saveAgreement', { ...ref(o), agreement: tooLate }), 'INVALID_DATE');
    const c = await o.worker.ok('conference.saveAgreement', { ...ref(o), agreement: agreementInput() });
    expect(c.agreement.items).toHaveLength(2);
    expect(c.agreement.items[1].disagreement).toBe('The father thinks monthly is enough');
    expect(c.agreement).toMatchObject({ childView: 'Amélie likes the plan but wants to keep her friends', disagreements: 'Frequency of visits', reviewDate: '2026-01-10' });
    const cases = await o.worker.ok('cases.get', { caseId: o.caseId });
    expect(cases.reviewDue).toBe('2026-01-10');
  });

  it('commitments due appear for the worker whose case it is, not for another worker', async () => {
    const mine = await o.worker.ok('conference.dueCommitments', { until: '2025-10-31' });
    expect(mine.map((m) => m.what)).toEqual(['Visit every Sunday']);
    expect(await o.other.ok('conference.dueCommitments', { until: '2025-12-31' })).toEqual([]);
  });

  it('the case’s open commitments are read for its plan review by whoever may read the case, and refused to others', async () => {
    const forCase = await o.worker.ok('conference.dueCommitments', { until: '2099-12-31', caseId: o.caseId });
    // Both items of the agreement, the one due in October and the later one.
    expect(forCase.map((m) => m.what).sort()).toEqual(['Visit every Sunday', 'Walk Amélie to Pece primary school every morning']);
    expect(forCase.every((m) => m.caseId === o.caseId)).toBe(true);
    expect(await o.supervisor.ok('conference.dueCommitments', { until: '2099-12-31', caseId: o.caseId })).toEqual(forCase);
    await expectCode(o.other.call('conference.dueCommitments', { until: '2099-12-31', caseId: o.caseId }), 'OUT_OF_SCOPE');
  });
});

describe('agreement → plan draft', () => {
  it('each agreed item becomes a SMART objective of a draft; the plan is current only once acknowledged', async () => {
    const made = await o.worker.ok('conference.makePlanDraft', ref(o));
    expect(made).toEqual({ planVersion: 1, objectives: 2 });
    const plan = await o.worker.ok('plans.get', { caseId: o.caseId });
    expect(plan.current).toBeNull();
    expect(plan.draft?.objectives.map((x) => [x.objective, x.indicator, x.targetDate, x.responsible])).toEqual([
      ['Walk Amélie to Pece primary school every morning', 'Attendance register signed by the head teacher', '2025-11-01', 'Grace Okello (mother)'],
      ['Visit every Sunday', 'Visit diary kept by the grandmother', '2025-10-20', 'Uncle Peter'],
    ]);
    expect(plan.draft?.objectives[0].partialSupport).toEqual({ what: 'School uniform', familyShare: 'Half the cost' });
    expect(plan.draft?.contingencyPlan).toBe('If the visits stop, the grandmother calls the social worker');
    expect((await o.worker.ok('conference.get', ref(o))).planVersion).toBe(1);
    await expectCode(o.worker.call('conference.makePlanDraft', ref(o)), 'CONFLICT');
    // The plan's own acknowledgement (a guardian is needed, as for any plan) makes it current.
    await o.worker.ok('plans.saveDraft', { caseId: o.caseId, expectedRevision: plan.draft!.revision, plan: { objectives: plan.draft!.objectives.map((x) => ({ key: x.key, domain: x.domain, objective: x.objective, indicator: x.indicator, targetDate: x.targetDate, responsible: x.responsible })), contingencyPlan: plan.draft!.contingencyPlan, guardianship: { currentHolder: 'District Probation Office' } } });
    await o.worker.ok('plans.acknowledge', { caseId: o.caseId, version: 1, acknowledgement: verbalAck('2025-09-01') });
    expect((await o.worker.ok('plans.get', { caseId: o.caseId })).current?.version).toBe(1);
    expect(o.auditDetails(o.caseId).some((d) => d.startsWith('conference.planDraftMade'))).toBe(true);
  });

  it('the agreement of a conference whose plan draft was made is not rewritten', async () => {
    await expectCode(o.worker.call('conference.saveAgreement', { ...ref(o), agreement: agreementInput() }), 'CONFLICT');
  });
});
