// Approvals nobody sees no more: a submitted BID is on the supervisor's My work (oldest first, with
// the date it has waited since) and the case list filters on it, until a supervisor decides; so
// does a worker's request to pass a gate by exception.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvableBid, stageOneOffice } from '../assessments/stage-one';

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
});
