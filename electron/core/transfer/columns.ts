// Node-only. The columns a package row carries, read from the database's own schema: every column
// of the table except BLOBs (they travel as attachments) and references to local users (a user id
// means nothing in another office). The receiving office checks rows against its own schema, so a
// field it does not know is refused rather than dropped.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

export interface ColumnInfo {
  name: string;
  type: 'TEXT' | 'INTEGER' | 'REAL';
  nullable: boolean;
  /** Another table this column points to (not users), for dropping dangling links. */
  references: string | null;
}

/** Columns of the case row that are local bookkeeping, rebuilt on import. */
export const localCaseColumns = new Set(['seq', 'number', 'office_code', 'search_text', 'risk_rank', 'birth_year_sort', 'worker_id', 'family_worker_id', 'registered_by']);

const cache = new Map<string, ColumnInfo[]>();
const safeName = /^[a-z_]+$/u;

export async function columnsOf(db: Kysely<DB> | Transaction<DB>, table: string): Promise<ColumnInfo[]> {
  const cached = cache.get(table);
  if (cached) return cached;
  if (!safeName.test(table)) throw new Error(`not a table name: ${table}`);
  const info = await sql<{ name: string; type: string; notnull: number }>`SELECT name, type, "notnull" FROM pragma_table_info(${table})`.execute(db);
  const keys = await sql<{ table: string; from: string }>`SELECT "table", "from" FROM pragma_foreign_key_list(${table})`.execute(db);
  const refs = new Map(keys.rows.map((k) => [k.from, k.table]));
  const columns = info.rows
    .filter((c) => c.type !== 'BLOB' && refs.get(c.name) !== 'users')
    .filter((c) => table !== 'cases' || !localCaseColumns.has(c.name))
    .map((c) => ({
      name: c.name,
      type: c.type as ColumnInfo['type'],
      nullable: c.notnull === 0,
      references: refs.get(c.name) ?? null,
    }));
  cache.set(table, columns);
  return columns;
}

/** Columns that point to local users: set to null on import (or to the assigned worker). */
export async function userColumnsOf(db: Kysely<DB> | Transaction<DB>, table: string): Promise<string[]> {
  const keys = await sql<{ table: string; from: string }>`SELECT "table", "from" FROM pragma_foreign_key_list(${table})`.execute(db);
  return keys.rows.filter((k) => k.table === 'users').map((k) => k.from);
}
