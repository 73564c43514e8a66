// Node-only. Record scope for case content, checked on every case channel: a case worker reaches
// the cases assigned to them (as the child's or the family's worker), a supervisor every case of
// the office, an administrator none. Also the one way a feature records a change to a case: an
// audit entry (ids and kinds only — administrators read the audit log, not case content) and a
// timeline event, in the caller's transaction.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { can } from '../../../shared/permissions';
import type { DB } from '../db/schema';
import type { HandlerEnv, Session } from '../handler';
import { caseTransferState } from '../transfer/state';
import type { CasesTable } from './tables';
import { happenedOn } from './paper';

export type CaseDbRow = Selectable<CasesTable>;
type Db = Kysely<DB> | Transaction<DB>;

export function inScope(session: Session, row: Pick<CaseDbRow, 'worker_id' | 'family_worker_id'>): boolean {
  if (!can(session.role, 'case.read')) return false;
  if (can(session.role, 'case.readAll')) return true;
  return row.worker_id === session.userId || row.family_worker_id === session.userId;
}

/**
 * Loads a case the caller may reach, or throws NOT_FOUND / OUT_OF_SCOPE (audited). For 'write',
 * also refuses closed cases and callers without case.write.
 */
export async function loadCase(env: HandlerEnv, caseId: string, mode: 'read' | 'write'): Promise<CaseDbRow> {
  const session = env.session;
  const row = await env.db().selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such case');
  if (!inScope(session, row)) {
    await env.audit(env.db(), { action: 'case.accessDenied', entityType: 'case', entityId: caseId, details: { mode } });
    throw new AppError('OUT_OF_SCOPE', 'this case is not assigned to you');
  }
  if (mode === 'write') {
    if (!can(session.role, 'case.write')) throw new AppError('FORBIDDEN', 'your role does not allow this');
    if (row.status === 'closed') throw new AppError('CASE_CLOSED', 'this case is closed and read-only', { params: { reason: 'closed' } });
    // A case another office accepted is kept here read-only (transfer/state.ts).
    if ((await caseTransferState(env.db(), caseId)) === 'transferred') {
      throw new AppError('CONFLICT', 'this case was transferred to another office', { params: { reason: 'transferred' } });
    }
  }
  return row;
}

/** Records a view of a case (or of one of its parts) in the audit log. */
export async function recordCaseView(env: HandlerEnv, caseId: string, part: string): Promise<void> {
  await env.audit(env.db(), { action: 'case.view', entityType: 'case', entityId: caseId, details: { part } });
}

/**
 * Records a change: audit entry + timeline event + the case's updated_at, all in `trx`.
 * `auditDetails` must hold ids, kinds and field names only; `timeline` may carry what the case
 * file's readers should see in the timeline (kinds, dates, outcomes).
 */
export async function recordCaseChange(
  env: HandlerEnv,
  trx: Db,
  caseId: string,
  type: string,
  auditDetails: Record<string, unknown> = {},
  timeline: Record<string, unknown> | null = null,
): Promise<void> {
  const at = env.now().toISOString();
  // Back-entry from paper: a change that happened before the case was registered (allowed only for
  // a paper case, cases/paper.ts) says so in the audit log and the timeline, with its real date —
  // beside the entry's own time and user (who entered it, when).
  const happened = happenedOn(timeline);
  if (happened) {
    const kase = await trx.selectFrom('cases').select(['registered_at', 'paper_since']).where('id', '=', caseId).executeTakeFirst();
    if (kase?.paper_since && happened < kase.registered_at.slice(0, 10)) {
      auditDetails = { ...auditDetails, backEntered: true, happenedOn: happened };
      timeline = { ...timeline, backEntered: true, happenedOn: happened };
    }
  }
  await env.audit(trx, { action: type, entityType: 'case', entityId: caseId, details: auditDetails, at });
  await trx
    .insertInto('case_events')
    .values({
      case_id: caseId,
      at,
      user_id: env.session.userId,
      type,
      details: timeline ? JSON.stringify(timeline) : null,
    })
    .execute();
  await trx.updateTable('cases').set({ updated_at: at }).where('id', '=', caseId).execute();
}

/** Optimistic concurrency for the case header: a stale form is refused, not silently merged. */
export async function bumpVersion(trx: Db, caseId: string, expected: number): Promise<void> {
  const result = await trx
    .updateTable('cases')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .where('version', '=', expected)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', 'someone else changed this case; reload it', { params: { reason: 'version' } });
  }
}
