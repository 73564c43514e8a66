// Approvals nobody sees no more: a submitted BID is on the supervisor's My work (oldest first, with
// the date it has waited since) and the case list filters on it, until a supervisor decides; so
// does a worker's request to pass a gate by exception.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvableBid, stageOneOffice } from '../assessments/stage-one';
import { supervisorPassword, workerPassword } from '../../fixtures/core';

let setup: Awaited<ReturnType<typeof stageOneOffice>>;

beforeAll(async () => {
  setup = await stageOneOffice();
});
afterAll(() => setup.office.cleanup());

describe('approvals waiting', () => {
  it('a submitted BID is listed for the supervisor and found by the case list filter, until approved', async () => {
    const { worker, other, supervisor, caseId, clock } = setup;
    const { id: laterCase } = await worker.ok('cases.register', {
      child: { givenName: 'Baraka', familyName: 'Otieno', sex: 'male', estimatedAgeYears: 9, separationReasons: ['poverty'], area: 'Kisumu West' },
    });
    expect((await supervisor.ok('cases.myWork', {})).approvals).toEqual([]);
    expect((await supervisor.ok('cases.list', { awaitingApproval: true })).total).toBe(0);

    const submit = async (id: string) => {
      const bid = await worker.ok('bid.save', { caseId: id, bid: { ...approvableBid, date: '2025-06-02' } });
      return worker.ok('bid.submit', { caseId: id, bidId: bid.id, version: bid.version });
    };
    const first = await submit(caseId);
    clock.set('2025-06-02T09:01:00.000Z'); // a minute later (sessions stay unlocked)
    await submit(laterCase);

    const work = await supervisor.ok('cases.myWork', {});
    expect(work.approvals.map((a) => [a.kind, a.case.id])).toEqual([
      ['bid', caseId],
      ['bid', laterCase],
    ]);
    expect(work.approvals[0].since < work.approvals[1].since).toBe(true);
    const listed = await supervisor.ok('cases.list', { awaitingApproval: true });
    expect(listed.rows.map((r) => r.id).sort()).toEqual([caseId, laterCase].sort());

    // Another case worker sees none of it; the submitting worker sees their own cases waiting.
    expect((await other.ok('cases.myWork', {})).approvals).toEqual([]);
    expect((await other.ok('cases.list', { awaitingApproval: true })).total).toBe(0);
    expect((await worker.ok('cases.myWork', {})).approvals).toHaveLength(2);

    await supervisor.ok('bid.approve', { caseId, bidId: first.id, version: first.version });
    expect((await supervisor.ok('cases.myWork', {})).approvals.map((a) => a.case.id)).toEqual([laterCase]);
    expect((await supervisor.ok('cases.list', { awaitingApproval: true })).rows.map((r) => r.id)).toEqual([laterCase]);
  });

  it('a gate exception a worker asks for waits in the same list and filter until a supervisor decides', async () => {
    const { worker, supervisor, caseId } = setup;
    const asked = await worker.ok('approvals.requestException', { caseId, gateId: 'supervisedVisitSucceeded', reasonKind: 'distance', reason: 'Family is four days away by road' });
    const waiting = (await supervisor.ok('cases.myWork', {})).approvals.filter((a) => a.case.id === caseId);
    expect(waiting.map((a) => a.kind)).toEqual(['gateException']);
    expect((await supervisor.ok('cases.list', { awaitingApproval: true })).rows.map((r) => r.id)).toContain(caseId);
    await supervisor.ok('approvals.decideException', { caseId, exceptionId: asked.id, decision: 'approved', note: 'Video calls instead' });
    expect((await supervisor.ok('cases.myWork', {})).approvals.map((a) => a.case.id)).not.toContain(caseId);
    expect((await supervisor.ok('cases.list', { awaitingApproval: true })).rows.map((r) => r.id)).not.toContain(caseId);
  });

  it('a halt waits in the same queue, with its age, until another supervisor confirms it (four eyes)', async () => {
    const { clock, office } = setup;
    let { worker, supervisor } = setup;
    const { id } = await worker.ok('cases.register', {
      child: { givenName: 'Atim', familyName: 'Lamwaka', sex: 'female', estimatedAgeYears: 11, separationReasons: ['poverty'], area: 'Gulu' },
    });
    const file = await worker.ok('cases.get', { caseId: id });
    await worker.ok('cases.halt', { caseId: id, version: file.version, alternative: 'temporary_alternative_care', reason: 'Not safe at home yet', childViews: 'She wants to stay with her aunt for now' });
    // Three days later (fresh sessions: the idle lock closed the old ones).
    clock.set('2025-06-05T10:00:00.000Z');
    worker = await office.login('wanjiru', workerPassword);
    supervisor = await office.login('sara', supervisorPassword);
    setup = { ...setup, worker, supervisor };
    const waiting = (await supervisor.ok('approvals.pending', {})).items.find((i) => i.caseId === id)!;
    expect(waiting).toMatchObject({ kind: 'halt', subject: 'temporary_alternative_care', requestedByName: 'Wanjiru Worker', canDecide: true, ageDays: 3 });
    // The worker sees it waiting on their own case, and cannot decide it.
    expect((await worker.ok('cases.myWork', {})).approvals.find((a) => a.caseId === id)).toMatchObject({ kind: 'halt', canDecide: false });
    expect((await supervisor.ok('cases.list', { awaitingApproval: true })).rows.map((r) => r.id)).toContain(id);
    await supervisor.ok('approvals.confirmHalt', { caseId: id, version: (await worker.ok('cases.get', { caseId: id })).version, note: '' });
    expect((await supervisor.ok('approvals.pending', {})).items.map((i) => i.caseId)).not.toContain(id);
    expect((await supervisor.ok('cases.list', { awaitingApproval: true })).rows.map((r) => r.id)).not.toContain(id);
    const timeline = await worker.ok('cases.timeline', { caseId: id, limit: 10 });
    expect(timeline.events.map((e) => e.type)).toContain('case.haltConfirm');
  });

  it('a supervisor who halted a case themselves cannot confirm it', async () => {
    const { supervisor } = setup;
    const { id } = await supervisor.ok('cases.register', {
      child: { givenName: 'Okot', familyName: 'Ojok', sex: 'male', estimatedAgeYears: 8, separationReasons: ['poverty'], area: 'Gulu' },
    });
    const file = await supervisor.ok('cases.get', { caseId: id });
    await supervisor.ok('cases.halt', { caseId: id, version: file.version, alternative: 'temporary_alternative_care', reason: 'Unsafe', childViews: 'Too young to say' });
    const item = (await supervisor.ok('approvals.pending', { kinds: ['halt'] })).items.find((i) => i.caseId === id)!;
    expect(item.canDecide).toBe(false);
    const error = await supervisor.call('approvals.confirmHalt', { caseId: id, version: file.version + 1, note: '' });
    expect(error.ok ? null : error.error.code).toBe('SELF_APPROVAL');
  });
});
