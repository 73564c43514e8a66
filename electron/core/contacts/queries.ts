// Node-only. Contacts other features read: planned contacts for "my work".
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface PlannedContact {
  caseId: string;
  contactId: string;
  kind: string;
  plannedFor: string;
}

/** SQLite caps bound parameters per statement; a worker (or a supervisor) may hold thousands of cases. */
const CHUNK = 500;

/** Planned (not yet held, not cancelled) contacts of these cases, soonest first (overdue ones lead). */
export async function plannedContacts(db: Kysely<DB>, caseIds: string[], limit = 50): Promise<PlannedContact[]> {
  if (caseIds.length === 0 || limit <= 0) return [];
  const found: PlannedContact[] = [];
  for (let start = 0; start < caseIds.length; start += CHUNK) {
    const rows = await db
      .selectFrom('contacts')
      .select(['case_id', 'id', 'kind', 'planned_for'])
      .where('status', '=', 'planned')
      .where('case_id', 'in', caseIds.slice(start, start + CHUNK))
      .orderBy('planned_for')
      .orderBy('id')
      .limit(limit)
      .execute();
    for (const r of rows) found.push({ caseId: r.case_id, contactId: r.id, kind: r.kind, plannedFor: r.planned_for ?? '' });
  }
  found.sort((a, b) => (a.plannedFor < b.plannedFor ? -1 : a.plannedFor > b.plannedFor ? 1 : a.contactId < b.contactId ? -1 : 1));
  return found.slice(0, limit);
}
