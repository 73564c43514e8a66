// Node-only. Helpers for the stage-gate facts read for many cases at once (My work reads them for
// up to 200 cases: one query per feature for all of them, not one per case — issue 9). Each
// feature's contributor is written once, for a list of cases; the case file calls it with one.
import { sql, type RawBuilder } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';

/**
 * The case ids as one bound JSON parameter, for `where('case_id', 'in', …)`: SQLite reads them
 * with json_each and seeks the table's case index once per id. One parameter, whatever the count
 * (an IN list of bound values is capped at 32 766, and building a query of thousands of
 * placeholders cost more CPU than running it).
 */
export function idList(ids: readonly string[]): RawBuilder<string> {
  return sql<string>`(SELECT value FROM json_each(${idsJson(ids)}))`;
}

/** Each list's JSON, made once: every feature's contributor is handed the same array of ids. */
const jsonOf = new WeakMap<readonly string[], string>();
function idsJson(ids: readonly string[]): string {
  let json = jsonOf.get(ids);
  if (json === undefined) jsonOf.set(ids, (json = JSON.stringify(ids)));
  return json;
}

/** Runs `query` with the ids as one list (nothing to read for none). */
export async function forCases<T>(ids: readonly string[], query: (list: RawBuilder<string>) => Promise<T[]>): Promise<T[]> {
  return ids.length === 0 ? [] : query(idList(ids));
}

/** Groups rows by case, keeping each case's rows in the order the query returned them. */
export function byCase<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.case_id);
    if (list) list.push(row);
    else grouped.set(row.case_id, [row]);
  }
  return grouped;
}

/** The facts for every case in `ids`, from a function that reads one case's rows. */
export function factsFor(ids: readonly string[], read: (caseId: string) => Partial<CaseFacts>): Map<string, Partial<CaseFacts>> {
  return new Map(ids.map((id) => [id, read(id)]));
}
