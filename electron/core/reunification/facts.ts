// Node-only. What the reunification feature tells the stage gates: a reunification record that
// holds the caregivers' written willingness to resume care (who stated it, and the signed or
// scanned statement).
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';
import { factsFor, forCases } from '../cases/facts-many';

/** For each case, one query for all of them. */
export async function reunificationFacts(db: Kysely<DB>, caseIds: readonly string[]): Promise<Map<string, Partial<CaseFacts>>> {
  const recorded = new Set(
    (
      await forCases(caseIds, (list) =>
        db
          .selectFrom('reunifications')
          .innerJoin('reunification_willingness_documents as doc', 'doc.case_id', 'reunifications.case_id')
          .select('reunifications.case_id')
          .distinct()
          .where('reunifications.case_id', 'in', list)
          .where('reunifications.willingness_stated_by', '!=', '')
          .execute(),
      )
    ).map((r) => r.case_id),
  );
  return factsFor(caseIds, (id) => ({ reunificationRecorded: recorded.has(id) }));
}
