import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedContacts } from '../../../electron/core/contacts/queries';
import { caseInStage, daysAgo, daysAhead, setUpTeam, type Team } from '../reunification/fixture';

let team: Team;

beforeAll(async () => {
  team = await setUpTeam();
});
afterAll(() => team.office.cleanup());

const remote = { kind: 'remote_contact' as const, mode: 'phone_call' as const, withWhom: 'Mother (Achieng)' };
const supervised = { kind: 'supervised_visit' as const, withWhom: 'Mother and grandmother', place: 'Family home, Layibi' };
const unsupervised = { kind: 'unsupervised_visit' as const, withWhom: 'Mother and grandmother', durationMinutes: 2 * 24 * 60 };

const errorOf = (result: { ok: boolean; error?: { code: string; params?: Record<string, unknown> } }) =>
  result.ok ? null : result.error!;

describe('the contact ladder', () => {
  it('refuses to plan or record an unsupervised home visit before a supervised visit succeeded', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const planned = errorOf(await team.worker.call('contacts.plan', { caseId, ...unsupervised, plannedFor: daysAhead(7) }));
    expect(planned?.code).toBe('GATE_BLOCKED');
    expect(planned?.params?.gates).toBe('supervisedVisitSucceeded');
    const held = errorOf(await team.worker.call('contacts.record', { caseId, ...unsupervised, heldOn: daysAgo(1), outcome: 'successful' }));
    expect(held?.code).toBe('GATE_BLOCKED');
    expect(held?.params?.gates).toBe('supervisedVisitSucceeded');
    const list = await team.worker.ok('contacts.list', { caseId });
    expect(list.contacts).toHaveLength(0);
    expect(list.ladder.unsupervisedAllowed).toBe(false);
  });

  it('still refuses after a supervised visit that went badly, and allows it after one that succeeded', async () => {
    const caseId = await caseInStage(team, 'reunification');
    await team.worker.ok('contacts.record', { caseId, ...supervised, heldOn: daysAgo(20), outcome: 'unsuccessful', concerns: 'Shouting' });
    await team.worker.ok('contacts.record', { caseId, ...supervised, heldOn: daysAgo(15), outcome: 'partly_successful' });
    const blocked = errorOf(await team.worker.call('contacts.plan', { caseId, ...unsupervised, plannedFor: daysAhead(3) }));
    expect(blocked?.code).toBe('GATE_BLOCKED');

    await team.worker.ok('contacts.record', { caseId, ...supervised, heldOn: daysAgo(5), outcome: 'successful' });
    const plan = await team.worker.ok('contacts.plan', { caseId, ...unsupervised, plannedFor: daysAhead(3) });
    expect(plan.status).toBe('planned');
    const held = await team.worker.ok('contacts.record', { caseId, ...unsupervised, heldOn: daysAgo(1), outcome: 'successful' });
    expect(held.status).toBe('held');
    const { ladder } = await team.worker.ok('contacts.list', { caseId });
    expect(ladder.unsupervisedAllowed).toBe(true);
    expect(ladder.highestSuccessful).toBe('unsupervised_visit');
  });

  it('reports the highest successful rung and counts sibling contacts apart from the ladder', async () => {
    const caseId = await caseInStage(team, 'reunification');
    await team.worker.ok('contacts.record', { caseId, ...remote, heldOn: daysAgo(30), outcome: 'successful', childFeedback: 'I liked hearing her voice' });
    await team.worker.ok('contacts.record', { caseId, kind: 'short_meeting', withWhom: 'Mother', heldOn: daysAgo(20), outcome: 'partly_successful' });
    await team.worker.ok('contacts.record', { caseId, kind: 'sibling_contact', mode: 'video_call', withWhom: 'Brother Denis (in Kampala)', heldOn: daysAgo(10), outcome: 'successful' });
    const { ladder, contacts } = await team.worker.ok('contacts.list', { caseId });
    expect(ladder.highestSuccessful).toBe('remote_contact');
    expect(ladder.rungs.find((r) => r.rung === 'short_meeting')).toMatchObject({ held: 1, successful: 0 });
    expect(ladder.siblingContacts).toBe(1);
    expect(contacts.map((c) => c.kind)).toEqual(['sibling_contact', 'short_meeting', 'remote_contact']);
    expect(contacts[2].childFeedback).toBe('I liked hearing her voice');
  });

  it('asks how a remote contact happens, and ignores a mode on a face-to-face rung', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const noMode = errorOf(await team.worker.call('contacts.plan', { caseId, kind: 'remote_contact', withWhom: 'Uncle', plannedFor: daysAhead(2) }));
    expect(noMode?.code).toBe('VALIDATION');
    const meeting = await team.worker.ok('contacts.plan', { caseId, kind: 'short_meeting', mode: 'in_person', withWhom: 'Uncle', plannedFor: daysAhead(2) });
    expect(meeting.mode).toBeNull();
  });

  it('records a planned contact as held, keeps its plan, and refuses to cancel it afterwards', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const plan = await team.worker.ok('contacts.plan', { caseId, ...remote, plannedFor: daysAhead(1), purpose: 'First call since tracing' });
    const held = await team.worker.ok('contacts.record', {
      caseId,
      contactId: plan.id,
      version: plan.version,
      ...remote,
      heldOn: daysAgo(0),
      durationMinutes: 20,
      outcome: 'successful',
      familyFeedback: 'Relieved to hear from her',
    });
    expect(held).toMatchObject({ id: plan.id, status: 'held', plannedFor: daysAhead(1), purpose: 'First call since tracing', durationMinutes: 20 });
    const cancel = errorOf(await team.worker.call('contacts.cancel', { caseId, contactId: plan.id, reason: 'Changed mind' }));
    expect(cancel?.code).toBe('CONFLICT');
    const stale = errorOf(await team.worker.call('contacts.record', { caseId, contactId: plan.id, version: plan.version, ...remote, heldOn: daysAgo(0), outcome: 'unsuccessful' }));
    expect(stale?.code).toBe('CONFLICT');
  });

  it('cancels a planned contact with a reason, and does not record a cancelled one as held', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const plan = await team.worker.ok('contacts.plan', { caseId, ...supervised, plannedFor: daysAhead(4) });
    const cancelled = await team.worker.ok('contacts.cancel', { caseId, contactId: plan.id, reason: 'Road flooded' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Road flooded' });
    const record = errorOf(await team.worker.call('contacts.record', { caseId, contactId: plan.id, ...supervised, heldOn: daysAgo(0), outcome: 'successful' }));
    expect(record?.code).toBe('CONFLICT');
  });

  it('refuses a held date in the future or before the case was registered, and writes nothing', async () => {
    const caseId = await caseInStage(team, 'reunification', 60);
    const future = errorOf(await team.worker.call('contacts.record', { caseId, ...remote, heldOn: daysAhead(3), outcome: 'successful' }));
    expect(future?.code).toBe('INVALID_DATE');
    const early = errorOf(await team.worker.call('contacts.record', { caseId, ...remote, heldOn: daysAgo(90), outcome: 'successful' }));
    expect(early?.code).toBe('INVALID_DATE');
    const earlyPlan = errorOf(await team.worker.call('contacts.plan', { caseId, ...remote, plannedFor: daysAgo(90) }));
    expect(earlyPlan?.code).toBe('INVALID_DATE');
    expect((await team.worker.ok('contacts.list', { caseId })).contacts).toHaveLength(0);
  });
});

describe('refusal by the family or the child', () => {
  it('is recorded with the child\'s views, cancels planned contacts when asked, points to the contingency plan and is listed', async () => {
    const caseId = await caseInStage(team, 'reunification');
    await team.worker.ok('contacts.plan', { caseId, ...supervised, plannedFor: daysAhead(5) });
    await team.worker.ok('contacts.plan', { caseId, ...remote, plannedFor: daysAhead(2) });
    const result = await team.worker.ok('contacts.recordRefusal', {
      caseId,
      refusedOn: daysAgo(1),
      refusedBy: 'family',
      who: 'Stepfather',
      reasons: 'Says the household cannot feed another child this season',
      childViews: 'I still want to see my mother',
      cancelPlanned: true,
    });
    expect(result.next).toEqual({ tab: 'plan', section: 'contingency' });
    expect(result.cancelledContacts).toBe(2);
    const refusals = await team.worker.ok('contacts.listRefusals', { caseId });
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ refusedBy: 'family', who: 'Stepfather', childViews: 'I still want to see my mother', recordedByName: 'Wanjiru Worker' });
    const list = await team.worker.ok('contacts.list', { caseId });
    expect(list.refusals).toBe(1);
    expect(list.contacts.every((c) => c.status === 'cancelled')).toBe(true);
    const timeline = await team.worker.ok('cases.timeline', { caseId });
    expect(timeline.events.map((e) => e.type)).toContain('contact.refusal');
  });

  it('a refusal by the child alone keeps planned contacts unless the worker cancels them', async () => {
    const caseId = await caseInStage(team, 'reunification');
    await team.worker.ok('contacts.plan', { caseId, ...remote, plannedFor: daysAhead(2) });
    const result = await team.worker.ok('contacts.recordRefusal', { caseId, refusedOn: daysAgo(0), refusedBy: 'child', reasons: 'Afraid of the uncle' });
    expect(result.cancelledContacts).toBe(0);
    expect((await team.worker.ok('contacts.list', { caseId })).contacts[0].status).toBe('planned');
  });
});

describe('planned contacts in my work', () => {
  it('shows the assigned worker their planned contacts, soonest first, and not another worker\'s', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const later = await team.worker.ok('contacts.plan', { caseId, ...supervised, plannedFor: daysAhead(9) });
    const sooner = await team.worker.ok('contacts.plan', { caseId, ...remote, plannedFor: daysAhead(1) });
    const cancelled = await team.worker.ok('contacts.plan', { caseId, ...remote, plannedFor: daysAhead(0) });
    await team.worker.ok('contacts.cancel', { caseId, contactId: cancelled.id, reason: 'Phone lost' });
    const mine = await team.worker.ok('cases.myWork', {});
    const forCase = mine.plannedContacts.filter((c) => c.caseId === caseId);
    expect(forCase.map((c) => c.contactId)).toEqual([sooner.id, later.id]);
    expect(forCase[0]).toMatchObject({ kind: 'remote_contact', plannedFor: daysAhead(1), childName: expect.stringMatching(/^Grace\d+ Okello$/) });
    const plannedDates = mine.plannedContacts.map((c) => c.plannedFor);
    expect([...plannedDates].sort()).toEqual(plannedDates);
    const theirs = await team.other.ok('cases.myWork', {});
    expect(theirs.plannedContacts.some((c) => c.caseId === caseId)).toBe(false);
  });

  it('finds planned contacts among thousands of case ids (chunked past the parameter limit)', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const plan = await team.worker.ok('contacts.plan', { caseId, ...remote, plannedFor: daysAhead(0) });
    const ids = Array.from({ length: 1700 }, (_, i) => `no-such-case-${i}`);
    ids.splice(1234, 0, caseId);
    const found = await plannedContacts(team.office.core.store.get().db, ids, 500);
    expect(found.map((c) => c.contactId)).toContain(plan.id);
    expect(await plannedContacts(team.office.core.store.get().db, [], 10)).toEqual([]);
  });
});

describe('what the contact log tells the stage gates', () => {
  it('a successful supervised visit clears the supervisedVisitSucceeded gate in the case file', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const before = await team.worker.ok('cases.get', { caseId });
    expect(before.facts.supervisedVisitSucceeded).toBe(false);
    expect(before.next.blocked.map((g) => g.id)).toContain('supervisedVisitSucceeded');
    await team.worker.ok('contacts.record', { caseId, ...supervised, heldOn: daysAgo(2), outcome: 'successful' });
    const after = await team.worker.ok('cases.get', { caseId });
    expect(after.facts.supervisedVisitSucceeded).toBe(true);
    expect(after.next.blocked.map((g) => g.id)).not.toContain('supervisedVisitSucceeded');
  });
});
