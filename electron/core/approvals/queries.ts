// Node-only. What other features ask of the approvals feature: the exceptions a case holds (the
// stage gates read them) and the four-eyes check every approval runs. Every decision waiting for a
// supervisor is in one query: ./queue.ts.
import type { Kysely, Transaction } from 'kysely';
import { approvalVerdict } from '../../../shared/approvals/rules';
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
