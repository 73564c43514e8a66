// Node-only. Closure and re-opening (G:L287-293). The worker recommends closure with the checklist;
// another person (a supervisor, or an inter-agency panel whose agencies are recorded) approves — the
// case becomes closed and read-only (cases/scope.ts refuses every write with CASE_CLOSED) — or
// returns it with reasons. A supervisor re-opens a closed case with a reason; nothing is deleted:
// each recommendation, decision and re-opening stays on the case's record and timeline.
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Closure, Reopening } from '../../../shared/closure/contract';
import { reopenStage } from '../../../shared/closure/rules';
import { AppError } from '../../../shared/contract/errors';
import { assertFourEyes } from '../approvals/queries';
import { nameOf, staffNames } from '../assessments/people';
import { bumpVersion, loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import type { CaseClosuresTable, CaseReopeningsTable } from './tables';

type ClosureRow = Selectable<CaseClosuresTable>;
type ReopeningRow = Selectable<CaseReopeningsTable>;

export function toClosure(row: ClosureRow, names: Map<string, string>): Closure {
  return {
    id: row.id,
    caseId: row.case_id,
    status: row.status,
    reason: row.reason,
    reasonNote: row.reason_note,
    checklist: {
      observationsReviewed: row.observations_reviewed === 1,
      progressReviewed: row.progress_reviewed === 1,
      providersConsulted: row.providers_consulted,
      risks: JSON.parse(row.risks) as Closure['checklist']['risks'],
      childViews: row.child_views,
      familyViews: row.family_views,
    },
    recommendedById: row.recommended_by,
    recommendedByName: nameOf(names, row.recommended_by),
    recommendedAt: row.recommended_at,
    decidedByName: nameOf(names, row.decided_by),
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    panelAgencies: JSON.parse(row.panel_agencies) as string[],
    selfApproved: row.self_approved === 1,
  };
}

function toReopening(row: ReopeningRow, names: Map<string, string>): Reopening {
  return {
    id: row.id,
    caseId: row.case_id,
    closureId: row.closure_id,
    reason: row.reason,
    note: row.note,
    stage: row.stage,
    reopenedByName: nameOf(names, row.reopened_by),
    reopenedAt: row.reopened_at,
  };
}

export function createClosureHandlers(_deps: CoreDeps) {
  async function closureOf(env: HandlerEnv, caseId: string, id: string): Promise<ClosureRow> {
    const row = await env.db().selectFrom('case_closures').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'no such closure recommendation');
    return row;
  }

  async function present(env: HandlerEnv, caseId: string, id: string): Promise<Closure> {
    const row = await closureOf(env, caseId, id);
    return toClosure(row, await staffNames(env.db(), [row.recommended_by, row.decided_by]));
  }

  const waiting = (row: ClosureRow) => {
    if (row.status !== 'recommended') throw new AppError('CONFLICT', 'this recommendation was already decided', { params: { reason: 'decided' } });
  };

  return defineHandlers({
    'closure.get': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const db = env.db();
      const closures = await db.selectFrom('case_closures').selectAll().where('case_id', '=', caseId).orderBy('recommended_at', 'desc').execute();
      const reopenings = await db.selectFrom('case_reopenings').selectAll().where('case_id', '=', caseId).orderBy('reopened_at', 'desc').execute();
      const names = await staffNames(db, [...closures.flatMap((c) => [c.recommended_by, c.decided_by]), ...reopenings.map((r) => r.reopened_by)]);
      await recordCaseView(env, caseId, 'closure');
      return { closures: closures.map((c) => toClosure(c, names)), reopenings: reopenings.map((r) => toReopening(r, names)) };
    },

    'closure.recommend': async ({ caseId, version, reason, reasonNote, checklist }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const pending = await env.db().selectFrom('case_closures').select('id').where('case_id', '=', caseId).where('status', '=', 'recommended').executeTakeFirst();
      if (pending) throw new AppError('CONFLICT', 'a closure recommendation already waits for a decision', { params: { reason: 'closurePending' } });
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, version);
        await trx
          .insertInto('case_closures')
          .values({
            id,
            case_id: caseId,
            status: 'recommended',
            reason,
            reason_note: reasonNote,
            observations_reviewed: checklist.observationsReviewed ? 1 : 0,
            progress_reviewed: checklist.progressReviewed ? 1 : 0,
            providers_consulted: checklist.providersConsulted,
            risks: JSON.stringify(checklist.risks),
            child_views: checklist.childViews,
            family_views: checklist.familyViews,
            stage_before: kase.stage,
            status_before: kase.status,
            recommended_by: env.session.userId,
            recommended_at: now,
            decided_by: null,
            decided_at: null,
            decision_note: '',
            panel_agencies: '[]',
            self_approved: 0,
          })
          .execute();
        await recordCaseChange(env, trx, caseId, 'closure.recommend', { closureId: id, reason, risks: checklist.risks.length }, { reason });
      });
      return present(env, caseId, id);
    },

    'closure.withdraw': async ({ caseId, closureId }, env) => {
      await loadCase(env, caseId, 'write');
      waiting(await closureOf(env, caseId, closureId));
      await env.tx(async (trx) => {
        const result = await trx.updateTable('case_closures').set({ status: 'withdrawn' }).where('id', '=', closureId).where('status', '=', 'recommended').executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'this recommendation was already decided', { params: { reason: 'decided' } });
        await recordCaseChange(env, trx, caseId, 'closure.withdraw', { closureId }, {});
      });
      return present(env, caseId, closureId);
    },

    'closure.decide': async ({ caseId, closureId, decision, note, panelAgencies }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const row = await closureOf(env, caseId, closureId);
      waiting(row);
      // Never the recommender, nor a supervisor who holds the case (unless the one-supervisor setting allows it, flagged).
      const { selfApproval } = await assertFourEyes(env, kase, row.recommended_by);
      const selfApproved = decision === 'approved' && selfApproval;
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        const result = await trx
          .updateTable('case_closures')
          .set({ status: decision, decided_by: env.session.userId, decided_at: now, decision_note: note, panel_agencies: JSON.stringify(panelAgencies), self_approved: selfApproved ? 1 : 0 })
          .where('id', '=', closureId)
          .where('status', '=', 'recommended')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'this recommendation was already decided', { params: { reason: 'decided' } });
        if (decision === 'approved') {
          await bumpVersion(trx, caseId, kase.version);
          await trx.updateTable('cases').set({ status: 'closed', stage: 'closure' }).where('id', '=', caseId).execute();
        }
        await recordCaseChange(
          env,
          trx,
          caseId,
          decision === 'approved' ? 'closure.approve' : 'closure.return',
          { closureId, reason: row.reason, panel: panelAgencies.length > 0, selfApproved },
          { reason: row.reason, note, panelAgencies, selfApproved },
        );
      });
      return present(env, caseId, closureId);
    },

    'closure.reopen': async ({ caseId, reason, note, stage }, env) => {
      const kase = await loadCase(env, caseId, 'read');
      if (kase.status !== 'closed') throw new AppError('CONFLICT', 'only a closed case can be re-opened', { params: { reason: 'notClosed' } });
      const closure = await env
        .db()
        .selectFrom('case_closures')
        .select(['id', 'stage_before'])
        .where('case_id', '=', caseId)
        .where('status', '=', 'approved')
        .orderBy('decided_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const to = stage ?? reopenStage(reason);
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, kase.version);
        // A new episode: open again at the chosen stage; the halt (if any) was settled by the closure.
        await trx
          .updateTable('cases')
          .set({ status: 'open', stage: to, halt_alternative: null, halt_reason: null, halt_child_views: null, halted_at: null, halted_by: null, halt_confirmed_by: null, halt_confirmed_at: null })
          .where('id', '=', caseId)
          .execute();
        await trx
          .insertInto('case_reopenings')
          .values({ id, case_id: caseId, closure_id: closure?.id ?? null, reason, note, stage: to, reopened_by: env.session.userId, reopened_at: now })
          .execute();
        await recordCaseChange(env, trx, caseId, 'closure.reopen', { reopeningId: id, closureId: closure?.id ?? null, reason, stage: to }, { reason, note, stage: to });
      });
      const row = await env.db().selectFrom('case_reopenings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return toReopening(row, await staffNames(env.db(), [row.reopened_by]));
    },
  });
}
