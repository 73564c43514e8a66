// Node-only. What the plan channels share: their errors, the earliest date an event may carry, and
// the writes both the acknowledgement and the progress channels make (objective status, review due).
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import { AppError, type ValidationIssue } from '../../../shared/contract/errors';
import type { ObjectiveStatus } from '../../../shared/plans/schemas';
import { eventFloor } from '../cases/paper';
import type { DB } from '../db/schema';
import type { HandlerEnv } from '../handler';
import { versionRow } from './read';

export const conflict = (reason: string, message: string) => new AppError('CONFLICT', message, { params: { reason } });

export function invalid(issues: ValidationIssue[], message = 'the plan is not complete'): AppError {
  return new AppError('VALIDATION', message, { issues });
}

export function invalidDate(path: (string | number)[], code: string, message: string): AppError {
  return new AppError('INVALID_DATE', message, { issues: [{ path, code, message: code }], params: { field: path.join('.') } });
}

// The earliest date an event may carry: registration, or the paper file's start (cases/paper.ts).
export const registeredOn = eventFloor;

/** Sets an objective of the current version to a status, mirroring it into the draft's copy
 *  unless the draft already says something else (the worker's later decision wins). */
export async function setObjectiveStatus(
  trx: Transaction<DB>,
  caseId: string,
  objective: { id: string; objective_key: string; status: ObjectiveStatus },
  status: ObjectiveStatus,
  at: string,
): Promise<void> {
  if (objective.status === status) return;
  await trx.updateTable('plan_objectives').set({ status, updated_at: at }).where('id', '=', objective.id).execute();
  const draft = await versionRow(trx, caseId, 'draft');
  if (draft) {
    await trx
      .updateTable('plan_objectives')
      .set({ status, updated_at: at })
      .where('plan_version_id', '=', draft.id)
      .where('objective_key', '=', objective.objective_key)
      .where('status', '=', objective.status)
      .execute();
  }
}

export async function writeReviewDue(trx: Transaction<DB>, caseId: string, due: string): Promise<void> {
  await trx.updateTable('cases').set({ review_due: due }).where('id', '=', caseId).execute();
}

export async function currentObjective(env: HandlerEnv, caseId: string, objectiveId: string) {
  const row = await env
    .db()
    .selectFrom('plan_objectives')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_objectives.plan_version_id')
    .select([
      'plan_objectives.id',
      'plan_objectives.objective_key',
      'plan_objectives.status',
      'plan_objectives.domain',
      'plan_objectives.plan_version_id',
      'plan_versions.status as version_status',
    ])
    .where('plan_objectives.id', '=', objectiveId)
    .where('plan_objectives.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such objective in this case');
  if (row.version_status !== 'current') throw conflict('notCurrent', 'progress is recorded on the acknowledged plan');
  return row;
}

/** An objective's new status and the progress note that records it (a progress entry or a review's). */
export async function recordProgress(
  trx: Transaction<DB>,
  caseId: string,
  objective: { id: string; objective_key: string; status: ObjectiveStatus },
  entry: { status: ObjectiveStatus; date: string; note: string; planVersionId: string; reviewId: string | null },
  at: string,
  userId: string,
): Promise<void> {
  await setObjectiveStatus(trx, caseId, objective, entry.status, at);
  await trx
    .insertInto('plan_progress_notes')
    .values({
      id: crypto.randomUUID(),
      case_id: caseId,
      objective_key: objective.objective_key,
      plan_version_id: entry.planVersionId,
      review_id: entry.reviewId,
      date: entry.date,
      note: entry.note,
      status: entry.status,
      recorded_at: at,
      recorded_by: userId,
    })
    .execute();
}
