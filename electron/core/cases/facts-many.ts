// Node-only. Helpers for the stage-gate facts read for many cases at once (My work reads them for
// up to 200 cases: one query per feature for all of them, not one per case — issue 9). Each
// feature's contributor is written once, for a list of cases; the case file calls it with one.
import type { CaseFacts } from '../../../shared/cases/stages';

/** SQLite binds at most 32 766 parameters; chunks of 500 keep each IN list cheap to plan. */
const CHUNK = 500;

/** Runs `query` over `ids` in chunks and concatenates the rows, in chunk order. */
export async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) rows.push(...(await query(ids.slice(start, start + CHUNK))));
  return rows;
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
