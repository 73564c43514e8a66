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
  // The ids as one JSON parameter (a worker may hold thousands of cases): one query, one sort.
  const rows = await db
    .selectFrom('contacts')
    .select(['case_id', 'id', 'kind', 'planned_for'])
    // A literal, so the partial index of planned contacts (case_id, planned_for) can serve it.
    .where('status', '=', sql.lit('planned'))
    .where('case_id', 'in', idList(caseIds))
    .orderBy('planned_for')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, contactId: r.id, kind: r.kind, plannedFor: r.planned_for ?? '' }));
}
