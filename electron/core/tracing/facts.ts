// Node-only. What the tracing feature tells the stage gates: is the family found?
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import { outcomeResults, type TracingResult } from '../../../shared/tracing/contract';
import type { DB } from '../db/schema';

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

export async function outcomeRows(db: Kysely<DB>, caseId: string): Promise<OutcomeRow[]> {
  return db
    .selectFrom('tracing_actions')
    .select(['id', 'date', 'result'])
    .where('case_id', '=', caseId)
    .where('removed_at', 'is', null)
    .where('result', 'in', [...outcomeResults])
    .orderBy('date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function tracingFacts(db: Kysely<DB>, caseId: string): Promise<Partial<CaseFacts>> {
  return { familyFound: tracingOutcome(await outcomeRows(db, caseId)).familyFound };
}
