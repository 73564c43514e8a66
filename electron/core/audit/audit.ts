// Node-only. The append-only, hash-chained audit log. Each entry's hash covers the previous hash
// and every field, so editing or deleting an entry breaks the chain from that point on; the head
// kept outside the database (in the key-slot file) shows a log cut short at the end.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditChainStatus, AuditEntry } from '../../../shared/audit/contract';
import type { DB } from '../db/schema';

export const GENESIS = '0'.repeat(64);

export interface AuditEvent {
  action: string;
  userId?: string | null;
  username?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  details?: Record<string, unknown> | null;
  at?: string;
  /** Hash of the changed record's new state (see state.ts); chained with the entry. */
  stateHash?: string | null;
}

interface Row {
  id: number;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
  state_hash?: string | null;
}

export function entryHash(prevHash: string, row: Omit<Row, 'id' | 'hash' | 'prev_hash'>): string {
  const fields: (string | null)[] = [
    prevHash,
    row.at,
    row.user_id,
    row.username,
    row.action,
    row.entity_type,
    row.entity_id,
    row.details,
  ];
  // Entries written before migration 7 (and entries about no record) hash exactly as they did.
  if (row.state_hash != null) fields.push(row.state_hash);
  const canonical = JSON.stringify(fields);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

type Db = Kysely<DB> | Transaction<DB>;

/** Appends one entry; call inside the transaction of the change it records. */
export async function appendAudit(db: Db, event: AuditEvent): Promise<{ id: number; hash: string }> {
  const last = await db.selectFrom('audit_log').select(['hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    at: event.at ?? new Date().toISOString(),
    user_id: event.userId ?? null,
    username: event.username ?? null,
    action: event.action,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId ?? null,
    details: event.details ? JSON.stringify(event.details) : null,
    state_hash: event.stateHash ?? null,
  };
  const hash = entryHash(prevHash, row);
  const inserted = await db
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: inserted.id, hash };
}

export function toAuditEntry(row: Row): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    hash: row.hash,
  };
}

/**
 * Walks the chain in id order, in pages, so memory stays flat on a large log — from the start, or
 * from a checkpoint (an entry verified before, whose hash must be unchanged), which makes the usual
 * check cost only the entries added since. `verifiedTo` is the last entry of an intact walk.
 */
export async function verifyAudit(
  db: Db,
  head: { id: number; hash: string } | null,
  from: { id: number; hash: string } | null = null,
): Promise<AuditChainStatus & { verifiedTo: { id: number; hash: string } | null }> {
  let prevHash = GENESIS;
  let lastId = 0;
  let checked = 0;
  const broken = (id: number, problem: AuditChainStatus['problem']) => ({
    intact: false,
    checked,
    brokenAtId: id,
    problem,
    verifiedTo: null,
  });
  if (from) {
    const atCheckpoint = await db.selectFrom('audit_log').select(['hash']).where('id', '=', from.id).executeTakeFirst();
    if (!atCheckpoint) return broken(from.id, 'truncated');
    if (atCheckpoint.hash !== from.hash) return broken(from.id, 'edited');
    prevHash = from.hash;
    lastId = from.id;
  }
  for (;;) {
    const rows = (await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(5000)
      .execute()) as Row[];
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prev_hash !== prevHash || row.id !== lastId + 1) {
        // Ids come from AUTOINCREMENT, so a gap means an entry was deleted; a broken link without
        // a gap means the previous entry was altered and re-hashed.
        return broken(row.id, row.id !== lastId + 1 ? 'deleted' : 'edited');
      }
      if (entryHash(row.prev_hash, row) !== row.hash) return broken(row.id, 'edited');
      prevHash = row.hash;
      lastId = row.id;
      checked += 1;
    }
  }
  const headProblem = await checkHead(db, head, lastId);
  if (headProblem) return broken(headProblem.id, headProblem.problem);
  return { intact: true, checked, brokenAtId: null, problem: null, verifiedTo: lastId > 0 ? { id: lastId, hash: prevHash } : null };
}

/** The head kept outside the database shows a log cut short at the end. */
export async function checkHead(
  db: Db,
  head: { id: number; hash: string } | null,
  lastId: number,
): Promise<{ id: number; problem: 'truncated' | 'edited' } | null> {
  if (!head) return null;
  if (head.id > lastId) return { id: lastId + 1, problem: 'truncated' };
  const atHead = await db.selectFrom('audit_log').select(['hash']).where('id', '=', head.id).executeTakeFirst();
  if (!atHead || atHead.hash !== head.hash) return { id: head.id, problem: 'edited' };
  return null;
}
