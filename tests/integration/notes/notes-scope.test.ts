import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { notesChannels } from '../../../shared/notes/contract';
import { expectCode } from '../../fixtures/results';
import { files, setUpNetworkOffice, type NetworkOffice } from '../family/network-fixtures';

type NotesChannel = keyof typeof notesChannels;

let t: NetworkOffice;
let noteId: string;
let documentId: string;
beforeAll(async () => {
  t = await setUpNetworkOffice();
  noteId = (await t.worker.ok('notes.add', { caseId: t.caseId, note: { kind: 'general', date: '2024-03-01', text: 'First meeting.' } })).id;
  documentId = (
    await t.worker.ok('notes.uploadDocument', {
      caseId: t.caseId,
      document: { title: 'Letter', kind: 'letter', mime: 'application/pdf', dataBase64: files.pdf.toString('base64') },
    })
  ).id;
});
afterAll(() => t.office.cleanup());

const pdf = () => files.pdf.toString('base64');
const inputs: { [N in NotesChannel]: () => ChannelInput<N> } = {
  'notes.list': () => ({ caseId: t.caseId }),
  'notes.add': () => ({ caseId: t.caseId, note: { kind: 'general', date: '2024-03-02', text: 'Another.' } }),
  'notes.edit': () => ({ caseId: t.caseId, noteId, version: 1, note: { kind: 'general', date: '2024-03-01', text: 'Changed.' } }),
  'notes.listDocuments': () => ({ caseId: t.caseId, includeRemoved: true }),
  'notes.uploadDocument': () => ({ caseId: t.caseId, document: { title: 'Another', kind: 'report', mime: 'application/pdf', dataBase64: pdf() } }),
  'notes.getDocument': () => ({ caseId: t.caseId, documentId }),
  'notes.removeDocument': () => ({ caseId: t.caseId, documentId, reason: 'test' }),
};

describe('a case worker reaches only the cases assigned to them', () => {
  it('covers every notes channel', () => {
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(notesChannels).sort());
  });

  it.each(Object.keys(notesChannels) as NotesChannel[])('an unassigned worker gets OUT_OF_SCOPE on %s, audited, and nothing changes', async (name) => {
    const deniedBefore = t.auditEntries().filter((e) => e.action === 'case.accessDenied').length;
    await expectCode(t.other.call(name, inputs[name]() as never), 'OUT_OF_SCOPE');
    expect(t.auditEntries().filter((e) => e.action === 'case.accessDenied').length).toBe(deniedBefore + 1);
    const { notes } = await t.supervisor.ok('notes.list', { caseId: t.caseId });
    expect(notes.map((n) => [n.text, n.version])).toEqual([['First meeting.', 1]]);
    expect((await t.supervisor.ok('notes.listDocuments', { caseId: t.caseId })).map((d) => d.id)).toEqual([documentId]);
  });

  it('the assigned worker can do the same', async () => {
    for (const name of Object.keys(notesChannels) as NotesChannel[]) {
      expect((await t.worker.call(name, inputs[name]() as never)).ok, name).toBe(true);
    }
  });
});
