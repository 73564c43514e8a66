import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { setUpStaffedOffice, supervisorPassword, workerPassword } from '../../fixtures/core';

type Office = Awaited<ReturnType<typeof setUpStaffedOffice>>;
let office: Office;
let worker: InProcessClient;
let other: InProcessClient;
let supervisor: InProcessClient;

const child = {
  givenName: 'Amélie',
  familyName: 'Nduwimana',
  sex: 'female' as const,
  dateOfBirth: '2014-03-02',
  separationReasons: ['poverty' as const, 'street_connection' as const],
  separationPlace: 'Gulu market',
  area: 'Gulu',
  careArrangement: 'transit_centre' as const,
};

beforeAll(async () => {
  office = await setUpStaffedOffice();
  worker = await office.login('wanjiru', workerPassword);
  other = await office.login('omar', workerPassword);
  supervisor = await office.login('sara', supervisorPassword);
});
afterAll(() => office.cleanup());

describe('registering and finding a child', () => {
  it('registers a child with a readable number, assigned to the registering worker', async () => {
    const row = await worker.ok('cases.register', { child });
    expect(row.number).toMatch(/^GUL-\d{4}-00001$/);
    expect(row.stage).toBe('tracing_assessment');
    expect(row.workerName).toBe('Wanjiru Worker');
  });

  it('warns about a likely duplicate spelled differently without accents', async () => {
    const matches = await other.ok('cases.checkDuplicates', {
      givenName: 'Amelie',
      familyName: 'Nduwimana',
      dateOfBirth: '2014-05-01',
      separationPlace: 'Gulu',
    });
    expect(matches.length).toBeGreaterThan(0);
    // Another worker's child: that a match exists, not who the child is (duplicate-scope.test.ts).
    expect(matches[0]).toEqual({ inScope: false, caseId: expect.any(String), number: expect.stringMatching(/^GUL-/), area: 'Gulu', workerName: 'Wanjiru Worker', score: expect.any(Number), closed: false });
  });

  it('finds the case by an accent-free search, and a worker only sees their own cases', async () => {
    const mine = await worker.ok('cases.list', { search: 'amelie' });
    expect(mine.total).toBe(1);
    const theirs = await other.ok('cases.list', { search: 'amelie' });
    expect(theirs.total).toBe(0);
    const all = await supervisor.ok('cases.list', {});
    expect(all.total).toBe(1);
  });

  it('a case worker cannot open another worker\'s case', async () => {
    const [row] = (await worker.ok('cases.list', {})).rows;
    const denied = await other.call('cases.get', { caseId: row.id });
    expect(denied.ok ? null : denied.error.code).toBe('OUT_OF_SCOPE');
    const file = await worker.ok('cases.get', { caseId: row.id });
    expect(file.next.to).toBe('preparation');
    expect(file.next.blocked.map((g) => g.id)).toContain('familyFound');
  });

  it('refuses a date of birth in the future and writes nothing', async () => {
    const before = (await supervisor.ok('cases.list', {})).total;
    const result = await worker.call('cases.register', { child: { ...child, dateOfBirth: '2999-01-01' } });
    expect(result.ok ? null : result.error.code).toBe('INVALID_DATE');
    expect((await supervisor.ok('cases.list', {})).total).toBe(before);
  });

  it('blocks a move to preparation at the gates and names them', async () => {
    const [row] = (await worker.ok('cases.list', {})).rows;
    const file = await worker.ok('cases.get', { caseId: row.id });
    const moved = await worker.call('cases.moveStage', { caseId: row.id, version: file.version, to: 'preparation' });
    expect(moved.ok ? null : moved.error.code).toBe('GATE_BLOCKED');
  });
});

describe('reassignment', () => {
  it('a supervisor reassigns a case; the timeline records it and the new worker can open it', async () => {
    const [row] = (await worker.ok('cases.list', {})).rows;
    const otherId = office.users.otherWorker.id;
    const file = await supervisor.ok('cases.assign', { caseId: row.id, workerId: otherId, familyWorkerId: null });
    expect(file.workerName).toBe('Omar Worker');
    expect((await other.ok('cases.get', { caseId: row.id })).id).toBe(row.id);
    const denied = await worker.call('cases.get', { caseId: row.id });
    expect(denied.ok ? null : denied.error.code).toBe('OUT_OF_SCOPE');
    const timeline = await supervisor.ok('cases.timeline', { caseId: row.id });
    expect(timeline.events[0]).toMatchObject({ type: 'case.assign', details: { workerName: 'Omar Worker' } });
    const refused = await worker.call('cases.assign', { caseId: row.id, workerId: office.users.worker.id, familyWorkerId: null });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
  });
});
