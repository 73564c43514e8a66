// Scope on every services and referrals channel, with Omar, a case worker not assigned to the
// child: channels that reach a case answer OUT_OF_SCOPE (audited) and change nothing; the
// directory is office-wide data without children in it, so he may read and keep it; lists of
// referrals and the map's cases show him only his own; an administrator reaches none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelInput, type ChannelName } from '../../../shared/contract';
import { openRawWithKey } from '../../fixtures/core';
import { setUpDirectoryOffice, type DirectoryOffice } from '../services/fixture';

let o: DirectoryOffice;
let referralId: string;
beforeAll(async () => {
  o = await setUpDirectoryOffice();
  await o.worker.ok('consents.record', { caseId: o.caseId, consent: { givenBy: 'caregiver', giverName: 'Grace Okello', relationship: 'mother', purposes: ['referral'], method: 'verbal', date: '2025-09-01' } });
  const d = await o.worker.ok('referrals.saveDraft', { caseId: o.caseId, referral: { providerId: o.school.id, category: 'education', need: 'Classes', urgency: 'routine', fields: ['name', 'need', 'urgency'] } });
  referralId = (await o.worker.ok('referrals.send', { caseId: o.caseId, referralId: d.id, date: '2025-09-01', emergencyReason: 'x' })).id;
});
afterAll(() => o?.cleanup());

const channels = channelNames.filter((n) => n.startsWith('services.') || n.startsWith('referrals.'));

function input(name: ChannelName): unknown {
  const ref = { caseId: o.caseId, referralId };
  const inputs: { [N in ChannelName]?: ChannelInput<N> } = {
    'services.areas': {},
    'services.saveArea': { area: { code: 'OMAR-1', name: 'Omar’s area' } },
    'services.importBoundaries': { geojson: JSON.stringify({ type: 'FeatureCollection', features: [] }), codeProperty: 'code' },
    'services.boundaries': {},
    'services.categories': {},
    'services.categoryUsage': {},
    'services.saveCategory': { key: 'omar_category', labels: { en: 'Omar' }, create: true },
    'services.retireCategory': { key: 'health', retired: true },
    'services.deleteCategory': { key: 'peer_support' },
    'services.search': {},
    'services.provider': { providerId: o.school.id },
    'services.saveProvider': { provider: { name: 'Omar’s provider', kind: 'ngo' } },
    'services.previewImport': { csvBase64: Buffer.from('provider\n').toString('base64') },
    'services.import': { csvBase64: Buffer.from('provider\n').toString('base64'), mode: 'all' },
    'services.export': {},
    'services.gaps': {},
    'services.areaDetail': { areaId: o.areas.pece.id },
    'services.exportGaps': {},
    'referrals.list': { caseId: o.caseId },
    'referrals.suggest': { caseId: o.caseId, category: 'education' },
    'referrals.saveDraft': { caseId: o.caseId, referral: { providerId: o.school.id, category: 'education', need: 'x', urgency: 'routine', fields: ['need', 'urgency'] } },
    'referrals.preview': ref,
    'referrals.send': { ...ref, date: '2025-09-01' },
    'referrals.move': { ...ref, to: 'acknowledged', date: '2025-09-01', version: 3 },
    'referrals.feedback': { ...ref, date: '2025-09-01', providerFeedback: 'x' },
    'referrals.register': {},
    'referrals.acknowledgeEmergency': ref,
    'referrals.slip': ref,
    'referrals.due': {},
    'referrals.sendSealed': { ...ref, date: '2025-09-01' },
    'referrals.sealedFile': ref,
    'referrals.applyResponse': { fileBase64: Buffer.from('not a transfer file').toString('base64') },
    'referrals.openReceived': { fileBase64: Buffer.from('not a transfer file').toString('base64') },
    'referrals.acceptReceived': { fileBase64: Buffer.from('not a transfer file').toString('base64') },
    'referrals.receivedList': {},
    'referrals.receivedOne': { id: referralId },
    'referrals.respondReceived': { id: referralId, to: 'acknowledged', date: '2025-09-01', version: 1 },
    'referrals.responseFile': { id: referralId },
  };
  return inputs[name];
}

const expected: Record<string, 'OUT_OF_SCOPE' | 'FORBIDDEN' | 'ok' | 'TRANSFER_MALFORMED'> = {
  'services.areas': 'ok',
  'services.saveArea': 'ok',
  'services.importBoundaries': 'ok',
  'services.boundaries': 'ok',
  'services.categories': 'ok',
  // Keeping categories is for supervisors and administrators (categories.test.ts).
  'services.categoryUsage': 'FORBIDDEN',
  'services.saveCategory': 'FORBIDDEN',
  'services.retireCategory': 'FORBIDDEN',
  'services.deleteCategory': 'FORBIDDEN',
  'services.search': 'ok',
  'services.provider': 'ok',
  'services.saveProvider': 'ok',
  'services.previewImport': 'ok',
  'services.import': 'ok',
  'services.export': 'ok',
  'services.gaps': 'ok',
  'services.areaDetail': 'ok',
  'services.exportGaps': 'ok',
  'referrals.list': 'OUT_OF_SCOPE',
  'referrals.suggest': 'OUT_OF_SCOPE',
  'referrals.saveDraft': 'OUT_OF_SCOPE',
  'referrals.preview': 'OUT_OF_SCOPE',
  'referrals.send': 'OUT_OF_SCOPE',
  'referrals.move': 'OUT_OF_SCOPE',
  'referrals.feedback': 'OUT_OF_SCOPE',
  'referrals.register': 'ok',
  'referrals.acknowledgeEmergency': 'FORBIDDEN',
  'referrals.slip': 'OUT_OF_SCOPE',
  'referrals.due': 'ok',
  'referrals.sendSealed': 'OUT_OF_SCOPE',
  'referrals.sealedFile': 'OUT_OF_SCOPE',
  // A file is verified before its referral is known: a broken one is refused as such (the scope
  // refusal for a real answer to someone else's case is in exchange.test.ts).
  'referrals.applyResponse': 'TRANSFER_MALFORMED',
  // The register of referrals received from partner offices is for supervisors.
  'referrals.openReceived': 'FORBIDDEN',
  'referrals.acceptReceived': 'FORBIDDEN',
  'referrals.receivedList': 'FORBIDDEN',
  'referrals.receivedOne': 'FORBIDDEN',
  'referrals.respondReceived': 'FORBIDDEN',
  'referrals.responseFile': 'FORBIDDEN',
};

const refused = (name: string) => expected[name] === 'OUT_OF_SCOPE' || expected[name] === 'FORBIDDEN';
/** Channels an administrator may call here: keeping the categories. */
const adminMay = new Set(['services.categoryUsage', 'services.saveCategory', 'services.retireCategory', 'services.deleteCategory']);

const referralState = () => {
  const raw = openRawWithKey(o.core);
  try {
    return raw.prepare('SELECT status, version, provider_feedback, emergency_seen_at FROM referrals').all();
  } finally {
    raw.close();
  }
};

describe('scope on every services and referrals channel', () => {
  it('covers every channel', () => {
    expect(Object.keys(expected).sort()).toEqual([...channels].sort());
    for (const name of channels) expect(input(name), name).toBeDefined();
  });

  it.each(channels)('an unassigned case worker calling %s is refused as expected, the refusal audited', async (name) => {
    const raw = openRawWithKey(o.core);
    const denials = () => (raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('case.accessDenied', 'access.denied')").get() as { n: number }).n;
    try {
      const before = denials();
      const stateBefore = referralState();
      const result = await o.other.call(name, input(name) as never);
      expect(result.ok ? 'ok' : result.error.code).toBe(expected[name]);
      expect(denials()).toBe(refused(name) ? before + 1 : before);
      expect(referralState()).toEqual(stateBefore);
    } finally {
      raw.close();
    }
  });

  it('what he may list shows him none of the child’s referrals or needs', async () => {
    expect((await o.other.ok('referrals.register', {})).rows).toEqual([]);
    expect(await o.other.ok('referrals.due', {})).toEqual([]);
    expect((await o.other.ok('services.areaDetail', { areaId: o.areas.pece.id })).cases).toEqual([]);
    expect((await o.worker.ok('services.areaDetail', { areaId: o.areas.pece.id })).cases.map((c) => c.caseId)).toEqual([o.caseId]);
  });

  it('an administrator reaches none of these channels but the categories', async () => {
    for (const name of channels.filter((n) => !adminMay.has(n))) {
      const result = await o.admin.call(name, input(name) as never);
      expect(result.ok ? 'ok' : result.error.code, name).toBe('FORBIDDEN');
    }
  });
});
