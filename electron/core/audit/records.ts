// Node-only. Verify for the case data: every case's last audited state must be its state now.
import type { RawDatabase } from '../db/open';
import { absentCaseStateHash, allCaseStateHashes, caseStateHash } from './state';

export interface RecordsStatus {
  /** Cases whose state was compared with an audited one. */
  checked: number;
  /** Cases whose rows differ from the state their last audited change left (first 100). */
  changed: { caseId: string; auditId: number }[];
  changedCount: number;
  /** Cases with no audited state yet (created before this check existed, or outside the app). */
  unanchored: number;
}

export function verifyCaseStates(raw: RawDatabase): RecordsStatus {
  const audited = raw
    .prepare(
      `SELECT entity_id AS caseId, state_hash AS stateHash, max(id) AS auditId FROM audit_log
        WHERE entity_type = 'case' AND state_hash IS NOT NULL AND entity_id IS NOT NULL GROUP BY entity_id`,
    )
    .all() as { caseId: string; stateHash: string; auditId: number }[];
  // Few anchored cases: one indexed query per table and case. Many: one ordered scan per table.
  const ids = audited.map((a) => a.caseId);
  const current =
    ids.length < 5000 ? new Map(ids.map((id) => [id, caseStateHash(raw, id)])) : allCaseStateHashes(raw, new Set(ids));
  const absent = absentCaseStateHash();
  const changed: RecordsStatus['changed'] = [];
  let changedCount = 0;
  const auditedIds = new Set<string>();
  for (const entry of audited) {
    auditedIds.add(entry.caseId);
    if ((current.get(entry.caseId) ?? absent) !== entry.stateHash) {
      changedCount += 1;
      if (changed.length < 100) changed.push({ caseId: entry.caseId, auditId: entry.auditId });
    }
  }
  const caseIds = raw.prepare(`SELECT id FROM cases`).pluck().all() as string[];
  const unanchored = caseIds.filter((id) => !auditedIds.has(id)).length;
  return { checked: audited.length, changed, changedCount, unanchored };
}
