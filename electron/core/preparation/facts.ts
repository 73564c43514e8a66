// Node-only. What the preparation feature tells the stage gates.
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import { unfinishedItemStatuses } from '../../../shared/preparation/schemas';
import type { DB } from '../db/schema';

export async function preparationFacts(db: Kysely<DB>, caseId: string): Promise<Partial<CaseFacts>> {
  const care = await db.selectFrom('preparation_care').select('id').where('case_id', '=', caseId).limit(1).executeTakeFirst();
  const monitor = await db.selectFrom('preparation_monitors').select('case_id').where('case_id', '=', caseId).executeTakeFirst();
  const open = await db
    .selectFrom('preparation_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('status', 'in', [...unfinishedItemStatuses])
    .executeTakeFirst();
  return {
    careArrangement: Boolean(care),
    monitorAssigned: Boolean(monitor),
    preparationOpenItems: Number(open?.n ?? 0),
  };
}
