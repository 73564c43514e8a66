// Node-only. What the preparation feature tells the stage gates.
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import { unfinishedItemStatuses } from '../../../shared/preparation/schemas';
import type { DB } from '../db/schema';
import { factsFor, forCases } from '../cases/facts-many';

/** For each case, three queries for all of them. */
export async function preparationFacts(db: Kysely<DB>, caseIds: readonly string[]): Promise<Map<string, Partial<CaseFacts>>> {
  const care = new Set(
    (await forCases(caseIds, (list) => db.selectFrom('preparation_care').select('case_id').distinct().where('case_id', 'in', list).execute())).map((r) => r.case_id),
  );
  const monitored = new Set(
    (await forCases(caseIds, (list) => db.selectFrom('preparation_monitors').select('case_id').distinct().where('case_id', 'in', list).execute())).map(
      (r) => r.case_id,
    ),
  );
  const open = new Map(
    (
      await forCases(caseIds, (list) =>
        db
          .selectFrom('preparation_items')
          .select((eb) => ['case_id', eb.fn.countAll<number>().as('n')])
          .where('case_id', 'in', list)
          .where('status', 'in', [...unfinishedItemStatuses])
          .groupBy('case_id')
          .execute(),
      )
    ).map((r) => [r.case_id, Number(r.n)]),
  );
  return factsFor(caseIds, (id) => ({
    careArrangement: care.has(id),
    monitorAssigned: monitored.has(id),
    preparationOpenItems: open.get(id) ?? 0,
  }));
}
