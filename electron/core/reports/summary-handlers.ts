// Node-only. The case summary PDF: scope checked like any view of the case, confidential sections
// only for supervisors and the child's own case worker, sealed with a passphrase or (supervisors
// only) left unsealed with a reason; audited with the sections, language and how it left.
import { Encrypter } from 'age-encryption';
import { AppError } from '../../../shared/contract/errors';
import { languages, type Language } from '../../../shared/i18n/languages';
import { pdfFileName } from '../../../shared/print/contract';
import { confidentialSections } from '../../../shared/reports/summary';
import { checkPassword } from '../../../shared/session/password-policy';
import { loadCase } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { documentToPdf } from '../print/pdf';
import { buildSummary } from './summary';

export function createSummaryHandlers(deps: CoreDeps) {
  return defineHandlers({
    'reports.caseSummary': async ({ caseId, sections, language, protection }, env) => {
      const row = await loadCase(env, caseId, 'read');
      const confidential = sections.filter((s) => confidentialSections.includes(s));
      if (confidential.length && env.session.role !== 'supervisor' && row.worker_id !== env.session.userId) {
        await env.audit(env.db(), { action: 'access.denied', entityType: 'case', entityId: caseId, details: { channel: 'reports.caseSummary', sections: confidential } });
        throw new AppError('FORBIDDEN', 'only supervisors and the child’s case worker print confidential sections', { params: { channel: 'reports.caseSummary' } });
      }
      if (protection.mode === 'passphrase') {
        const problems = checkPassword(protection.passphrase, env.session.username);
        if (problems.length) throw new AppError('PASSWORD_WEAK', 'the passphrase does not meet the password policy', { params: { problems: problems.join(',') } });
      } else {
        if (env.session.role !== 'supervisor') {
          await env.audit(env.db(), { action: 'access.denied', entityType: 'case', entityId: caseId, details: { channel: 'reports.caseSummary', unsealed: true } });
          throw new AppError('FORBIDDEN', 'only a supervisor may take case data unsealed', { params: { channel: 'reports.caseSummary' } });
        }
        if (!protection.reason) throw new AppError('VALIDATION', 'say why this case summary leaves unsealed', { issues: [{ path: ['protection', 'reason'], code: 'required', message: 'required' }] });
      }
      const spoken = (JSON.parse(row.languages) as string[]).find((l): l is Language => (languages as readonly string[]).includes(l));
      const lang: Language = language === 'family' && spoken ? spoken : env.session.language;
      const doc = await buildSummary(env.db(), row, sections, lang, env.now().toISOString());
      let bytes: Uint8Array = await documentToPdf(deps, doc);
      let fileName = pdfFileName(row.number, 'summary');
      if (protection.mode === 'passphrase') {
        const encrypter = new Encrypter();
        encrypter.setPassphrase(protection.passphrase);
        bytes = await encrypter.encrypt(bytes);
        fileName = `${fileName}.age`;
      }
      await env.audit(env.db(), {
        action: 'reports.caseSummary',
        entityType: 'case',
        entityId: caseId,
        details: { sections, language: lang, sealed: protection.mode === 'passphrase', reason: protection.mode === 'none' ? protection.reason : undefined, bytes: bytes.byteLength },
      });
      return { fileName, dataBase64: Buffer.from(bytes).toString('base64'), sealed: protection.mode === 'passphrase', language: lang };
    },
  });
}
