import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentsChannels } from '../../../shared/consents/contract';
import type { ChannelInput } from '../../../shared/contract';
import { expectCode } from '../../fixtures/results';
import { setUpNetworkOffice, type NetworkOffice } from '../family/network-fixtures';

type ConsentsChannel = keyof typeof consentsChannels;

let t: NetworkOffice;
let consentId: string;
beforeAll(async () => {
  t = await setUpNetworkOffice();
  const assent = await t.worker.ok('consents.record', {
    caseId: t.caseId,
    consent: { givenBy: 'child', purposes: ['assessment'], method: 'verbal', date: '2024-03-01' },
  });
  consentId = assent.id;
});
afterAll(() => t.office.cleanup());

const inputs: { [N in ConsentsChannel]: () => ChannelInput<N> } = {
  'consents.list': () => ({ caseId: t.caseId }),
  'consents.record': () => ({ caseId: t.caseId, consent: { givenBy: 'child', purposes: ['referral'], method: 'verbal', date: '2024-03-02' } }),
  'consents.withdraw': () => ({ caseId: t.caseId, consentId, date: '2024-03-03', reason: 'test' }),
};

describe('a case worker reaches only the cases assigned to them', () => {
  it('covers every consents channel', () => {
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(consentsChannels).sort());
  });

  it.each(Object.keys(consentsChannels) as ConsentsChannel[])('an unassigned worker gets OUT_OF_SCOPE on %s, audited, and nothing changes', async (name) => {
    const deniedBefore = t.auditEntries().filter((e) => e.action === 'case.accessDenied').length;
    await expectCode(t.other.call(name, inputs[name]() as never), 'OUT_OF_SCOPE');
    expect(t.auditEntries().filter((e) => e.action === 'case.accessDenied').length).toBe(deniedBefore + 1);
    const list = await t.supervisor.ok('consents.list', { caseId: t.caseId });
    expect(list.map((c) => [c.id, c.active])).toEqual([[consentId, true]]);
  });

  it('the assigned worker can do the same', async () => {
    for (const name of ['consents.list', 'consents.record', 'consents.withdraw'] as const) {
      expect((await t.worker.call(name, inputs[name]() as never)).ok, name).toBe(true);
    }
  });
});
