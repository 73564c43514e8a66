// The referral slip as a PDF in the provider's language (headless Chromium's print engine, read
// back with pdftotext): it holds exactly the chosen fields — the unchosen ones, the case number
// and the reasons for sharing are nowhere in it — and printing it is audited with those fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawWithKey } from '../../fixtures/core';
import { pdfText, squash } from '../../fixtures/pdf';
import { expectCode } from '../../fixtures/results';
import { setUpDirectoryOffice, type DirectoryOffice } from '../services/fixture';

let o: DirectoryOffice;
let caseNumber: string;
beforeAll(async () => {
  o = await setUpDirectoryOffice();
  await o.worker.ok('consents.record', { caseId: o.caseId, consent: { givenBy: 'caregiver', giverName: 'Grace Okello', relationship: 'mother', purposes: ['referral'], method: 'verbal', date: '2025-09-01' } });
  caseNumber = (await o.worker.ok('cases.get', { caseId: o.caseId })).number;
});
afterAll(() => o?.cleanup());

async function sentReferral(providerId: string, fields: string[], extra: object = {}) {
  const d = await o.worker.ok('referrals.saveDraft', {
    caseId: o.caseId,
    referral: { providerId, category: 'education', need: 'Catch-up classes before P5', urgency: 'routine', fields: fields as never, ...extra },
  });
  await expectCode(o.worker.call('referrals.slip', { caseId: o.caseId, referralId: d.id }), 'REFERRAL_INVALID_MOVE');
  await o.worker.ok('referrals.send', { caseId: o.caseId, referralId: d.id, date: '2025-09-01' });
  return d.id;
}

describe('the referral slip', () => {
  it('in French for a French-speaking provider, with exactly the chosen fields and nothing else', async () => {
    const id = await sentReferral(o.school.id, ['name', 'sex', 'need', 'urgency', 'riskPersons'], {
      texts: { riskPersons: 'Oncle paternel: ne pas le laisser venir la chercher' },
      reasons: { riskPersons: 'The school hands her over at the gate' },
    });
    const file = await o.worker.ok('referrals.slip', { caseId: o.caseId, referralId: id });
    expect(file.fileName).toMatch(/\.pdf$/);
    const text = squash(pdfText(Buffer.from(file.dataBase64, 'base64')));
    for (const expected of ['Fiche d’orientation', 'Pece Catch-up School', 'Amélie Nduwimana', 'Fille', 'Catch-up classes before P5', 'Ordinaire', 'Oncle paternel: ne pas le laisser venir la chercher']) {
      expect(text).toContain(expected);
    }
    // Not chosen, or never on a slip: age, date of birth, location, the case number, the reason.
    for (const absent of ['2012-03-02', 'Pece,', caseNumber, 'hands her over', 'Âge', 'Date de naissance', 'Localisation']) expect(text).not.toContain(absent);
    const raw = openRawWithKey(o.core);
    try {
      const row = raw.prepare(`SELECT details FROM audit_log WHERE action = 'referral.slipPrinted' ORDER BY id DESC LIMIT 1`).get() as { details: string };
      expect(JSON.parse(row.details)).toMatchObject({ referralId: id, language: 'fr', fieldsShared: ['name', 'sex', 'need', 'urgency', 'riskPersons'] });
    } finally {
      raw.close();
    }
  });

  it('in Arabic, right to left, for an Arabic-speaking provider', async () => {
    const id = await sentReferral(o.clinic.id, ['name', 'age', 'need', 'urgency']);
    const file = await o.worker.ok('referrals.slip', { caseId: o.caseId, referralId: id });
    const text = squash(pdfText(Buffer.from(file.dataBase64, 'base64')));
    expect(text).toContain('Amélie Nduwimana');
    expect(text).toContain('13');
    expect(text).toContain('روتيني');
    expect(text).not.toContain('female');
  });

  it('an unassigned worker cannot print it', async () => {
    const [r] = await o.worker.ok('referrals.list', { caseId: o.caseId });
    await expectCode(o.other.call('referrals.slip', { caseId: o.caseId, referralId: r.id }), 'OUT_OF_SCOPE');
  });
});
