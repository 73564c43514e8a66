// Node-only. A case's course: moving it a stage on (through its gates) or back (with a reason),
// halting it for an alternative to reunification, and resuming it.
import { todayIso } from '../../../shared/cases/fields';
import { checkMove, haltBlocked } from '../../../shared/cases/stages';
import { AppError } from '../../../shared/contract/errors';
import { addDays, HALT_REVIEW_DAYS, haltReviewDateProblem } from '../../../shared/tasks/rules';
import { approvedExceptions } from '../approvals/queries';
import type { CoreDeps } from '../deps';
import { cancelOpenContacts, planFollowUp } from '../followup/plan';
import { defineHandlers } from '../handler';
import { createCaseFiles } from './case-file';
import { factOptions, loadFacts } from './facts';
import { bumpVersion, loadCase, recordCaseChange } from './scope';

export function createCaseStageHandlers(deps: CoreDeps) {
  const { reload, assertOpen } = createCaseFiles(deps);

  return defineHandlers({
    'cases.moveStage': async ({ caseId, version, to, reason }, env) => {
      const row = await loadCase(env, caseId, 'write');
      assertOpen(row);
      const facts = await loadFacts(env.db(), caseId, await factOptions(deps, env.db(), env.now()));
      const check = checkMove(row.stage, to, facts);
      if (check.direction === 'invalid') {
        throw new AppError('CONFLICT', 'a case moves one stage at a time', { params: { reason: 'invalidMove', from: row.stage, to } });
      }
      if (check.direction === 'back' && !reason) {
        throw new AppError('VALIDATION', 'say why the case goes back a stage', {
          issues: [{ path: ['reason'], code: 'required', message: 'required' }],
        });
      }
      if (!check.allowed) {
        throw new AppError('GATE_BLOCKED', 'the case cannot move on yet', {
          params: { gates: check.blocked.map((g) => g.id).join(','), to },
          issues: check.blocked.map((g) => ({ path: [g.tab], code: g.id, message: g.id })),
        });
      }
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, version);
        await trx.updateTable('cases').set({ stage: to }).where('id', '=', caseId).execute();
        await recordCaseChange(env, trx, caseId, 'case.stageMove', { from: row.stage, to, direction: check.direction }, {
          from: row.stage,
          to,
          reason,
        });
        // Entering follow-up plans its contacts from the office protocol; leaving it cancels the open ones.
        if (to === 'follow_up') await planFollowUp(env, trx, row);
        else if (row.stage === 'follow_up') await cancelOpenContacts(env, trx, caseId, 'stageMove');
      });
      return reload(env, caseId);
    },

    'cases.halt': async ({ caseId, version, alternative, reason, childViews, childViewsAbsent, reviewOn }, env) => {
      const row = await loadCase(env, caseId, 'write');
      assertOpen(row);
      const today = todayIso(env.now());
      const reviewDue = reviewOn ?? addDays(today, HALT_REVIEW_DAYS);
      const dateProblem = haltReviewDateProblem(reviewDue, today);
      if (dateProblem) {
        throw new AppError('INVALID_DATE', 'the review date must be in the coming year', {
          issues: [{ path: ['reviewOn'], code: dateProblem, message: dateProblem }],
          params: { field: 'reviewOn' },
        });
      }
      const bid = await env.db().selectFrom('bids').select('decision').where('case_id', '=', caseId).where('status', '=', 'approved').orderBy('decided_at', 'desc').limit(1).executeTakeFirst();
      const blocked = haltBlocked(alternative, bid?.decision ?? null, await approvedExceptions(env.db(), caseId));
      if (blocked) {
        throw new AppError('GATE_BLOCKED', 'a permanent alternative needs an approved BID that decided it', {
          params: { gates: blocked, to: alternative },
          issues: [{ path: ['alternative'], code: blocked, message: blocked }],
        });
      }
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, version);
        await trx
          .updateTable('cases')
          .set({
            status: 'halted',
            halt_alternative: alternative,
            halt_reason: reason,
            halt_child_views: childViews,
            halt_child_views_absent: childViewsAbsent ? JSON.stringify(childViewsAbsent) : null,
            halted_at: env.now().toISOString(),
            halt_review_due: reviewDue,
            // A supervisor confirms the halt (DOMAIN-REVIEW A7); until then it waits in the approvals queue.
            halted_by: env.session.userId,
            halt_confirmed_by: null,
            halt_confirmed_at: null,
          })
          .where('id', '=', caseId)
          .execute();
        await recordCaseChange(env, trx, caseId, 'case.halt', { alternative, stage: row.stage, childViewsAbsent: Boolean(childViewsAbsent) }, {
          alternative,
          reason,
          stage: row.stage,
          reviewDue,
          ...(childViewsAbsent ? { childViewsAbsent: childViewsAbsent.reason } : {}),
        });
      });
      return reload(env, caseId);
    },

    'cases.resume': async ({ caseId, version, reason }, env) => {
      const row = await loadCase(env, caseId, 'write');
      if (row.status !== 'halted') throw new AppError('CONFLICT', 'this case is not halted', { params: { reason: row.status } });
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, version);
        await trx
          .updateTable('cases')
          .set({ status: 'open', halt_alternative: null, halt_reason: null, halt_child_views: null, halt_child_views_absent: null, halted_at: null, halt_review_due: null, halted_by: null, halt_confirmed_by: null, halt_confirmed_at: null })
          .where('id', '=', caseId)
          .execute();
        await recordCaseChange(env, trx, caseId, 'case.resume', {}, { reason });
      });
      return reload(env, caseId);
    },
  });
}
