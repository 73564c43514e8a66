// What never goes by default (issue 13 "What goes"): a family member flagged as a risk to the child
// leaves only when the sender ticks "restricted persons"; the preview and the audit say so. The
// consent check follows the shared consent rule (a child of assent age who withdrew stops it),
// and a stated legal basis still replaces consent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode } from '../../fixtures/results';
import { caseToSend, defaultSelection, download, sendDetails, setUpPair, today, upload, type Pair } from './fixture';

let pair: Pair;
beforeAll(async () => {
  pair = await setUpPair();
});
afterAll(() => pair?.cleanup());

const riskPerson = { kind: 'relative', relationship: 'father', givenName: 'Okello', familyName: 'Bosco', sex: 'male', place: 'Lira', phone: '+256700111222', posesRisk: true, restriction: 'no_contact', mustNotKnowLocation: true } as const;

async function caseWithRiskPerson() {
  const sent = await caseToSend(pair.gulu, 2000);
  await pair.gulu.worker.ok('family.save', { caseId: sent.caseId, member: riskPerson });
  return sent;
}

/** Names of the family members in a sent package, as the receiving office decrypts them. */
async function familyInPackage(transferId: string): Promise<string[]> {
  const file = await download(pair.gulu.worker, transferId, 'package');
  const opened = await pair.kampala.supervisor.ok('transfer.open', { uploadId: await upload(pair.kampala.supervisor, file) });
  if (opened.kind !== 'case') throw new Error('expected a case');
  return (opened.sections.find((s) => s.table === 'family_members')?.rows ?? []).map((r) => r.label);
}

const recordsAsLeft = (transferId: string) => {
  const row = pair.gulu.office.core.store.get().raw.prepare('SELECT records FROM transfers WHERE id = ?').get(transferId) as { records: string };
  return JSON.parse(row.records) as { sections: { family_members?: { given_name: string; phone: string }[] } };
};

const lastSendAudit = async () => (await pair.gulu.supervisor.ok('audit.list', { action: 'transfer.send', limit: 1 })).entries[0].details as Record<string, unknown>;

describe('restricted persons stay unless the sender chooses them', () => {
  it('by default the preview lists them apart, unticked, and the package and audit leave them out', async () => {
    const sent = await caseWithRiskPerson();
    const preview = await pair.gulu.worker.ok('transfer.preview', { caseId: sent.caseId, selection: defaultSelection });
    const family = preview.parts.find((p) => p.part === 'family')!;
    const restricted = preview.parts.find((p) => p.part === 'restrictedPersons')!;
    expect(family.included).toBe(true);
    expect(family.rows.map((r) => r.label)).toEqual([expect.stringContaining('Lamaro')]);
    expect(restricted.included).toBe(false);
    expect(restricted.rows.map((r) => r.label)).toEqual([expect.stringContaining('Okello')]);

    const { transferId } = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection });
    const left = recordsAsLeft(transferId);
    expect(left.sections.family_members!.map((m) => m.given_name)).toEqual(['Lamaro']);
    expect(JSON.stringify(left)).not.toContain('+256700111222');
    expect(await familyInPackage(transferId)).toEqual([expect.stringContaining('Lamaro')]);
    const audit = await lastSendAudit();
    expect(audit).toMatchObject({ transferId, restrictedPersons: 0, carePlaceSent: false, counts: expect.objectContaining({ family_members: 1 }) });
    expect(audit.parts).not.toContain('restrictedPersons');
  });

  it('ticked on purpose, they go, and the audit records that part and how many left', async () => {
    const sent = await caseWithRiskPerson();
    const selection = { ...defaultSelection, parts: [...defaultSelection.parts, 'restrictedPersons' as const] };
    const preview = await pair.gulu.worker.ok('transfer.preview', { caseId: sent.caseId, selection });
    expect(preview.parts.find((p) => p.part === 'restrictedPersons')!.included).toBe(true);

    const { transferId } = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection });
    const left = recordsAsLeft(transferId);
    expect(left.sections.family_members!.map((m) => m.given_name).sort()).toEqual(['Lamaro', 'Okello']);
    const labels = await familyInPackage(transferId);
    expect(labels).toHaveLength(2);
    expect(labels.join(' ')).toContain('Okello');
    const audit = await lastSendAudit();
    expect(audit).toMatchObject({ transferId, restrictedPersons: 1, counts: expect.objectContaining({ family_members: 2 }) });
    expect(audit.parts).toContain('restrictedPersons');
  });

  it('restricted persons alone (family unticked) send only them', async () => {
    const sent = await caseWithRiskPerson();
    const selection = { parts: ['consents', 'restrictedPersons'] as typeof defaultSelection.parts, excludeDocumentIds: [] };
    const { transferId } = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection });
    expect(recordsAsLeft(transferId).sections.family_members!.map((m) => m.given_name)).toEqual(['Okello']);
  });
});

describe('the transfer consent follows the shared consent rule', () => {
  it('a child of assent age who withdrew stops a consent-based transfer; a legal basis still sends it', async () => {
    const sent = await caseToSend(pair.gulu, 2000);
    const consents = await pair.gulu.worker.ok('consents.list', { caseId: sent.caseId });
    const childs = consents.find((c) => c.givenBy === 'child')!;
    await pair.gulu.worker.ok('consents.withdraw', { caseId: sent.caseId, consentId: childs.id, date: today(), reason: 'Achieng does not want her file sent.' });
    // The caregiver's consent is still active: plain "any active consent" would have let it go.
    const preview = await pair.gulu.worker.ok('transfer.preview', { caseId: sent.caseId, selection: defaultSelection });
    expect(preview.consentOnFile).toBe(false);
    const refused = await expectCode(pair.gulu.worker.call('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection }), 'TRANSFER_NO_CONSENT');
    expect(refused.params).toMatchObject({ reason: 'childWithdrew' });
    const raw = pair.gulu.office.core.store.get().raw;
    expect((raw.prepare('SELECT count(*) AS n FROM transfers WHERE case_id = ?').get(sent.caseId) as { n: number }).n).toBe(0);

    const legal = { ...sendDetails(pair.gulu.partnerId), basis: 'legal_basis' as const, legalBasis: 'Court order 2026/114, Gulu High Court' };
    const ok = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: legal, selection: defaultSelection });
    expect(ok.transferId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the care place leaves by the one placement rule (shared/family/confidential)', () => {
  const carePlaceLeft = (transferId: string) => {
    const row = pair.gulu.office.core.store.get().raw.prepare('SELECT records FROM transfers WHERE id = ?').get(transferId) as { records: string };
    return (JSON.parse(row.records) as { case: { care_place: string } }).case.care_place;
  };

  it('a placement marked confidential stays by default and goes only when ticked', async () => {
    const sent = await caseToSend(pair.gulu, 2000);
    await pair.gulu.worker.ok('preparation.setCareArrangement', { caseId: sent.caseId, arrangement: 'foster_care', place: 'Foster home, Layibi', since: today(), confidential: true });
    const preview = await pair.gulu.worker.ok('transfer.preview', { caseId: sent.caseId, selection: defaultSelection });
    expect(preview.carePlaceIncluded).toBe(false);
    const ticked = { ...defaultSelection, parts: [...defaultSelection.parts, 'carePlace' as const] };
    expect((await pair.gulu.worker.ok('transfer.preview', { caseId: sent.caseId, selection: ticked })).carePlaceIncluded).toBe(true);
    const { transferId } = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection });
    expect(carePlaceLeft(transferId)).toBe('');
    expect(await lastSendAudit()).toMatchObject({ carePlaceSent: false });
  });

  it('a placement the worker marked not confidential goes with the default package', async () => {
    const sent = await caseToSend(pair.gulu, 2000);
    await pair.gulu.worker.ok('preparation.setCareArrangement', { caseId: sent.caseId, arrangement: 'foster_care', place: 'Foster home, Pece', since: today(), confidential: false });
    expect((await pair.gulu.worker.ok('transfer.preview', { caseId: sent.caseId, selection: defaultSelection })).carePlaceIncluded).toBe(true);
    const { transferId } = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection });
    expect(carePlaceLeft(transferId)).toBe('Foster home, Pece');
    expect(await lastSendAudit()).toMatchObject({ carePlaceSent: true });
  });
});
