// Node-only. What the plans feature tells the stage gates.
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';
import { factsFor, forCases } from '../cases/facts-many';

/** A current version is, by construction, one the family acknowledged. One query for all cases. */
export async function plansFacts(db: Kysely<DB>, caseIds: readonly string[]): Promise<Map<string, Partial<CaseFacts>>> {
  const current = new Set(
    (
      await forCases(caseIds, (list) =>
        db.selectFrom('plan_versions').select('case_id').where('case_id', 'in', list).where('status', '=', 'current').execute(),
      )
    ).map((r) => r.case_id),
  );
  return factsFor(caseIds, (id) => ({ planAcknowledged: current.has(id) }));
}
