// A case file leaving the encrypted store as a download is recorded first, within the case's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { setUpStaffedOffice, workerPassword } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';

type Office = Awaited<ReturnType<typeof setUpStaffedOffice>>;
let office: Office;
let worker: InProcessClient;
let other: InProcessClient;
let caseId: string;
let documentId: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n').toString('base64');

beforeAll(async () => {
  office = await setUpStaffedOffice();
  worker = await office.login('wanjiru', workerPassword);
  other = await office.login('omar', workerPassword);
  caseId = (await worker.ok('cases.register', {
    child: { givenName: 'Achieng', familyName: 'Otieno', sex: 'female', estimatedAgeYears: 11, separationReasons: ['poverty'] },
  })).id;
  const added = await worker.ok('notes.uploadDocument', { caseId, document: { title: 'Birth notification', kind: 'id_document', mime: 'application/pdf', dataBase64: pdf } });
  documentId = added.id;
});
afterAll(() => office.cleanup());

describe('recording a download', () => {
  it('audits who downloaded which document of which case', async () => {
    expect(await worker.ok('cases.recordDownload', { caseId, kind: 'document', itemId: documentId })).toEqual({ recorded: true });
    const { entries } = await office.admin.ok('audit.list', { action: 'case.download', entityId: caseId });
    expect(entries).toEqual([expect.objectContaining({ username: 'wanjiru', entityType: 'case', entityId: caseId, details: { kind: 'document', itemId: documentId } })]);
  });

  it('refuses another worker’s case, a document that is not there, and a missing willingness statement', async () => {
    await expectCode(other.call('cases.recordDownload', { caseId, kind: 'document', itemId: documentId }), 'OUT_OF_SCOPE');
    await expectCode(worker.call('cases.recordDownload', { caseId, kind: 'document', itemId: 'not-a-document' }), 'NOT_FOUND');
    await expectCode(worker.call('cases.recordDownload', { caseId, kind: 'willingness' }), 'NOT_FOUND');
    const { entries } = await office.admin.ok('audit.list', { action: 'case.download', entityId: caseId });
    expect(entries).toHaveLength(1);
  });
});
