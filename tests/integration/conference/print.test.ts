// The family's copy of the agreement and the invitations, rendered by headless Chromium (the test
// core's print engine) and read back with pdftotext: in the family's / the invitee's language,
// Arabic included, and with nothing confidential in them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode } from '../../fixtures/results';
import { asPdftotextReads, pdfText, squash } from '../../fixtures/pdf';
import { agreementInput, conferenceOffice, invite, ref, type ConferenceOffice } from './helpers';

let o: ConferenceOffice;
let copyText = '';

beforeAll(async () => {
  o = await conferenceOffice();
  await invite(o);
  await o.worker.ok('conference.saveInvitee', { ...ref(o), invitee: { memberId: o.uncle.id, name: 'Dominic Okot', language: 'en', status: 'proposed' } });
  await o.worker.ok('preparation.setCareArrangement', { caseId: o.caseId, arrangement: 'foster_care', place: 'Safe house, Plot 9 Lira road', since: '2025-09-01', confidential: true });
  await o.worker.ok('conference.saveNotes', { ...ref(o), notes: 'Uncle Dominic must not learn the safe house address' });
  await o.worker.ok('conference.saveAgreement', {
    ...ref(o),
    agreement: { ...agreementInput(), childView: 'أريد أن أعيش مع جدتي', contingency: 'إذا توقفت الزيارات تتصل الجدة بالأخصائي' },
  });
  const file = await o.worker.ok('conference.familyCopyPdf', ref(o));
  expect(file.fileName).toMatch(/\.pdf$/);
  copyText = squash(pdfText(Buffer.from(file.dataBase64, 'base64')));
}, 60_000);
afterAll(() => o.cleanup());

describe("the family's copy of the agreement", () => {
  it('is in the family’s language (Arabic here): title, headings, who does what by when, the contingency, the review date', () => {
    expect(copyText).toContain(asPdftotextReads('اتفاق عائلتنا'));
    expect(copyText).toContain(asPdftotextReads('ما اتفقنا عليه'));
    // Latin words inside right-to-left table cells: pdftotext may wrap or reorder the run, so words.
    for (const word of ['Visit', 'Sunday', 'Grace', 'Okello', 'uniform']) expect(copyText).toContain(word);
    expect(copyText).toContain(asPdftotextReads('تتصل الجدة'));
    expect(copyText).toContain('2026');
  });

  it('holds nothing confidential: no risk person, safe house, notes, allegation, interpreter or disagreement', () => {
    for (const secret of ['Dominic', 'Okot', 'Plot 9', 'Safe house', 'safe house', 'beaten', 'Hassan', 'father thinks', 'GUL-']) {
      expect(copyText, secret).not.toContain(secret);
    }
  });

  it('is audited with the sections it held', () => {
    const printed = o.auditDetails(o.caseId).filter((d) => d.startsWith('conference.familyCopyPrinted'));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('"sections":["agreement","childView","contingency","reviewDate"]');
  });
});

describe('invitations', () => {
  it('each in the invitee’s language', async () => {
    const c = await o.worker.ok('conference.get', ref(o));
    const rose = c.invitees.find((i) => i.name === 'Rose Akello')!;
    const text = squash(pdfText(Buffer.from((await o.worker.ok('conference.invitationPdf', { ...ref(o), inviteeId: rose.id })).dataBase64, 'base64')));
    expect(text).toContain('Rose Akello');
    expect(text).toContain(asPdftotextReads('دعوة'));
    expect(text).toContain('Pece community hall');
  }, 60_000);

  it('none for a person who poses a risk until a supervisor has recorded the safety note', async () => {
    const c = await o.worker.ok('conference.get', ref(o));
    const uncle = c.invitees.find((i) => i.memberId === o.uncle.id)!;
    await expectCode(o.worker.call('conference.invitationPdf', { ...ref(o), inviteeId: uncle.id }), 'SAFETY_NOTE_REQUIRED');
  });
});
