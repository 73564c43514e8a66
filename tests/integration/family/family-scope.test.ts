import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { familyChannels } from '../../../shared/family/contract';
import { expectCode } from '../../fixtures/results';
import { setUpNetworkOffice, type NetworkOffice } from './network-fixtures';

type FamilyChannel = keyof typeof familyChannels;

let t: NetworkOffice;
let memberId: string;
let version: number;
beforeAll(async () => {
  t = await setUpNetworkOffice();
  const member = await t.worker.ok('family.save', {
    caseId: t.caseId,
    member: { kind: 'relative', relationship: 'grandmother', givenName: 'Apiyo', isCaregiver: true },
  });
  memberId = member.id;
  version = member.version;
});
afterAll(() => t.office.cleanup());

// Valid input for every channel, aimed at records that exist: only scope can refuse them.
const inputs: { [N in FamilyChannel]: () => ChannelInput<N> } = {
  'family.list': () => ({ caseId: t.caseId, includeRemoved: true }),
  'family.save': () => ({ caseId: t.caseId, member: { id: memberId, version, kind: 'relative', relationship: 'grandmother', givenName: 'Changed' } }),
  'family.remove': () => ({ caseId: t.caseId, memberId, reason: 'test' }),
};

describe('a case worker reaches only the cases assigned to them', () => {
  it('covers every family channel', () => {
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(familyChannels).sort());
  });

  it.each(Object.keys(familyChannels) as FamilyChannel[])('an unassigned worker gets OUT_OF_SCOPE on %s, audited, and nothing changes', async (name) => {
    const deniedBefore = t.auditEntries().filter((e) => e.action === 'case.accessDenied').length;
    await expectCode(t.other.call(name, inputs[name]() as never), 'OUT_OF_SCOPE');
    expect(t.auditEntries().filter((e) => e.action === 'case.accessDenied').length).toBe(deniedBefore + 1);
    const [member] = await t.supervisor.ok('family.list', { caseId: t.caseId });
    expect(member).toMatchObject({ givenName: 'Apiyo', version, removed: null });
  });

  it('the assigned worker can do the same', async () => {
    for (const name of ['family.list', 'family.save', 'family.remove'] as const) {
      const result = await t.worker.call(name, inputs[name]() as never);
      expect(result.ok, name).toBe(true);
    }
  });
});
