import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasConsent } from '../../../electron/core/consents/handlers';
import type { ConsentInput } from '../../../shared/consents/contract';
import { expectCode } from '../../fixtures/results';
import { child, files, setUpNetworkOffice, type NetworkOffice } from '../family/network-fixtures';

let t: NetworkOffice;
let fatherId: string;
let formId: string;
beforeAll(async () => {
  t = await setUpNetworkOffice();
  const father = await t.worker.ok('family.save', {
    caseId: t.caseId,
    member: { kind: 'relative', relationship: 'father', givenName: 'Olweny', familyName: 'Okwiri', isCaregiver: true },
  });
  fatherId = father.id;
  const form = await t.worker.ok('notes.uploadDocument', {
    caseId: t.caseId,
    document: { title: 'Signed consent form', kind: 'consent_form', mime: 'application/pdf', dataBase64: files.pdf.toString('base64') },
  });
  formId = form.id;
});
afterAll(() => t.office.cleanup());

const db = () => t.office.core.store.get().db;

const fatherConsent = (): ConsentInput => ({
  givenBy: 'caregiver',
  memberId: fatherId,
  purposes: ['assessment', 'referral'],
  method: 'thumbprint',
  date: '2024-03-01',
  documentId: formId,
  notes: 'Read aloud in Acholi before he placed his thumbprint.',
});

describe('consent and assent', () => {
  it("records the child's assent in the child's own right", async () => {
    const assent = await t.worker.ok('consents.record', {
      caseId: t.caseId,
      consent: { givenBy: 'child', purposes: ['assessment', 'photo'], method: 'verbal', date: '2024-02-20' },
    });
    expect(assent).toMatchObject({ kind: 'assent', givenBy: 'child', giverName: '', active: true, withdrawal: null });
  });

  it("records a caregiver's consent linked to a family member and a scanned form, naming the giver from the family tab", async () => {
    const consent = await t.worker.ok('consents.record', { caseId: t.caseId, consent: fatherConsent() });
    expect(consent).toMatchObject({
      kind: 'consent',
      giverName: 'Olweny Okwiri',
      relationship: 'father',
      documentId: formId,
      documentTitle: 'Signed consent form',
      recordedByName: 'Wanjiru Worker',
    });
  });

  it('lists consents newest first, and a supervisor reads them too', async () => {
    const list = await t.supervisor.ok('consents.list', { caseId: t.caseId });
    expect(list.map((c) => c.kind)).toEqual(['consent', 'assent']);
  });

  it('answers whether consent for a purpose is active, on a date too', async () => {
    expect(await hasConsent(db(), t.caseId, 'referral')).toBe(true);
    expect(await hasConsent(db(), t.caseId, 'transfer')).toBe(false);
    expect(await hasConsent(db(), t.caseId, 'referral', '2024-02-28')).toBe(false);
    expect(await hasConsent(db(), t.caseId, 'photo', '2024-02-20')).toBe(true);
  });

  it('withdraws a consent: it stays on record, no longer active from the withdrawal date', async () => {
    const [consent] = await t.worker.ok('consents.list', { caseId: t.caseId });
    const withdrawn = await t.worker.ok('consents.withdraw', {
      caseId: t.caseId,
      consentId: consent.id,
      date: '2024-05-02',
      reason: 'The father asked that the school not be contacted.',
    });
    expect(withdrawn.active).toBe(false);
    expect(withdrawn.withdrawal).toMatchObject({ date: '2024-05-02', recordedByName: 'Wanjiru Worker' });
    expect((await t.worker.ok('consents.list', { caseId: t.caseId })).length).toBe(2);
    expect(await hasConsent(db(), t.caseId, 'referral')).toBe(false);
    expect(await hasConsent(db(), t.caseId, 'referral', '2024-04-30')).toBe(true);
    expect(await hasConsent(db(), t.caseId, 'referral', '2024-05-02')).toBe(false);
  });

  it('refuses to withdraw twice', async () => {
    const [consent] = await t.worker.ok('consents.list', { caseId: t.caseId });
    const error = await expectCode(
      t.worker.call('consents.withdraw', { caseId: t.caseId, consentId: consent.id, date: '2024-05-03', reason: 'again' }),
      'CONFLICT',
    );
    expect(error.params?.reason).toBe('alreadyWithdrawn');
  });

  it('shows a removed scan as gone on the consent that pointed to it', async () => {
    const extra = await t.worker.ok('notes.uploadDocument', {
      caseId: t.caseId,
      document: { title: 'Wrong scan', kind: 'consent_form', mime: 'image/png', dataBase64: files.png.toString('base64') },
    });
    const consent = await t.worker.ok('consents.record', {
      caseId: t.caseId,
      consent: { ...fatherConsent(), purposes: ['information_sharing'], documentId: extra.id },
    });
    await t.worker.ok('notes.removeDocument', { caseId: t.caseId, documentId: extra.id, reason: 'Wrong page scanned' });
    const again = (await t.worker.ok('consents.list', { caseId: t.caseId })).find((c) => c.id === consent.id);
    expect(again).toMatchObject({ documentId: extra.id, documentTitle: null });
  });
});

describe('bad input writes nothing', () => {
  const invalid: [string, unknown][] = [
    ['no purpose', { givenBy: 'child', purposes: [], method: 'verbal', date: '2024-03-01' }],
    ['a purpose twice', { givenBy: 'child', purposes: ['photo', 'photo'], method: 'verbal', date: '2024-03-01' }],
    ['an unknown purpose', { givenBy: 'child', purposes: ['marketing'], method: 'verbal', date: '2024-03-01' }],
    ['"other" purpose not described', { givenBy: 'child', purposes: ['other'], method: 'verbal', date: '2024-03-01' }],
    ['a guardian without a name', { givenBy: 'guardian', relationship: 'legal guardian', purposes: ['referral'], method: 'written', date: '2024-03-01' }],
    ['a guardian without a relationship', { givenBy: 'guardian', giverName: 'Someone', purposes: ['referral'], method: 'written', date: '2024-03-01' }],
    ['an unknown method', { givenBy: 'child', purposes: ['photo'], method: 'telepathy', date: '2024-03-01' }],
    ['no date', { givenBy: 'child', purposes: ['photo'], method: 'verbal' }],
    ['a date that does not exist', { givenBy: 'child', purposes: ['photo'], method: 'verbal', date: '2024-02-30' }],
    ['a member that is not in this case', { givenBy: 'caregiver', memberId: 'no-such-member', purposes: ['photo'], method: 'verbal', date: '2024-03-01' }],
    ['a document that is not in this case', { givenBy: 'child', documentId: 'no-such-document', purposes: ['photo'], method: 'verbal', date: '2024-03-01' }],
  ];
  it.each(invalid)('refuses %s with VALIDATION', async (_label, consent) => {
    const before = t.count('consents');
    await expectCode(t.worker.call('consents.record', { caseId: t.caseId, consent: consent as ConsentInput }), 'VALIDATION');
    expect(t.count('consents')).toBe(before);
  });

  it.each([
    ['in the future', '2999-01-01'],
    ['before the child was separated', '2023-12-31'],
  ])('refuses a consent dated %s with INVALID_DATE', async (_label, date) => {
    const before = t.count('consents');
    const error = await expectCode(t.worker.call('consents.record', { caseId: t.caseId, consent: { ...fatherConsent(), date } }), 'INVALID_DATE');
    expect(error.params?.field).toBe('consent.date');
    expect(t.count('consents')).toBe(before);
  });

  it('refuses a withdrawal dated before the consent was given, or in the future', async () => {
    const assent = (await t.worker.ok('consents.list', { caseId: t.caseId })).find((c) => c.kind === 'assent')!;
    for (const date of ['2024-02-19', '2999-01-01']) {
      await expectCode(t.worker.call('consents.withdraw', { caseId: t.caseId, consentId: assent.id, date, reason: 'r' }), 'INVALID_DATE');
    }
    expect((await t.worker.ok('consents.list', { caseId: t.caseId })).find((c) => c.id === assent.id)?.active).toBe(true);
  });
});

describe('audit', () => {
  it('records views and changes with ids and kinds only, never names, notes or reasons', async () => {
    const entries = t.auditEntries();
    const actions = entries.map((e) => e.action);
    expect(actions).toContain('consent.record');
    expect(actions).toContain('consent.withdraw');
    expect(entries.some((e) => e.action === 'case.view' && e.details?.includes('"part":"consents"'))).toBe(true);
    const details = entries.map((e) => e.details ?? '').join('\n');
    for (const text of [child.givenName, child.familyName, 'Olweny', 'Okwiri', 'Acholi', 'school not be contacted', 'Signed consent form']) {
      expect(details).not.toContain(text);
    }
  });
});
