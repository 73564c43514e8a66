// Node-only. Documents attached to a case: uploaded as base64, checked against their declared
// type by their first bytes, stored as BLOBs in the encrypted database, listed as metadata only,
// opened one at a time (each an audited view) and removed softly with a reason.
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import { maxDocumentBytes } from '../../../shared/notes/contract';
import { can } from '../../../shared/permissions';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import { defineHandlers, type HandlerEnv } from '../handler';
import { matchesMime } from '../../../shared/cases/files';
import { toDocumentMeta } from './rows';

function documentQuery(env: HandlerEnv, caseId: string) {
  return env
    .db()
    .selectFrom('case_documents')
    .leftJoin('users as uploader', 'uploader.id', 'case_documents.uploaded_by')
    .leftJoin('users as remover', 'remover.id', 'case_documents.removed_by')
    .select([
      'case_documents.id',
      'case_documents.case_id',
      'case_documents.title',
      'case_documents.kind',
      'case_documents.mime',
      'case_documents.file_name',
      'case_documents.size_bytes',
      'case_documents.uploaded_at',
      'case_documents.uploaded_by',
      'case_documents.removed_at',
      'case_documents.removed_by',
      'case_documents.removed_reason',
      'uploader.display_name as uploaded_by_name',
      'remover.display_name as removed_by_name',
    ])
    .where('case_documents.case_id', '=', caseId);
}

function invalidFile(code: 'empty' | 'tooLarge' | 'mimeMismatch', message: string): AppError {
  return new AppError('VALIDATION', message, {
    issues: [{ path: ['document', 'dataBase64'], code, message: code }],
    params: { maxBytes: maxDocumentBytes },
  });
}

export const documentHandlers = defineHandlers({
  'notes.listDocuments': async ({ caseId, includeRemoved }, env) => {
    await loadCase(env, caseId, 'read');
    let query = documentQuery(env, caseId);
    if (!includeRemoved) query = query.where('case_documents.removed_at', 'is', null);
    const rows = await query.orderBy('case_documents.uploaded_at', 'desc').execute();
    await recordCaseView(env, caseId, 'documents');
    return rows.map(toDocumentMeta);
  },

  'notes.uploadDocument': async ({ caseId, document }, env) => {
    await loadCase(env, caseId, 'write');
    const data = Buffer.from(document.dataBase64, 'base64');
    if (data.length === 0) throw invalidFile('empty', 'the file is empty');
    if (data.length > maxDocumentBytes) throw invalidFile('tooLarge', 'the file is larger than 10 MB');
    if (!matchesMime(data, document.mime)) throw invalidFile('mimeMismatch', 'the file is not of the type it claims');
    const id = crypto.randomUUID();
    await env.tx(async (trx) => {
      await trx
        .insertInto('case_documents')
        .values({
          id,
          case_id: caseId,
          title: document.title,
          kind: document.kind,
          mime: document.mime,
          file_name: document.fileName,
          size_bytes: data.length,
          sha256: crypto.createHash('sha256').update(data).digest('hex'),
          data,
          uploaded_at: env.now().toISOString(),
          uploaded_by: env.session.userId,
          removed_at: null,
          removed_by: null,
          removed_reason: null,
        })
        .execute();
      await recordCaseChange(
        env,
        trx,
        caseId,
        'document.upload',
        { documentId: id, kind: document.kind, mime: document.mime, sizeBytes: data.length },
        { documentId: id, kind: document.kind, title: document.title },
      );
    });
    const row = await documentQuery(env, caseId).where('case_documents.id', '=', id).executeTakeFirstOrThrow();
    return toDocumentMeta(row);
  },

  'notes.getDocument': async ({ caseId, documentId }, env) => {
    await loadCase(env, caseId, 'read');
    const row = await documentQuery(env, caseId)
      .select('case_documents.data')
      .where('case_documents.id', '=', documentId)
      .executeTakeFirst();
    // A removed document stays on file for supervisors, who may need it in a case review.
    if (!row || (row.removed_at && !can(env.session.role, 'case.approve'))) {
      throw new AppError('NOT_FOUND', 'no such document in this case');
    }
    await env.audit(env.db(), {
      action: 'case.view',
      entityType: 'case',
      entityId: caseId,
      details: { part: 'document', documentId, removed: row.removed_at !== null },
    });
    return { ...toDocumentMeta(row), dataBase64: Buffer.from(row.data).toString('base64') };
  },

  'notes.removeDocument': async ({ caseId, documentId, reason }, env) => {
    await loadCase(env, caseId, 'write');
    const before = await documentQuery(env, caseId)
      .where('case_documents.id', '=', documentId)
      .where('case_documents.removed_at', 'is', null)
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', 'no such document in this case');
    await env.tx(async (trx) => {
      await trx
        .updateTable('case_documents')
        .set({ removed_at: env.now().toISOString(), removed_by: env.session.userId, removed_reason: reason })
        .where('id', '=', documentId)
        .execute();
      await recordCaseChange(
        env,
        trx,
        caseId,
        'document.remove',
        { documentId, kind: before.kind },
        { documentId, kind: before.kind, title: before.title, reason },
      );
    });
    return { removed: true as const };
  },
});
