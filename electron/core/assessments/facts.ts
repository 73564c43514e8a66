// Node-only. What the assessments feature tells the stage gates: which kinds of assessment have
// been completed for the case (a draft does not count).
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';

export async function assessmentsFacts(db: Kysely<DB>, caseId: string): Promise<Partial<CaseFacts>> {
  const rows = await db
    .selectFrom('assessments')
    .select('kind')
    .distinct()
    .where('case_id', '=', caseId)
    .where('status', '=', 'completed')
    .execute();
  const kinds = new Set(rows.map((r) => r.kind));
  return {
    childAssessed: kinds.has('child'),
    familyAssessed: kinds.has('family'),
    communityAssessed: kinds.has('community'),
  };
}
