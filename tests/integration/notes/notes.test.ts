import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisorPassword } from '../../fixtures/core';
import { plaintextIn } from '../../fixtures/plaintext';
import { expectCode } from '../../fixtures/results';
import { child, files, setUpNetworkOffice, type NetworkOffice } from '../family/network-fixtures';

const visitText = 'Home visit to Laroo: the grandmother Apiyo-Quenneville says the roof leaks and school fees are owed.';
const editedText = 'Home visit to Laroo: grandmother says the roof leaks; fees of 45,000 owed to Laroo primary.';

let t: NetworkOffice;
beforeAll(async () => {
  t = await setUpNetworkOffice();
});
afterAll(() => t.office.cleanup());

describe('case notes', () => {
  it('adds a note with its kind and date, authored by the worker', async () => {
    const note = await t.worker.ok('notes.add', { caseId: t.caseId, note: { kind: 'home_visit', date: '2024-03-04', text: visitText } });
    expect(note).toMatchObject({ kind: 'home_visit', date: '2024-03-04', text: visitText, authorName: 'Wanjiru Worker', version: 1, history: [] });
  });

  it('lets the author edit it and keeps the earlier text in its history', async () => {
    const { notes } = await t.worker.ok('notes.list', { caseId: t.caseId });
    const edited = await t.worker.ok('notes.edit', {
      caseId: t.caseId,
      noteId: notes[0].id,
      version: notes[0].version,
      note: { kind: 'home_visit', date: '2024-03-04', text: editedText },
    });
    expect(edited.text).toBe(editedText);
    expect(edited.version).toBe(2);
    expect(edited.history).toMatchObject([{ text: visitText, date: '2024-03-04', replacedByName: 'Wanjiru Worker' }]);
    expect(t.count('case_note_revisions')).toBe(1);
  });

  it('refuses an edit from a form opened before the last edit', async () => {
    const { notes } = await t.worker.ok('notes.list', { caseId: t.caseId });
    const error = await expectCode(
      t.worker.call('notes.edit', { caseId: t.caseId, noteId: notes[0].id, version: 1, note: { kind: 'general', date: '2024-03-04', text: 'stale' } }),
      'CONFLICT',
    );
    expect(error.params?.reason).toBe('version');
  });

  it('a supervisor reads the notes but cannot edit a note someone else wrote', async () => {
    const { notes, total } = await t.supervisor.ok('notes.list', { caseId: t.caseId });
    expect(total).toBe(1);
    await expectCode(
      t.supervisor.call('notes.edit', { caseId: t.caseId, noteId: notes[0].id, version: notes[0].version, note: { kind: 'supervision', date: '2024-03-04', text: 'x' } }),
      'FORBIDDEN',
    );
    expect((await t.worker.ok('notes.list', { caseId: t.caseId })).notes[0].text).toBe(editedText);
  });

  it('lists newest first, filters by kind and pages', async () => {
    await t.supervisor.ok('notes.add', { caseId: t.caseId, note: { kind: 'supervision', date: '2024-03-10', text: 'Discussed the tracing plan with Wanjiru.' } });
    await t.worker.ok('notes.add', { caseId: t.caseId, note: { kind: 'phone_call', date: '2024-03-06', text: 'Called the aunt in Lira.' } });
    const all = await t.worker.ok('notes.list', { caseId: t.caseId });
    expect(all.notes.map((n) => n.date)).toEqual(['2024-03-10', '2024-03-06', '2024-03-04']);
    const calls = await t.worker.ok('notes.list', { caseId: t.caseId, kind: 'phone_call' });
    expect(calls.total).toBe(1);
    const page = await t.worker.ok('notes.list', { caseId: t.caseId, offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, notes: [{ date: '2024-03-06' }] });
  });

  it('refuses empty or oversized text, an unknown kind and a malformed date with VALIDATION, writing nothing', async () => {
    const before = t.count('case_notes');
    for (const note of [
      { kind: 'general', date: '2024-03-04', text: '   ' },
      { kind: 'general', date: '2024-03-04', text: 'x'.repeat(20_001) },
      { kind: 'gossip', date: '2024-03-04', text: 'x' },
      { kind: 'general', date: '04/03/2024', text: 'x' },
    ]) {
      await expectCode(t.worker.call('notes.add', { caseId: t.caseId, note: note as never }), 'VALIDATION');
    }
    expect(t.count('case_notes')).toBe(before);
  });

  it.each([
    ['in the future', '2999-01-01'],
    ['before the child was separated', '2024-01-01'],
  ])('refuses a note dated %s with INVALID_DATE, on add and on edit', async (_label, date) => {
    const before = t.count('case_notes');
    const error = await expectCode(t.worker.call('notes.add', { caseId: t.caseId, note: { kind: 'general', date, text: 'x' } }), 'INVALID_DATE');
    expect(error.params?.field).toBe('note.date');
    expect(t.count('case_notes')).toBe(before);
    const mine = (await t.worker.ok('notes.list', { caseId: t.caseId, kind: 'home_visit' })).notes[0];
    await expectCode(t.worker.call('notes.edit', { caseId: t.caseId, noteId: mine.id, version: mine.version, note: { kind: 'general', date, text: 'x' } }), 'INVALID_DATE');
    expect(t.count('case_note_revisions')).toBe(1);
  });
});

describe('documents', () => {
  it.each(Object.entries({ 'application/pdf': files.pdf, 'image/png': files.png, 'image/jpeg': files.jpeg, 'image/webp': files.webp }))(
    'stores a %s file and hands back the same bytes',
    async (mime, bytes) => {
      const meta = await t.worker.ok('notes.uploadDocument', {
        caseId: t.caseId,
        document: { title: `Scan ${mime}`, kind: 'letter', mime: mime as 'application/pdf', fileName: 'scan', dataBase64: bytes.toString('base64') },
      });
      expect(meta.sizeBytes).toBe(bytes.length);
      const file = await t.supervisor.ok('notes.getDocument', { caseId: t.caseId, documentId: meta.id });
      expect(Buffer.from(file.dataBase64, 'base64').equals(bytes)).toBe(true);
      expect(file.mime).toBe(mime);
    },
  );

  it('lists metadata only', async () => {
    const list = await t.worker.ok('notes.listDocuments', { caseId: t.caseId });
    expect(list.length).toBe(4);
    expect(list[0]).not.toHaveProperty('dataBase64');
    expect(list[0]).toMatchObject({ kind: 'letter', uploadedByName: 'Wanjiru Worker', removed: null });
  });

  it.each([
    ['a PNG declared as PDF', 'application/pdf', files.png],
    ['a PDF declared as JPEG', 'image/jpeg', files.pdf],
    ['a JPEG declared as PNG', 'image/png', files.jpeg],
    ['a PNG declared as WEBP', 'image/webp', files.png],
    ['a script declared as PDF', 'application/pdf', Buffer.from('<script>alert(1)</script>')],
  ])('refuses %s with VALIDATION and stores nothing', async (_label, mime, bytes) => {
    const before = t.count('case_documents');
    const error = await expectCode(
      t.worker.call('notes.uploadDocument', { caseId: t.caseId, document: { title: 'x', kind: 'other', mime: mime as 'application/pdf', dataBase64: bytes.toString('base64') } }),
      'VALIDATION',
    );
    expect(error.issues?.[0]).toMatchObject({ path: ['document', 'dataBase64'], code: 'mimeMismatch' });
    expect(t.count('case_documents')).toBe(before);
  });

  it('refuses a file over 10 MB, a type outside the list and text that is not base64', async () => {
    const before = t.count('case_documents');
    const big = Buffer.concat([files.pdf, Buffer.alloc(10 * 1024 * 1024)]).toString('base64');
    for (const document of [
      { title: 'big', kind: 'report', mime: 'application/pdf', dataBase64: big },
      { title: 'exe', kind: 'other', mime: 'application/x-msdownload', dataBase64: 'TVqQAAMAAAAEAAAA' },
      { title: 'bad', kind: 'other', mime: 'application/pdf', dataBase64: 'not base64!' },
      { title: '', kind: 'other', mime: 'application/pdf', dataBase64: files.pdf.toString('base64') },
    ]) {
      await expectCode(t.worker.call('notes.uploadDocument', { caseId: t.caseId, document: document as never }), 'VALIDATION');
    }
    expect(t.count('case_documents')).toBe(before);
  });

  it('removes a document softly: out of the list, still on file for a supervisor, not for the worker', async () => {
    const [doc] = await t.worker.ok('notes.listDocuments', { caseId: t.caseId });
    await t.worker.ok('notes.removeDocument', { caseId: t.caseId, documentId: doc.id, reason: 'Scanned the wrong letter' });
    expect((await t.worker.ok('notes.listDocuments', { caseId: t.caseId })).map((d) => d.id)).not.toContain(doc.id);
    const withRemoved = await t.worker.ok('notes.listDocuments', { caseId: t.caseId, includeRemoved: true });
    expect(withRemoved.find((d) => d.id === doc.id)?.removed).toMatchObject({ reason: 'Scanned the wrong letter' });
    await expectCode(t.worker.call('notes.getDocument', { caseId: t.caseId, documentId: doc.id }), 'NOT_FOUND');
    expect((await t.supervisor.ok('notes.getDocument', { caseId: t.caseId, documentId: doc.id })).id).toBe(doc.id);
    await expectCode(t.worker.call('notes.removeDocument', { caseId: t.caseId, documentId: doc.id, reason: 'again' }), 'NOT_FOUND');
  });

  it('audits every opening of a document', async () => {
    const [doc] = await t.worker.ok('notes.listDocuments', { caseId: t.caseId });
    const views = () => t.auditEntries().filter((e) => e.action === 'case.view' && e.details?.includes(doc.id)).length;
    const before = views();
    await t.worker.ok('notes.getDocument', { caseId: t.caseId, documentId: doc.id });
    await t.worker.ok('notes.getDocument', { caseId: t.caseId, documentId: doc.id });
    expect(views()).toBe(before + 2);
  });
});

describe('audit and storage', () => {
  it('records views and changes with ids and kinds only, never names, note text, titles or reasons', async () => {
    const entries = t.auditEntries();
    const actions = entries.map((e) => e.action);
    for (const action of ['note.add', 'note.edit', 'document.upload', 'document.remove']) expect(actions).toContain(action);
    for (const part of ['notes', 'documents', 'document']) {
      expect(entries.some((e) => e.action === 'case.view' && e.details?.includes(`"part":"${part}"`)), part).toBe(true);
    }
    const details = entries.map((e) => e.details ?? '').join('\n');
    for (const text of [child.givenName, child.familyName, 'Apiyo-Quenneville', 'roof leaks', 'aunt in Lira', 'Scan application', 'wrong letter']) {
      expect(details).not.toContain(text);
    }
  });

  it('no note text lies in plaintext in the database file or its WAL', async () => {
    const files = [t.office.core.paths.dbFile, `${t.office.core.paths.dbFile}-wal`].filter((f) => fs.existsSync(f));
    expect(files.flatMap((f) => plaintextIn(f, [visitText, editedText, 'Apiyo-Quenneville']))).toEqual([]);
    // Still readable through the API, so the text is there, only encrypted.
    const again = await t.office.login('sara', supervisorPassword);
    expect((await again.ok('notes.list', { caseId: t.caseId, kind: 'home_visit' })).notes[0].history[0].text).toBe(visitText);
  });
});
