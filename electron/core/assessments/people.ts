// Node-only. Display names of the staff who recorded things, looked up in one query per answer.
// (Kept here for the tracing, assessments, safety and bid features, which all show "recorded by".)
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

export async function staffNames(db: Kysely<DB> | Transaction<DB>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** A name from the map, or null. */
export const nameOf = (names: Map<string, string>, id: string | null): string | null => (id ? (names.get(id) ?? null) : null);
