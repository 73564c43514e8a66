// Node-only. Where a case stands in transfers, from its latest transfer: sent and waiting
// ("pending": this office stays responsible), accepted by the other office ("transferred": the case
// here is read-only and retained, G:L293), or received from another office.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

export type CaseTransferState = 'none' | 'pending' | 'transferred' | 'received';

export async function caseTransferState(db: Kysely<DB> | Transaction<DB>, caseId: string): Promise<CaseTransferState> {
  const latest = await db
    .selectFrom('transfers')
    .select(['direction', 'status'])
    .where('case_id', '=', caseId)
    .where('status', '!=', 'rejected')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return 'none';
  if (latest.direction === 'in') return 'received';
  return latest.status === 'pending' ? 'pending' : 'transferred';
}

/** The audit chain's head and length, copied into receipts and sent files as an anchor. */
export async function auditAnchor(db: Kysely<DB> | Transaction<DB>): Promise<{ headHash: string; count: number }> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return { headHash: last?.hash ?? '0'.repeat(64), count: last?.id ?? 0 };
}
