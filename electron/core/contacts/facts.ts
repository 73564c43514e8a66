// Node-only. What the contacts feature tells the stage gates: a supervised home visit succeeded.
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';

export async function contactsFacts(db: Kysely<DB>, caseId: string): Promise<Partial<CaseFacts>> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', '=', 'held')
    .where('kind', '=', 'supervised_visit')
    .where('outcome', '=', 'successful')
    .limit(1)
    .executeTakeFirst();
  return { supervisedVisitSucceeded: Boolean(row) };
}
