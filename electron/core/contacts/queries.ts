// Node-only. Contacts other features read: planned contacts for "my work".
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { idList } from '../cases/facts-many';

export interface PlannedContact {
  caseId: string;
  contactId: string;
  kind: string;
  plannedFor: string;
}

/** Planned (not yet held, not cancelled) contacts of these cases, soonest first (overdue ones lead). */
export async function plannedContacts(db: Kysely<DB>, caseIds: readonly string[], limit = 50): Promise<PlannedContact[]> {
  if (caseIds.length === 0 || limit <= 0) return [];
  // The ids as one JSON parameter (a worker may hold thousands of cases): one query, one sort. The
  // partial index of planned contacts (status a literal) holds every column read: left to choose,
  // SQLite took the (case, status) index and read each contact's row.
  const { rows } = await sql<{ case_id: string; id: string; kind: string; planned_for: string | null }>`
    SELECT case_id, id, kind, planned_for FROM contacts INDEXED BY contacts_planned
     WHERE status = 'planned' AND case_id IN ${idList(caseIds)}
     ORDER BY planned_for, id LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ caseId: r.case_id, contactId: r.id, kind: r.kind, plannedFor: r.planned_for ?? '' }));
}
