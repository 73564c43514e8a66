// Node-only. What the reunification feature tells the stage gates: a reunification record that
// holds the caregivers' written willingness to resume care (who stated it, and the signed or
// scanned statement).
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';

export async function reunificationFacts(db: Kysely<DB>, caseId: string): Promise<Partial<CaseFacts>> {
  const row = await db
    .selectFrom('reunifications')
    .innerJoin('reunification_willingness_documents as doc', 'doc.case_id', 'reunifications.case_id')
    .select('reunifications.case_id')
    .where('reunifications.case_id', '=', caseId)
    .where('reunifications.willingness_stated_by', '!=', '')
    .executeTakeFirst();
  return { reunificationRecorded: Boolean(row) };
}
