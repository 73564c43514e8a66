// Node-only. Supervision: the caseload view, review sessions (pick, go through one by one, decide),
// and the actions they assign. Sessions are supervisors' work (case.approve); a decision is one
// transaction with its actions, audited and on the case's timeline — without the supervision note,
// which stays in review_items (never in family views, transfers or exports).
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import { todayIso } from '../../../shared/cases/fields';
import { can } from '../../../shared/permissions';
import { planReviewDue } from '../../../shared/plans/schemas';
import { countsAsPlanReview } from '../../../shared/review/rules';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { caseload } from './caseload';
import { selectCases } from './selection';
import { actionsOf, loadSession } from './sessions';
import { reviewSheet } from './sheet';
import { reviewSummaryDocument } from './summary';
import { auditAnchor } from '../audit/anchor';
import { documentToPdfFile } from '../print/pdf';

export function createReviewHandlers(deps: CoreDeps) {
  async function openSession(env: HandlerEnv, sessionId: string) {
    const s = await env.db().selectFrom('review_sessions').select(['id', 'status', 'held_on']).where('id', '=', sessionId).executeTakeFirst();
    if (!s) throw new AppError('NOT_FOUND', 'no such review session');
    if (s.status !== 'open') throw new AppError('CONFLICT', 'this review session is finished', { params: { reason: 'sessionFinished' } });
    return s;
  }

  async function itemOf(env: HandlerEnv, sessionId: string, caseId: string) {
    const item = await env.db().selectFrom('review_items').select('case_id').where('session_id', '=', sessionId).where('case_id', '=', caseId).executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', 'this case is not in the session');
  }

  async function staffIds(env: HandlerEnv, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await env.db().selectFrom('users').select('id').where('id', 'in', ids).where('role', 'in', ['caseworker', 'supervisor']).where('active', '=', 1).where('removed_at', 'is', null).execute();
    const found = new Set(rows.map((r) => r.id));
    const issues = ids.map((id, i) => ({ id, i })).filter(({ id }) => !found.has(id)).map(({ i }) => ({ path: ['actions', i, 'ownerId'], code: 'notCaseStaff', message: 'notCaseStaff' }));
    if (issues.length > 0) throw new AppError('VALIDATION', 'an action owner cannot hold cases', { issues });
  }

  return defineHandlers({
    'review.caseload': async (_input, env) => {
      const result = await caseload(env.db(), env.now());
      await env.audit(env.db(), { action: 'case.list', entityType: 'case', details: { view: 'caseload', workers: result.rows.length } });
      return result;
    },

    'review.listSessions': async ({ limit }, env) => {
      const rows = await env
        .db()
        .selectFrom('review_sessions')
        .leftJoin('users', 'users.id', 'review_sessions.created_by')
        .select((eb) => [
          'review_sessions.id',
          'review_sessions.held_on',
          'review_sessions.kind',
          'review_sessions.agencies',
          'review_sessions.participants',
          'review_sessions.status',
          'users.display_name',
          eb.selectFrom('review_items').whereRef('review_items.session_id', '=', 'review_sessions.id').select(eb.fn.countAll<number>().as('n')).as('cases'),
          eb
            .selectFrom('review_items')
            .whereRef('review_items.session_id', '=', 'review_sessions.id')
            .where('review_items.decided_at', 'is not', null)
            .select(eb.fn.countAll<number>().as('n'))
            .as('decided'),
        ])
        .orderBy('review_sessions.held_on', 'desc')
        .orderBy('review_sessions.created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        heldOn: r.held_on,
        kind: r.kind,
        agencies: JSON.parse(r.agencies) as string[],
        participants: r.participants,
        status: r.status,
        createdByName: r.display_name ?? null,
        cases: Number(r.cases ?? 0),
        decided: Number(r.decided ?? 0),
      }));
    },

    'review.startSession': async ({ heldOn, kind, agencies, participants, rules, sampleSize, workerId }, env) => {
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        const picked = await selectCases(trx, env.now(), rules, sampleSize, workerId);
        await trx
          .insertInto('review_sessions')
          .values({ id, held_on: heldOn, kind, agencies: JSON.stringify(agencies), participants, rules: JSON.stringify(rules), sample_size: sampleSize, status: 'open', created_by: env.session.userId, created_at: now, finished_at: null })
          .execute();
        for (const [position, p] of picked.entries()) {
          await trx.insertInto('review_items').values({ session_id: id, case_id: p.caseId, position, reasons: JSON.stringify(p.reasons), decision: null, note: '', child_consulted: 0, family_consulted: 0, counts_as_plan_review: 0, decided_by: null, decided_at: null }).execute();
        }
        await env.audit(trx, { action: 'review.start', entityType: 'review', entityId: id, details: { kind, rules, sampleSize, cases: picked.length, agencies: agencies.length } });
      });
      return loadSession(env.db(), id, env.now());
    },

    'review.getSession': async ({ sessionId }, env) => {
      const session = await loadSession(env.db(), sessionId, env.now());
      await env.audit(env.db(), { action: 'case.list', entityType: 'review', entityId: sessionId, details: { view: 'reviewSession', count: session.items.length } });
      return session;
    },

    'review.sheet': async ({ sessionId, caseId }, env) => {
      await itemOf(env, sessionId, caseId);
      const kase = await loadCase(env, caseId, 'read');
      await recordCaseView(env, caseId, 'reviewSheet');
      return reviewSheet(env.db(), kase, env.now());
    },

    'review.decide': async ({ sessionId, caseId, decision, note, childConsulted, familyConsulted, actions }, env) => {
      // A decision is case work: a closed or transferred case is refused like any other write.
      const kase = await loadCase(env, caseId, 'write');
      const session = await openSession(env, sessionId);
      await itemOf(env, sessionId, caseId);
      await staffIds(env, [...new Set(actions.map((a) => a.ownerId))]);
      const today = todayIso(env.now());
      const plan = await env.db().selectFrom('plan_versions').select(['id', 'acknowledged_on']).where('case_id', '=', caseId).where('status', '=', 'current').executeTakeFirst();
      // B2.7: it stands for the 3-monthly plan review only when the child and the family took part,
      // and only where a plan is in force to be reviewed.
      const counts = countsAsPlanReview(childConsulted, familyConsulted) && Boolean(plan?.acknowledged_on);
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await trx
          .updateTable('review_items')
          .set({ decision, note, child_consulted: childConsulted ? 1 : 0, family_consulted: familyConsulted ? 1 : 0, counts_as_plan_review: counts ? 1 : 0, decided_by: env.session.userId, decided_at: now })
          .where('session_id', '=', sessionId)
          .where('case_id', '=', caseId)
          .execute();
        for (const action of actions) {
          await trx
            .insertInto('review_actions')
            .values({ id: crypto.randomUUID(), session_id: sessionId, case_id: caseId, text: action.text, owner_id: action.ownerId, due_on: action.dueOn, status: 'open', created_by: env.session.userId, created_at: now, done_by: null, done_at: null })
            .execute();
        }
        if (counts && plan?.acknowledged_on) {
          const reviewedOn = session.held_on <= today ? session.held_on : today;
          const due = planReviewDue(reviewedOn, plan.acknowledged_on);
          // The plan's own review record says only that a supervision review with the child and family took place.
          await trx
            .insertInto('plan_reviews')
            .values({ id: crypto.randomUUID(), case_id: caseId, plan_version_id: plan.id, date: reviewedOn, notes: '', next_due: due, recorded_at: now, recorded_by: env.session.userId })
            .execute();
          await trx.updateTable('cases').set({ review_due: due }).where('id', '=', caseId).execute();
        }
        await recordCaseChange(
          env,
          trx,
          caseId,
          'review.decision',
          { sessionId, decision, actions: actions.length, countsAsPlanReview: counts, stage: kase.stage },
          { decision, actions: actions.length, countsAsPlanReview: counts },
        );
      });
      return loadSession(env.db(), sessionId, env.now());
    },

    'review.printSummary': async ({ sessionId, lang }, env) => {
      const session = await loadSession(env.db(), sessionId, env.now());
      // The print is audited first, in one transaction with reading the chain's head: the anchor on
      // paper covers the record of its own printing.
      const anchor = await env.tx(async (trx) => {
        await env.audit(trx, { action: 'review.print', entityType: 'review', entityId: sessionId, details: { lang, cases: session.items.map((i) => i.caseId), sections: ['decisions', 'actions'] } });
        return auditAnchor(trx, env.now());
      });
      return documentToPdfFile(deps, reviewSummaryDocument(session, lang, anchor), 'review-summary', session.heldOn);
    },

    'review.finishSession': async ({ sessionId }, env) => {
      await openSession(env, sessionId);
      await env.tx(async (trx) => {
        await trx.updateTable('review_sessions').set({ status: 'finished', finished_at: env.now().toISOString() }).where('id', '=', sessionId).execute();
        await env.audit(trx, { action: 'review.finish', entityType: 'review', entityId: sessionId, details: {} });
      });
      return loadSession(env.db(), sessionId, env.now());
    },

    'review.completeAction': async ({ caseId, actionId }, env) => {
      await loadCase(env, caseId, 'write');
      const action = await env.db().selectFrom('review_actions').selectAll().where('id', '=', actionId).where('case_id', '=', caseId).executeTakeFirst();
      if (!action) throw new AppError('NOT_FOUND', 'no such action');
      if (action.owner_id !== env.session.userId && !can(env.session.role, 'case.approve')) {
        throw new AppError('FORBIDDEN', 'only the owner or a supervisor marks this action done');
      }
      if (action.status !== 'open') throw new AppError('CONFLICT', 'this action is already done', { params: { reason: 'done' } });
      await env.tx(async (trx) => {
        await trx.updateTable('review_actions').set({ status: 'done', done_by: env.session.userId, done_at: env.now().toISOString() }).where('id', '=', actionId).execute();
        // The action's text stays with the review (supervision); the timeline says only that it was done.
        await recordCaseChange(env, trx, caseId, 'review.actionDone', { actionId, sessionId: action.session_id }, {});
      });
      return (await actionsOf(env.db(), { caseId })).find((a) => a.id === actionId)!;
    },
  });
}
