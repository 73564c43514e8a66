// Scope and permission on every transfer channel, with an unassigned case worker (omar) at the
// sending office: case channels answer OUT_OF_SCOPE (audited), the rest FORBIDDEN by role, except
// the two that reach no case content (the list of trusted partners' names, and uploading bytes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelInput, type ChannelName } from '../../../shared/contract';
import { caseToSend, defaultSelection, download, sendDetails, setUpPair, today, upload, type Pair } from './fixture';

let pair: Pair;
let caseId: string;
let transferId: string;
let receiptUpload: string;
let omarReceiptUpload: string;

beforeAll(async () => {
  pair = await setUpPair();
  ({ caseId } = await caseToSend(pair.gulu));
  transferId = (await pair.gulu.worker.ok('transfer.send', { caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection })).transferId;
  const file = await download(pair.gulu.worker, transferId, 'package');
  const uploadId = await upload(pair.kampala.supervisor, file);
  await pair.kampala.supervisor.ok('transfer.accept', { uploadId, assignTo: pair.kampala.office.users.worker.id });
  const receipt = await download(pair.kampala.supervisor, transferId, 'receipt');
  receiptUpload = await upload(pair.gulu.worker, receipt);
  omarReceiptUpload = await upload(pair.gulu.other, receipt);
});
afterAll(() => pair?.cleanup());

const transferChannels = channelNames.filter((n) => n.startsWith('transfer.'));

function input(name: ChannelName): unknown {
  const inputs: { [N in ChannelName]?: ChannelInput<N> } = {
    'transfer.officeCard': {},
    'transfer.partners': {},
    'transfer.inspectCard': { cardText: '{}' },
    'transfer.trustPartner': { cardText: '{}', kind: 'office', fingerprint: '0000' },
    'transfer.revokePartner': { partnerId: pair.gulu.partnerId, reason: 'test' },
    'transfer.destinations': {},
    'transfer.preview': { caseId, selection: defaultSelection },
    'transfer.send': { caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection },
    'transfer.sealProgress': {},
    'transfer.caseStatus': { caseId },
    'transfer.pending': {},
    'transfer.download': { transferId, file: 'package', offset: 0 },
    'transfer.upload': { uploadId: null, offset: 0, totalBytes: 3, dataBase64: 'AAAA' },
    'transfer.open': { uploadId: omarReceiptUpload },
    'transfer.accept': { uploadId: omarReceiptUpload, assignTo: pair.gulu.office.users.otherWorker.id },
    'transfer.reject': { uploadId: omarReceiptUpload, reason: 'no' },
    'transfer.applyReceipt': { uploadId: omarReceiptUpload },
    'transfer.saveHandover': { caseId, handover: { metOn: today(), receivingWorker: 'Kato', attendees: 'Kato, Achieng', childAttended: true, childToldNewWorker: true, safetyPlanUpdated: false } },
  };
  return inputs[name];
}

const expected: Record<string, 'OUT_OF_SCOPE' | 'FORBIDDEN' | 'ok'> = {
  'transfer.officeCard': 'FORBIDDEN',
  'transfer.partners': 'FORBIDDEN',
  'transfer.inspectCard': 'FORBIDDEN',
  'transfer.trustPartner': 'FORBIDDEN',
  'transfer.revokePartner': 'FORBIDDEN',
  'transfer.destinations': 'ok',
  'transfer.preview': 'OUT_OF_SCOPE',
  'transfer.send': 'OUT_OF_SCOPE',
  // Only the caller's own seal, in memory: nothing of any case.
  'transfer.sealProgress': 'ok',
  'transfer.caseStatus': 'OUT_OF_SCOPE',
  'transfer.pending': 'FORBIDDEN',
  'transfer.download': 'OUT_OF_SCOPE',
  'transfer.upload': 'ok',
  'transfer.open': 'OUT_OF_SCOPE',
  'transfer.accept': 'FORBIDDEN',
  'transfer.reject': 'FORBIDDEN',
  'transfer.applyReceipt': 'OUT_OF_SCOPE',
  'transfer.saveHandover': 'OUT_OF_SCOPE',
};

describe('scope on every transfer channel', () => {
  it('covers every channel', () => {
    expect(Object.keys(expected).sort()).toEqual([...transferChannels].sort());
    for (const name of transferChannels) expect(input(name), name).toBeDefined();
  });

  it.each(transferChannels)('an unassigned case worker calling %s is refused as expected, the refusal audited', async (name) => {
    const raw = pair.gulu.office.core.store.get().raw;
    const denials = () => (raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('case.accessDenied', 'access.denied')").get() as { n: number }).n;
    const before = denials();
    const result = await pair.gulu.other.call(name, input(name) as never);
    expect(result.ok ? 'ok' : result.error.code).toBe(expected[name]);
    expect(denials()).toBe(expected[name] === 'ok' ? before : before + 1);
  });

  it('an administrator reaches no case content through these channels', async () => {
    for (const name of transferChannels.filter((n) => expected[n] !== 'FORBIDDEN' || n.includes('accept') || n.includes('reject') || n.includes('pending'))) {
      const result = await pair.gulu.office.admin.call(name, input(name) as never);
      expect(result.ok ? 'ok' : result.error.code, name).toBe('FORBIDDEN');
    }
  });

  it('nothing the unassigned worker tried was written; the assigned worker applies the receipt', async () => {
    expect((await pair.gulu.worker.ok('transfer.caseStatus', { caseId })).state).toBe('pending');
    expect((await pair.gulu.worker.ok('transfer.caseStatus', { caseId })).handovers).toEqual([]);
    await pair.gulu.worker.ok('transfer.applyReceipt', { uploadId: receiptUpload });
    expect((await pair.gulu.worker.ok('transfer.caseStatus', { caseId })).state).toBe('transferred');
  });

  it('the handover meeting is recorded with the child, the new worker and the safety plan contact', async () => {
    const result = await pair.kampala.worker.call('transfer.saveHandover', { caseId: 'nope', handover: { metOn: today(), receivingWorker: 'x', attendees: 'x', childAttended: true, childToldNewWorker: true, safetyPlanUpdated: true } });
    expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
    const kampalaCase = (pair.kampala.office.core.store.get().raw.prepare('SELECT id FROM cases LIMIT 1').get() as { id: string }).id;
    await pair.kampala.worker.ok('transfer.saveHandover', { caseId: kampalaCase, handover: { metOn: today(), receivingWorker: 'Kato Musoke', attendees: 'Wanjiru (Gulu), Kato (Kampala), Achieng, her mother', childAttended: true, officials: 'Parish chief', childToldNewWorker: true, safetyPlanUpdated: true, newContact: 'Kato Musoke, 0772 000 000' } });
    const status = await pair.kampala.worker.ok('transfer.caseStatus', { caseId: kampalaCase });
    expect(status.handovers[0]).toMatchObject({ childAttended: true, childToldNewWorker: true, safetyPlanUpdated: true, newContact: 'Kato Musoke, 0772 000 000' });
    const audit = await pair.kampala.supervisor.ok('audit.list', { action: 'transfer.handover', limit: 5 });
    expect(JSON.stringify(audit.entries[0].details)).not.toContain('Kato');
  });
});
