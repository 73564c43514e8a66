// Node-only. Marking a case as entered from paper records, after registration (a worker finds the
// paper file later). Who and when are on the case; the change is audited and on the timeline.
import { todayIso } from '../../../shared/cases/fields';
import { paperSinceProblem } from '../../../shared/cases/paper';
import { AppError } from '../../../shared/contract/errors';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { bumpVersion, loadCase, recordCaseChange } from './scope';

export function assertPaperSince(since: string, today: string, dateOfBirth: string | null, field: string): void {
  const problem = paperSinceProblem(since, today, dateOfBirth);
  if (problem) throw new AppError('INVALID_DATE', 'the paper file cannot begin on that day', { issues: [{ path: [field], code: problem, message: problem }], params: { field } });
}

export function createPaperHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'cases.markPaper': async ({ caseId, version, paper }, env) => {
      const row = await loadCase(env, caseId, 'write');
      assertPaperSince(paper.since, todayIso(env.now()), row.date_of_birth, 'paper.since');
      const markedAt = env.now().toISOString();
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, version);
        await trx.updateTable('cases').set({ paper_since: paper.since, paper_marked_by: env.session.userId, paper_marked_at: markedAt }).where('id', '=', caseId).execute();
        await recordCaseChange(env, trx, caseId, 'case.markPaper', { paperSince: paper.since }, { paperSince: paper.since, note: paper.note });
      });
      return { since: paper.since, markedAt };
    },
  });
}
