// Node-only. What the tracing feature tells the stage gates: is the family found?
import { sql, type Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import { outcomeResults, type TracingResult } from '../../../shared/tracing/contract';
import type { DB } from '../db/schema';
import { byCase, factsFor, forCases } from '../cases/facts-many';

interface OutcomeRow {
  id: string;
  date: string;
  result: string;
}

/**
 * The family outcome from the live actions in log order (date, then entry order): the latest
 * outcome-bearing result decides (see `outcomeResults`).
 */
export function tracingOutcome(ordered: OutcomeRow[]) {
  let last: OutcomeRow | null = null;
  for (const row of ordered) if (outcomeResults.includes(row.result as TracingResult)) last = row;
  const found = last?.result === 'family_found' ? last : null;
  return {
    familyFound: found !== null,
    foundActionId: found?.id ?? null,
    foundOn: found?.date ?? null,
    lastOutcome: last && !found ? (last.result as TracingResult) : null,
  };
}

/** Is the family found, for each case: one query for all of them (My work reads up to 200). */
export async function tracingFacts(db: Kysely<DB>, caseIds: readonly string[]): Promise<Map<string, Partial<CaseFacts>>> {
  // The index of live actions in log order holds every column read: no table row, no sort.
  const rows = await forCases(caseIds, async (list) =>
    (
      await sql<OutcomeRow & { case_id: string }>`
        SELECT case_id, id, date, result FROM tracing_actions INDEXED BY tracing_actions_live
         WHERE case_id IN ${list} AND removed_at IS NULL AND result IN (${sql.join([...outcomeResults])})
         ORDER BY case_id, date, created_at, id`.execute(db)
    ).rows,
  );
  const grouped = byCase(rows);
  return factsFor(caseIds, (id) => ({ familyFound: tracingOutcome(grouped.get(id) ?? []).familyFound }));
}
