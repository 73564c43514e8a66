// Node-only. Anchors of the audit chain: its head (hash of the last entry) and length, copied
// outside the machine — into every backup's manifest now, into transfer receipts and the printed
// review summary later. Each entry's hash covers every entry before it, so an office holding an
// older anchor can tell whether today's log still contains exactly that history: even someone with
// the data key who rewrites the log and re-hashes the whole chain cannot match an anchor kept
// elsewhere (on a USB drive, in the receiving office, on paper).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { GENESIS } from './audit';

type Db = Kysely<DB> | Transaction<DB>;

export interface AuditAnchor {
  /** Hash of the last entry (the genesis value for an empty log). */
  headHash: string;
  /** Number of entries; the head is the count-th entry in id order. */
  count: number;
  /** When the anchor was taken (ISO, UTC). */
  at: string;
}

/** The chain's head now; call inside a transaction to anchor exactly what that transaction wrote. */
export async function auditAnchor(db: Db, now: Date = new Date()): Promise<AuditAnchor> {
  const last = await db.selectFrom('audit_log').select(['hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const { count } = await db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return { headHash: last?.hash ?? GENESIS, count: Number(count), at: now.toISOString() };
}

export type AnchorCheck = 'matches' | 'missing' | 'different';

/**
 * Does the log still hold the history the anchor saw? 'missing': fewer entries than the anchor
 * counted (history cut); 'different': the entry at the anchor's position has another hash
 * (history rewritten). Combine with verifyAudit: the chain must also be intact from there on.
 */
export async function checkAnchor(db: Db, anchor: Pick<AuditAnchor, 'headHash' | 'count'>): Promise<AnchorCheck> {
  if (anchor.count === 0) return anchor.headHash === GENESIS ? 'matches' : 'different';
  const row = await db
    .selectFrom('audit_log')
    .select(['hash'])
    .orderBy('id')
    .limit(1)
    .offset(anchor.count - 1)
    .executeTakeFirst();
  if (!row) return 'missing';
  return row.hash === anchor.headHash ? 'matches' : 'different';
}
