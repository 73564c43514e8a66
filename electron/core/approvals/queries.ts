// Node-only. What other features ask of the approvals feature: the exceptions a case holds (the
// stage gates read them), the four-eyes check every approval runs, and every decision waiting for
// a supervisor — the function My work's "approvals waiting" list and the case list's "awaiting
// approval" filter call (`pendingApprovals`).
import type { Kysely, Transaction } from 'kysely';
import { approvalVerdict, type ApprovalKind } from '../../../shared/approvals/rules';
import type { PendingApproval } from '../../../shared/approvals/contract';
import { AppError } from '../../../shared/contract/errors';
import type { DB } from '../db/schema';
import type { HandlerEnv } from '../handler';
import { readPractice } from '../practice/settings';

type Db = Kysely<DB> | Transaction<DB>;

/** Gate ids a supervisor approved an exception for, on this case. */
export async function approvedExceptions(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('gate_exceptions')
    .select('gate_id')
    .distinct()
    .where('case_id', '=', caseId)
    .where('status', '=', 'approved')
    .execute();
  return rows.map((r) => r.gate_id);
}

/**
 * Refuses an approval by the person who submitted it or who holds the case (four eyes, G:L292),
 * unless the office allows a sole supervisor to; returns whether it is such a self-approval, to
 * be flagged on the approved record.
 */
export async function assertFourEyes(
  env: HandlerEnv,
  kase: { worker_id: string | null; family_worker_id: string | null },
  submittedBy: string | null,
): Promise<{ selfApproval: boolean }> {
  const practice = await readPractice(env.db());
  const verdict = approvalVerdict({
    approverId: env.session.userId,
    submittedBy,
    caseWorkerIds: [kase.worker_id, kase.family_worker_id],
    oneSupervisorMode: practice.oneSupervisorMode,
  });
  if (!verdict.ok) {
    throw new AppError('SELF_APPROVAL', 'another supervisor must approve this', { params: { reason: verdict.reason } });
  }
  return { selfApproval: verdict.selfApproval };
}

const childName = (r: { given_name: string; family_name: string }) => `${r.given_name} ${r.family_name}`.trim();

/**
 * Every decision waiting for a supervisor, oldest first: gate exceptions, submitted BIDs, plan
 * versions in force but not yet approved. `canDecide` applies the four-eyes rule for `userId`.
 * Scope: supervisors see the whole office, so no case filter is needed; callers that are not
 * supervisors must not reach this (the channel requires case.approve).
 */
export async function pendingApprovals(
  db: Db,
  userId: string,
  kinds: readonly ApprovalKind[] = ['gateException', 'bid', 'plan'],
  limit = 200,
): Promise<PendingApproval[]> {
  const practice = await readPractice(db);
  const items: (PendingApproval & { workers: (string | null)[]; by: string | null })[] = [];
  const caseCols = ['cases.id as case_id', 'cases.number', 'cases.given_name', 'cases.family_name', 'cases.worker_id', 'cases.family_worker_id'] as const;
  if (kinds.includes('gateException')) {
    const rows = await db
      .selectFrom('gate_exceptions')
      .innerJoin('cases', 'cases.id', 'gate_exceptions.case_id')
      .leftJoin('users', 'users.id', 'gate_exceptions.requested_by')
      .select([...caseCols, 'gate_exceptions.id', 'gate_exceptions.gate_id', 'gate_exceptions.requested_at', 'gate_exceptions.requested_by', 'users.display_name'])
      .where('gate_exceptions.status', '=', 'pending')
      .where('cases.status', '!=', 'closed')
      .orderBy('gate_exceptions.requested_at')
      .limit(limit)
      .execute();
    for (const r of rows) {
      items.push({ kind: 'gateException', caseId: r.case_id, number: r.number, childName: childName(r), itemId: r.id, subject: r.gate_id, requestedAt: r.requested_at, requestedByName: r.display_name, canDecide: true, workers: [r.worker_id, r.family_worker_id], by: r.requested_by });
    }
  }
  if (kinds.includes('bid')) {
    const rows = await db
      .selectFrom('bids')
      .innerJoin('cases', 'cases.id', 'bids.case_id')
      .leftJoin('users', 'users.id', 'bids.submitted_by')
      .select([...caseCols, 'bids.id', 'bids.decision', 'bids.submitted_at', 'bids.submitted_by', 'users.display_name'])
      .where('bids.status', '=', 'submitted')
      .where('cases.status', '!=', 'closed')
      .orderBy('bids.submitted_at')
      .limit(limit)
      .execute();
    for (const r of rows) {
      items.push({ kind: 'bid', caseId: r.case_id, number: r.number, childName: childName(r), itemId: r.id, subject: r.decision ?? '', requestedAt: r.submitted_at ?? '', requestedByName: r.display_name, canDecide: true, workers: [r.worker_id, r.family_worker_id], by: r.submitted_by });
    }
  }
  if (kinds.includes('plan')) {
    const rows = await db
      .selectFrom('plan_versions')
      .innerJoin('cases', 'cases.id', 'plan_versions.case_id')
      .leftJoin('users', 'users.id', 'plan_versions.created_by')
      .select([...caseCols, 'plan_versions.id', 'plan_versions.version', 'plan_versions.updated_at', 'plan_versions.created_by', 'users.display_name'])
      .where('plan_versions.status', '=', 'current')
      .where('plan_versions.approved_at', 'is', null)
      .where('cases.status', '!=', 'closed')
      .orderBy('plan_versions.updated_at')
      .limit(limit)
      .execute();
    for (const r of rows) {
      items.push({ kind: 'plan', caseId: r.case_id, number: r.number, childName: childName(r), itemId: r.id, subject: String(r.version), requestedAt: r.updated_at, requestedByName: r.display_name, canDecide: true, workers: [r.worker_id, r.family_worker_id], by: r.created_by });
    }
  }
  return items
    .map(({ workers, by, ...item }) => ({
      ...item,
      canDecide: approvalVerdict({ approverId: userId, submittedBy: by, caseWorkerIds: workers, oneSupervisorMode: practice.oneSupervisorMode }).ok,
    }))
    .sort((a, b) => (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : 0))
    .slice(0, limit);
}
