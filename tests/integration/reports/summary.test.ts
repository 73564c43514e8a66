// The case summary PDF through headless Chromium (as in browser mode), read back with pdftotext:
// chosen sections only, in the user's or the family's language (Arabic right to left), the
// confidential sections only for supervisors and the child's own worker, sealed or (supervisors)
// unsealed with a reason, audited.
import { Decrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { supervisorPassword, testPrintEngine, workerPassword } from '../../fixtures/core';
import { asPdftotextReads, pdfText, squash } from '../../fixtures/pdf';
import { expectCode } from '../../fixtures/results';
import { handMadeOffice } from './office';

let office: Awaited<ReturnType<typeof handMadeOffice>>;
let sara: InProcessClient;
let wanjiru: InProcessClient;
const engine = testPrintEngine ? it : it.skip;
const reason = { mode: 'none', reason: 'Case conference with the district court' } as const;

beforeAll(async () => {
  office = await handMadeOffice();
  office.raw.prepare(`UPDATE cases SET languages = '["ar"]' WHERE id = 'A'`).run();
  office.raw.prepare(`INSERT INTO case_notes (id, case_id, kind, note_date, text, created_at, updated_at) VALUES ('n1', 'A', 'general', '2025-02-02', 'Uncle drinks; keep visits supervised', '2025-02-02', '2025-02-02')`).run();
  sara = await office.login('sara', supervisorPassword);
  wanjiru = await office.login('wanjiru', workerPassword);
});
afterAll(() => office?.cleanup());

const text = (file: { dataBase64: string }) => squash(pdfText(Buffer.from(file.dataBase64, 'base64')));

describe('the case summary', () => {
  engine('in English: only the chosen sections, with the child, the plan and the tracing log', async () => {
    const file = await sara.ok('reports.caseSummary', { caseId: 'A', sections: ['child', 'tracing', 'plan'], protection: reason });
    expect(file.fileName).toBe('GUL-2025-00001-summary.pdf');
    const t = text(file);
    expect(t).toContain('Case summary');
    expect(t).toContain('Akello Auma');
    expect(t).toContain('Family found');
    expect(t).toContain('Back to school');
    expect(t).not.toContain('Uncle drinks'); // notes were not chosen
  });

  engine('in the family’s language: Arabic, right to left', async () => {
    const file = await sara.ok('reports.caseSummary', { caseId: 'A', sections: ['child', 'plan'], language: 'family', protection: reason });
    expect(file.language).toBe('ar');
    const t = text(file);
    expect(t).toContain(asPdftotextReads('ملخص الحالة'));
    expect(t).toContain(asPdftotextReads('خطة الطوارئ'));
    expect(t).toContain('Akello Auma');
  });

  engine('confidential sections: the child’s own worker may, another worker may not (audited)', async () => {
    const sealed = await wanjiru.ok('reports.caseSummary', { caseId: 'A', sections: ['notes'], protection: { mode: 'passphrase', passphrase: 'lantern orchard kettle river' } });
    expect(sealed.fileName).toMatch(/\.pdf\.age$/u);
    const d = new Decrypter();
    d.addPassphrase('lantern orchard kettle river');
    const pdf = Buffer.from(await d.decrypt(Buffer.from(sealed.dataBase64, 'base64')));
    expect(squash(pdfText(pdf))).toContain('Uncle drinks; keep visits supervised');
    const omar = await office.login('omar', workerPassword);
    await expectCode(omar.call('reports.caseSummary', { caseId: 'A', sections: ['child'], protection: { mode: 'passphrase', passphrase: 'lantern orchard kettle river' } }), 'OUT_OF_SCOPE');
    // Wanjiru as D's family worker reaches the case, but its confidential sections are for Omar (its worker) and supervisors.
    office.raw.prepare(`UPDATE cases SET family_worker_id = ? WHERE id = 'D'`).run(office.users.worker.id);
    await expectCode(wanjiru.call('reports.caseSummary', { caseId: 'D', sections: ['safety'], protection: { mode: 'passphrase', passphrase: 'lantern orchard kettle river' } }), 'FORBIDDEN');
  });

  it('unsealed needs a supervisor and a reason; a weak passphrase is refused', async () => {
    await expectCode(wanjiru.call('reports.caseSummary', { caseId: 'A', sections: ['child'], protection: reason }), 'FORBIDDEN');
    await expectCode(sara.call('reports.caseSummary', { caseId: 'A', sections: ['child'], protection: { mode: 'none', reason: '' } }), 'VALIDATION');
    await expectCode(sara.call('reports.caseSummary', { caseId: 'A', sections: ['child'], protection: { mode: 'passphrase', passphrase: 'short' } }), 'PASSWORD_WEAK');
  });

  engine('each summary is audited with its case, sections, language and how it left', async () => {
    const audit = await office.admin.ok('audit.list', { action: 'reports.caseSummary', limit: 20 });
    expect(audit.entries.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sections: ['child', 'plan'], language: 'ar', sealed: false, reason: reason.reason }),
        expect.objectContaining({ sections: ['notes'], sealed: true }),
      ]),
    );
    expect(audit.entries.every((e) => e.entityId === 'A')).toBe(true);
  });
});
