// The duplicate check tells a case worker that another worker's case likely holds the same child —
// case number, area, worker, strength — and nothing about the child; a supervisor sees the details.
// The worker can ask a supervisor, who sees the question with the child's name and settles it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { setUpStaffedOffice, supervisorPassword, workerPassword } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';

type Office = Awaited<ReturnType<typeof setUpStaffedOffice>>;
let office: Office;
let wanjiru: InProcessClient;
let omar: InProcessClient;
let sara: InProcessClient;
let caseId: string;

const child = {
  givenName: 'Nyokabi',
  familyName: 'Wambui',
  otherNames: ['Kabi'],
  sex: 'female' as const,
  dateOfBirth: '2015-06-02',
  separationReasons: ['poverty' as const],
  separationPlace: 'Kibera, near the chief’s camp',
  area: 'Nairobi West',
};
const query = { givenName: 'Nyokabi', familyName: 'Wambui', dateOfBirth: '2015-07-01', sex: 'female' as const, separationPlace: 'Kibera' };

beforeAll(async () => {
  office = await setUpStaffedOffice();
  wanjiru = await office.login('wanjiru', workerPassword);
  omar = await office.login('omar', workerPassword);
  sara = await office.login('sara', supervisorPassword);
  caseId = (await wanjiru.ok('cases.register', { child })).id;
});
afterAll(() => office.cleanup());

describe('the duplicate check’s scope', () => {
  it('another worker learns only that a strong match exists, where, and whose', async () => {
    const [match, ...rest] = await omar.ok('cases.checkDuplicates', query);
    expect(rest).toEqual([]);
    expect(match).toEqual({ inScope: false, caseId, number: expect.stringMatching(/^GUL-\d{4}-\d{5}$/), area: 'Nairobi West', workerName: 'Wanjiru Worker', score: expect.any(Number), closed: false });
    expect(match!.score).toBeGreaterThanOrEqual(0.8);
    const text = JSON.stringify(match);
    for (const secret of ['Wambui', 'Kabi', 'female', 'Kibera', '2015']) expect(text).not.toContain(secret);
  });

  it('the case’s own worker and a supervisor see the details', async () => {
    for (const client of [wanjiru, sara]) {
      const [match] = await client.ok('cases.checkDuplicates', query);
      expect(match).toMatchObject({ inScope: true, caseId, givenName: 'Nyokabi', familyName: 'Wambui', otherNames: ['Kabi'], sex: 'female', separationPlace: child.separationPlace });
    }
  });

  it('asking a supervisor leaves a flag the supervisor sees with the child, and settles', async () => {
    const { flagId } = await omar.ok('cases.flagDuplicate', { caseId, score: 0.9, note: 'Registering Nyokabi W., about 10, found at Kibera' });
    // Asking again while the question is open is the same question.
    expect(await omar.ok('cases.flagDuplicate', { caseId, score: 0.9 })).toEqual({ flagId });
    // The asker gains no reading of the case by asking.
    await expectCode(omar.call('cases.get', { caseId }), 'OUT_OF_SCOPE');
    await expectCode(omar.call('cases.duplicateFlags', {}), 'FORBIDDEN');

    const flags = await sara.ok('cases.duplicateFlags', {});
    expect(flags).toEqual([
      expect.objectContaining({ id: flagId, caseId, childName: 'Nyokabi Wambui', area: 'Nairobi West', workerName: 'Wanjiru Worker', raisedByName: 'Omar Worker', score: 0.9, note: 'Registering Nyokabi W., about 10, found at Kibera' }),
    ]);
    await sara.ok('cases.resolveDuplicateFlag', { flagId, outcome: 'different_child' });
    expect(await sara.ok('cases.duplicateFlags', {})).toEqual([]);
    await expectCode(sara.call('cases.resolveDuplicateFlag', { flagId, outcome: 'same_child' }), 'CONFLICT');

    const audit = (await office.admin.ok('audit.list', { entityId: caseId, limit: 50 })).entries.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['case.duplicateFlagged', 'case.duplicateFlagResolved']));
    // Audit details are ids and kinds only.
    const details = JSON.stringify((await office.admin.ok('audit.list', { entityId: caseId, limit: 50 })).entries);
    expect(details).not.toContain('Kibera');
  });

  it('a flag on a case that does not exist is refused', async () => {
    await expectCode(omar.call('cases.flagDuplicate', { caseId: '00000000-0000-4000-8000-000000000000', score: 0.7 }), 'NOT_FOUND');
  });
});
