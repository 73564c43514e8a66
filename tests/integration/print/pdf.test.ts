// The print module end to end on this machine's real engine: a document in English and in Arabic
// becomes a PDF through headless Chromium (as in browser mode), and pdftotext reads back exactly the
// text that went in — escaped markup stays text, Arabic is shaped right to left, and a document
// cannot fetch anything.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors';
import { renderHtml, type PrintDocument } from '../../../electron/core/print/document';
import { documentToPdf, documentToPdfFile } from '../../../electron/core/print/pdf';
import { documentStrings, translator } from '../../../electron/core/print/translate';
import { testPrintEngine } from '../../fixtures/core';
import { asPdftotextReads, pdfText, squash } from '../../fixtures/pdf';

const deps = { printToPdf: testPrintEngine };
const engine = testPrintEngine ? it : it.skip;

const english: PrintDocument = {
  lang: 'en',
  title: 'Family agreement',
  subtitle: 'Case HW-2026-0042',
  blocks: [
    { kind: 'heading', text: 'Who does what' },
    { kind: 'table', head: ['Who', 'What', 'By when'], rows: [['Grandmother <Amina>', 'Walks the child to school & back', '1 March 2027']] },
    { kind: 'fields', rows: [['Contingency', 'Aunt Wanjiru takes the child in']] },
    { kind: 'list', items: ['School fees paid by the family', '<script>alert(1)</script>'] },
    { kind: 'signatures', labels: ['Caregiver', 'Social worker'] },
  ],
  footer: 'Printed 6 December 2026',
};

describe('print: documents to PDF', () => {
  engine('an English document keeps its text, and markup in user text stays text', async () => {
    const text = squash(pdfText(await documentToPdf(deps, english)));
    expect(text).toContain('Family agreement');
    expect(text).toContain('Grandmother <Amina>');
    expect(text).toContain('Walks the child to school & back');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('Printed 6 December 2026');
  });

  engine('an Arabic document is right to left and reads back word for word', async () => {
    const doc: PrintDocument = {
      lang: 'ar',
      title: 'اتفاق الأسرة',
      blocks: [
        { kind: 'heading', text: 'من يفعل ماذا' },
        { kind: 'fields', rows: [['الخطة البديلة', 'تستقبل الخالة الطفل']] },
      ],
    };
    expect(renderHtml(doc)).toContain('dir="rtl"');
    const text = squash(pdfText(await documentToPdf(deps, doc)));
    for (const phrase of ['اتفاق الأسرة', 'من يفعل ماذا', 'الخطة البديلة', 'تستقبل الخالة الطفل']) {
      expect(text).toContain(asPdftotextReads(phrase));
    }
  });

  engine('a document cannot reach the network or run script: its page forbids both', async () => {
    const html = renderHtml({ lang: 'en', title: 'x', blocks: [{ kind: 'paragraph', text: '<img src="http://example.org/x.png">' }] });
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<img|<script/);
    const file = await documentToPdfFile(deps, english, 'Family agreement', 'HW-2026-0042');
    expect(file.fileName).toBe('Family-agreement-HW-2026-0042.pdf');
    expect(Buffer.from(file.dataBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('without a print engine the call fails with PDF_UNAVAILABLE', async () => {
    await expect(documentToPdf({}, english)).rejects.toMatchObject({ code: 'PDF_UNAVAILABLE' });
    await expect(documentToPdf({ printToPdf: () => Promise.reject(new Error('boom')) }, english)).rejects.toBeInstanceOf(AppError);
  });

  it('document text is translated into the document language, not the user’s', () => {
    const strings = documentStrings('demo', {
      en: { title: 'Family copy for {{name}}' },
      fr: { title: 'Copie de la famille pour {{name}}' },
      es: { title: 'Copia de la familia para {{name}}' },
      pt: { title: 'Cópia da família para {{name}}' },
      ar: { title: 'نسخة الأسرة لـ {{name}}' },
    });
    expect(translator('fr', strings)('demo:title', { name: 'Amina & <Joe>' })).toBe('Copie de la famille pour Amina & <Joe>');
    expect(translator('ar', strings)('demo:title', { name: 'Amina' })).toBe('نسخة الأسرة لـ Amina');
  });
});
