// Node-only. Records that a case file is about to leave the encrypted store as a download. Scope is
// checked like any read of the case, and the file must exist: an audit entry names something real.
import { AppError } from '../../../shared/contract/errors';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { loadCase } from './scope';

export function createDownloadHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'cases.recordDownload': async ({ caseId, kind, itemId }, env) => {
      await loadCase(env, caseId, 'read');
      if (kind === 'document') {
        if (!itemId) throw new AppError('VALIDATION', 'which document', { issues: [{ path: ['itemId'], code: 'required', message: 'required' }] });
        const found = await env.db().selectFrom('case_documents').select('id').where('id', '=', itemId).where('case_id', '=', caseId).executeTakeFirst();
        if (!found) throw new AppError('NOT_FOUND', 'no such document');
      } else {
        const found = await env.db().selectFrom('reunification_willingness_documents').select('case_id').where('case_id', '=', caseId).executeTakeFirst();
        if (!found) throw new AppError('NOT_FOUND', 'no willingness statement on file');
      }
      await env.audit(env.db(), { action: 'case.download', entityType: 'case', entityId: caseId, details: { kind, itemId: itemId ?? null } });
      return { recorded: true as const };
    },
  });
}
