// Node-only. What the plans feature tells the stage gates.
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';

/** A current version is, by construction, one the family acknowledged. */
export async function plansFacts(db: Kysely<DB>, caseId: string): Promise<Partial<CaseFacts>> {
  const current = await db
    .selectFrom('plan_versions')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', '=', 'current')
    .executeTakeFirst();
  return { planAcknowledged: Boolean(current) };
}
