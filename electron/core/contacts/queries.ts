// Node-only. Contacts other features read: planned contacts for "my work".
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface PlannedContact {
  caseId: string;
  contactId: string;
  kind: string;
  plannedFor: string;
}

/** Planned (not yet held) contacts of these cases, soonest first. */
export async function plannedContacts(_db: Kysely<DB>, _caseIds: string[], _limit = 50): Promise<PlannedContact[]> {
  return [];
}
