// Node-only. Gate exceptions: a worker asks, with a reason, to let a case past one gate; another
// supervisor approves (four eyes) or refuses with a note. Nothing is deleted: a withdrawn or
// refused request stays on record, and the case file, timeline and audit log show each step.
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { GateException } from '../../../shared/approvals/contract';
import { AppError } from '../../../shared/contract/errors';
import { nameOf, staffNames } from '../assessments/people';
import { bumpVersion, loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { assertFourEyes } from './queries';
import { approvalQueue } from './queue';
import type { GateExceptionsTable } from './tables';

type Row = Selectable<GateExceptionsTable>;

function toException(row: Row, names: Map<string, string>): GateException {
  return {
    id: row.id,
    caseId: row.case_id,
    gateId: row.gate_id,
    reasonKind: row.reason_kind,
    reason: row.reason,
    status: row.status,
    requestedBy: row.requested_by,
    requestedByName: nameOf(names, row.requested_by),
    requestedAt: row.requested_at,
    decidedByName: nameOf(names, row.decided_by),
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    selfApproved: row.self_approved === 1,
  };
}

export function createApprovalsHandlers(_deps: CoreDeps) {
  async function present(env: HandlerEnv, row: Row): Promise<GateException> {
    return toException(row, await staffNames(env.db(), [row.requested_by, row.decided_by]));
  }

  async function exceptionOf(env: HandlerEnv, caseId: string, id: string): Promise<Row> {
    const row = await env.db().selectFrom('gate_exceptions').selectAll().where('id', '=', id).where('case_id', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'no such exception request');
    return row;
  }

  /** Moves a pending request on; a request someone else already decided is refused, not overwritten. */
  async function settle(env: HandlerEnv, row: Row, set: Partial<Row>, event: string, timeline: Record<string, unknown>): Promise<GateException> {
    await env.tx(async (trx) => {
      const result = await trx.updateTable('gate_exceptions').set(set).where('id', '=', row.id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'this request was already decided', { params: { reason: 'decided' } });
      await recordCaseChange(env, trx, row.case_id, event, { exceptionId: row.id, gateId: row.gate_id, status: set.status, selfApproved: set.self_approved === 1 }, timeline);
    });
    return present(env, await exceptionOf(env, row.case_id, row.id));
  }

  return defineHandlers({
    'approvals.listExceptions': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const rows = await env.db().selectFrom('gate_exceptions').selectAll().where('case_id', '=', caseId).orderBy('requested_at', 'desc').execute();
      const names = await staffNames(env.db(), rows.flatMap((r) => [r.requested_by, r.decided_by]));
      await recordCaseView(env, caseId, 'exceptions');
      return rows.map((r) => toException(r, names));
    },

    'approvals.requestException': async ({ caseId, gateId, reasonKind, reason }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      if (kase.status !== 'open') throw new AppError('CONFLICT', 'this case is halted or closed', { params: { reason: kase.status } });
      const open = await env
        .db()
        .selectFrom('gate_exceptions')
        .select('status')
        .where('case_id', '=', caseId)
        .where('gate_id', '=', gateId)
        .where('status', 'in', ['pending', 'approved'])
        .executeTakeFirst();
      if (open) throw new AppError('CONFLICT', 'an exception for this gate is already pending or approved', { params: { reason: `exception_${open.status}` } });
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await trx
          .insertInto('gate_exceptions')
          .values({ id, case_id: caseId, gate_id: gateId, reason_kind: reasonKind, reason, status: 'pending', requested_by: env.session.userId, requested_at: now, decided_by: null, decided_at: null, decision_note: '', self_approved: 0 })
          .execute();
        await recordCaseChange(env, trx, caseId, 'exception.request', { exceptionId: id, gateId, reasonKind }, { gateId, reasonKind, reason });
      });
      return present(env, await exceptionOf(env, caseId, id));
    },

    'approvals.decideException': async ({ caseId, exceptionId, decision, note }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const row = await exceptionOf(env, caseId, exceptionId);
      if (row.status !== 'pending') throw new AppError('CONFLICT', 'this request was already decided', { params: { reason: 'decided' } });
      const { selfApproval } = await assertFourEyes(env, kase, row.requested_by);
      return settle(
        env,
        row,
        { status: decision, decided_by: env.session.userId, decided_at: env.now().toISOString(), decision_note: note, self_approved: decision === 'approved' && selfApproval ? 1 : 0 },
        decision === 'approved' ? 'exception.approve' : 'exception.refuse',
        { gateId: row.gate_id, note, selfApproved: decision === 'approved' && selfApproval },
      );
    },

    'approvals.withdrawException': async ({ caseId, exceptionId }, env) => {
      await loadCase(env, caseId, 'write');
      const row = await exceptionOf(env, caseId, exceptionId);
      if (row.status !== 'pending') throw new AppError('CONFLICT', 'only a pending request can be withdrawn', { params: { reason: row.status } });
      return settle(env, row, { status: 'withdrawn', decided_at: env.now().toISOString() }, 'exception.withdraw', { gateId: row.gate_id });
    },

    'approvals.confirmHalt': async ({ caseId, version, note }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      if (kase.status !== 'halted' || kase.halt_confirmed_at !== null) {
        throw new AppError('CONFLICT', 'this case has no halt waiting for confirmation', { params: { reason: 'noHaltWaiting' } });
      }
      const { selfApproval } = await assertFourEyes(env, kase, kase.halted_by);
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, version);
        await trx.updateTable('cases').set({ halt_confirmed_by: env.session.userId, halt_confirmed_at: env.now().toISOString() }).where('id', '=', caseId).execute();
        await recordCaseChange(env, trx, caseId, 'case.haltConfirm', { alternative: kase.halt_alternative, selfApproved: selfApproval }, { alternative: kase.halt_alternative, note, selfApproved: selfApproval });
      });
      return { caseId, confirmedAt: env.now().toISOString() };
    },

    'approvals.pending': async ({ kinds }, env) => {
      const items = await approvalQueue(env.db(), env.session, env.now(), { kinds });
      const since = new Date(env.now().getTime() - 90 * 86_400_000).toISOString();
      const counts = await env
        .db()
        .selectFrom('gate_exceptions')
        .select((eb) => ['gate_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('self_approved').as('self')])
        .where('status', '=', 'approved')
        .where('decided_at', '>=', since)
        .groupBy('gate_id')
        .orderBy('gate_id')
        .execute();
      await env.audit(env.db(), { action: 'case.list', entityType: 'case', details: { view: 'approvals', count: items.length } });
      return { items, approvedExceptions: counts.map((c) => ({ gateId: c.gate_id, count: Number(c.n), selfApproved: Number(c.self ?? 0) })) };
    },
  });
}
