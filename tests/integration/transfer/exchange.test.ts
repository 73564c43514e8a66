// Send → receive → receipt between two offices (two data folders), idempotence, and the case that
// comes back changed on both sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode } from '../../fixtures/results';
import { caseToSend, defaultSelection, download, sendDetails, setUpPair, today, upload, type Pair } from './fixture';

let pair: Pair;
beforeAll(async () => {
  pair = await setUpPair();
});
afterAll(() => pair?.cleanup());

describe('a case goes from Gulu to Kampala and the receipt comes back', () => {
  let sent: Awaited<ReturnType<typeof caseToSend>>;
  let transferId: string;
  let file: Buffer;
  let kampalaCaseId: string;

  it('the preview shows what leaves; supervision notes and the care place stay unless ticked', async () => {
    sent = await caseToSend(pair.gulu);
    const preview = await pair.gulu.worker.ok('transfer.preview', { caseId: sent.caseId, selection: defaultSelection });
    const notes = preview.parts.find((p) => p.part === 'notes')!;
    const supervision = preview.parts.find((p) => p.part === 'supervisionNotes')!;
    expect(notes.included).toBe(true);
    expect(notes.rows).toHaveLength(1);
    expect(supervision.included).toBe(false);
    expect(supervision.rows).toHaveLength(1);
    expect(preview.carePlaceIncluded).toBe(false);
    expect(preview.documents).toEqual([expect.objectContaining({ id: sent.documentId, included: true })]);
    expect(preview.consentOnFile).toBe(true);
  });

  it('the worker sends it; the case shows transfer pending and the audit says what left, to whom', async () => {
    const result = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection });
    transferId = result.transferId;
    expect(result.fileName).toMatch(/^GUL-\d{4}-\d{5}-[0-9a-f]{8}\.homeward$/);
    const status = await pair.gulu.worker.ok('transfer.caseStatus', { caseId: sent.caseId });
    expect(status.state).toBe('pending');
    const audit = await pair.gulu.supervisor.ok('audit.list', { action: 'transfer.send', limit: 5 });
    expect(audit.entries[0].details).toMatchObject({ transferId, partnerCode: 'KLA', documents: 1 });
    expect(JSON.stringify(audit.entries[0].details)).not.toContain('Achieng');
    file = await download(pair.gulu.worker, transferId, 'package');
    expect(file.length).toBe(result.bytes);
    expect(file.includes(Buffer.from('Achieng'))).toBe(false);
    const pending = await pair.gulu.supervisor.ok('transfer.pending', {});
    expect(pending.map((p) => p.transferId)).toContain(transferId);
  });

  it('a case worker at Kampala may not open a case file (a supervisor assigns it)', async () => {
    const uploadId = await upload(pair.kampala.worker, file);
    await expectCode(pair.kampala.worker.call('transfer.open', { uploadId }), 'FORBIDDEN');
  });

  it('the Kampala supervisor previews, then accepts and assigns it; documents arrive intact', async () => {
    const uploadId = await upload(pair.kampala.supervisor, file);
    const opened = await pair.kampala.supervisor.ok('transfer.open', { uploadId });
    if (opened.kind !== 'case') throw new Error('expected a case');
    expect(opened.sender).toMatchObject({ code: 'GUL' });
    expect(opened.child).toMatchObject({ givenName: 'Achieng', familyName: 'Odongo' });
    expect(opened.returning).toBeNull();
    const tables = opened.sections.map((s) => s.table);
    expect(tables).toEqual(expect.arrayContaining(['family_members', 'consents', 'case_notes']));
    expect(opened.sections.find((s) => s.table === 'case_notes')!.rows).toHaveLength(1);
    const accepted = await pair.kampala.supervisor.ok('transfer.accept', { uploadId, assignTo: pair.kampala.office.users.worker.id });
    kampalaCaseId = accepted.caseId;
    const file2 = await pair.kampala.worker.ok('cases.get', { caseId: kampalaCaseId });
    expect(file2.number).toMatch(/^KLA-/);
    const docs = await pair.kampala.worker.ok('notes.listDocuments', { caseId: kampalaCaseId });
    expect(docs).toHaveLength(1);
    const doc = await pair.kampala.worker.ok('notes.getDocument', { caseId: kampalaCaseId, documentId: docs[0].id });
    const original = await pair.gulu.worker.ok('notes.getDocument', { caseId: sent.caseId, documentId: sent.documentId });
    expect(doc.dataBase64).toBe(original.dataBase64);
    const notes = await pair.kampala.worker.ok('notes.list', { caseId: kampalaCaseId });
    expect(notes.notes.map((n) => n.kind)).toEqual(['home_visit']);
  });

  it('the same file twice says "already imported" and writes nothing', async () => {
    const raw = pair.kampala.office.core.store.get().raw;
    const before = (raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    const uploadId = await upload(pair.kampala.supervisor, file);
    await expectCode(pair.kampala.supervisor.call('transfer.open', { uploadId }), 'TRANSFER_ALREADY_IMPORTED');
    await expectCode(pair.kampala.supervisor.call('transfer.accept', { uploadId, assignTo: pair.kampala.office.users.worker.id }), 'TRANSFER_ALREADY_IMPORTED');
    expect((raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(before);
  });

  it('the receipt, imported at Gulu, marks the case transferred and read-only, with Kampala’s audit anchor', async () => {
    const receipt = await download(pair.kampala.supervisor, transferId, 'receipt');
    const uploadId = await upload(pair.gulu.worker, receipt);
    const opened = await pair.gulu.worker.ok('transfer.open', { uploadId });
    expect(opened).toMatchObject({ kind: 'receipt', decision: 'accepted', caseId: sent.caseId });
    expect(await pair.gulu.worker.ok('transfer.applyReceipt', { uploadId })).toEqual({ caseId: sent.caseId, decision: 'accepted' });
    expect((await pair.gulu.worker.ok('transfer.caseStatus', { caseId: sent.caseId })).state).toBe('transferred');
    const blocked = await expectCode(pair.gulu.worker.call('notes.add', { caseId: sent.caseId, note: { kind: 'general', date: today(), text: 'late' } }), 'CONFLICT');
    expect(blocked.params).toMatchObject({ reason: 'transferred' });
    // Retained and readable (G:L293).
    await pair.gulu.worker.ok('cases.get', { caseId: sent.caseId });
    const row = pair.gulu.office.core.store.get().raw.prepare('SELECT audit_anchor FROM transfers WHERE id = ?').get(transferId) as { audit_anchor: string };
    const anchor = JSON.parse(row.audit_anchor) as { receiver: { headHash: string; count: number } };
    expect(anchor.receiver.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(anchor.receiver.count).toBeGreaterThan(0);
    const again = await upload(pair.gulu.worker, receipt);
    await expectCode(pair.gulu.worker.call('transfer.applyReceipt', { uploadId: again }), 'TRANSFER_ALREADY_IMPORTED');
  });

  it('sent back changed on both sides: fields one side changed merge, both-changed fields are resolved, notes merge by id', async () => {
    // Kampala works on the case, then sends it back.
    await pair.kampala.worker.ok('notes.add', { caseId: kampalaCaseId, note: { kind: 'general', date: today(), text: 'Kampala note' } });
    const k = pair.kampala.office.core.store.get().raw;
    k.prepare("UPDATE cases SET area = 'Kampala', separation_place = 'Owino market' WHERE id = ?").run(kampalaCaseId);
    const back = await pair.kampala.worker.ok('transfer.send', { caseId: kampalaCaseId, details: { ...sendDetails(pair.kampala.partnerId), reason: 'return_to_sender' }, selection: defaultSelection });
    const file3 = await download(pair.kampala.worker, back.transferId, 'package');
    // Meanwhile Gulu changed the same field differently (an old record corrected by hand).
    const g = pair.gulu.office.core.store.get().raw;
    g.prepare("UPDATE cases SET separation_place = 'Gulu bus park' WHERE id = ?").run(sent.caseId);
    const uploadId = await upload(pair.gulu.supervisor, file3);
    const opened = await pair.gulu.supervisor.ok('transfer.open', { uploadId });
    if (opened.kind !== 'case' || !opened.returning) throw new Error('expected a returning case');
    expect(opened.returning.caseId).toBe(sent.caseId);
    expect(opened.returning.conflicts).toEqual([
      expect.objectContaining({ table: 'cases', field: 'separation_place', ours: 'Gulu bus park', theirs: 'Owino market', base: 'Gulu market', baseKnown: true }),
    ]);
    await expectCode(pair.gulu.supervisor.call('transfer.accept', { uploadId, assignTo: pair.gulu.office.users.worker.id }), 'CONFLICT');
    const key = opened.returning.conflicts[0].key;
    await pair.gulu.supervisor.ok('transfer.accept', { uploadId, assignTo: pair.gulu.office.users.worker.id, resolutions: [{ key, take: 'theirs' }] });
    const c = await pair.gulu.worker.ok('cases.get', { caseId: sent.caseId });
    expect(c.child.area).toBe('Kampala');
    const notes = await pair.gulu.worker.ok('notes.list', { caseId: sent.caseId });
    expect(notes.notes.map((n) => n.text)).toEqual(expect.arrayContaining(['Kampala note', 'Visited the mother in Kampala; she wants Achieng home.']));
    expect(notes.notes.filter((n) => n.kind === 'supervision')).toHaveLength(1);
    expect((await pair.gulu.worker.ok('transfer.caseStatus', { caseId: sent.caseId })).state).toBe('received');
    await pair.gulu.worker.ok('notes.add', { caseId: sent.caseId, note: { kind: 'general', date: today(), text: 'Back home; active again' } });
    const merged = await pair.gulu.supervisor.ok('audit.list', { action: 'transfer.merge', limit: 5 });
    expect(merged.entries[0].details).toMatchObject({ counts: expect.objectContaining({ conflicts: 1, theirs: 1 }) });
  });
});
