// Node-only. A case that comes back (or any import whose case id is already here, by lineage):
// a three-way comparison per record and field — ours (here now), theirs (the file), base (the
// package as this office last sent it). A field only one side changed takes that side; a field
// both changed differently is a conflict the user resolves. Records are matched by id, so notes
// and visits written on either side are all kept.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { FieldConflict } from '../../../shared/transfer/contract';
import { sectionKey, sectionTables, type SectionTable } from '../../../shared/transfer/package';
import type { DB } from '../db/schema';
import { columnsOf } from './columns';
import type { CaseRecords, Row } from './records';

type Db = Kysely<DB> | Transaction<DB>;
/** Bookkeeping that differs on every save; never a conflict of substance. */
const ignored = new Set(['version', 'updated_at', 'id', 'case_id']);

export interface MergePlan {
  conflicts: FieldConflict[];
  /** Field updates that apply without asking, by table and id. */
  updates: { table: string; id: string; values: Row }[];
  /** Rows only the file has. */
  inserts: { table: SectionTable; row: Row }[];
}

export async function baseRecords(db: Db, caseId: string): Promise<CaseRecords | null> {
  const last = await db
    .selectFrom('transfers')
    .select('records')
    .where('case_id', '=', caseId)
    .where('direction', '=', 'out')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? (JSON.parse(last.records) as CaseRecords) : null;
}

const same = (a: unknown, b: unknown) => a === b || (a == null && b == null);

function compareRow(table: string, ours: Row, theirs: Row, base: Row | undefined, plan: MergePlan): void {
  const values: Row = {};
  const id = String(theirs[sectionKey(table)]);
  for (const field of Object.keys(theirs)) {
    if (ignored.has(field) || same(ours[field], theirs[field])) continue;
    if (base && field in base) {
      if (same(ours[field], base[field])) values[field] = theirs[field];
      else if (!same(theirs[field], base[field])) {
        plan.conflicts.push({ key: `${table}:${id}:${field}`, table, id, field, ours: ours[field], theirs: theirs[field], base: base[field], baseKnown: true });
      }
    } else {
      plan.conflicts.push({ key: `${table}:${id}:${field}`, table, id, field, ours: ours[field], theirs: theirs[field], base: null, baseKnown: false });
    }
  }
  if (Object.keys(values).length > 0) plan.updates.push({ table, id, values });
}

export async function planMerge(db: Db, records: CaseRecords): Promise<MergePlan> {
  const caseId = String(records.case.id);
  const base = await baseRecords(db, caseId);
  const plan: MergePlan = { conflicts: [], updates: [], inserts: [] };
  const caseColumns = (await columnsOf(db, 'cases')).map((c) => c.name);
  const ours = await sql<Row>`SELECT ${sql.join(caseColumns.map((c) => sql.ref(c)))} FROM cases WHERE id = ${caseId}`.execute(db);
  compareRow('cases', ours.rows[0], records.case, base?.case, plan);
  for (const table of sectionTables) {
    const incoming = records.sections[table] ?? [];
    if (incoming.length === 0) continue;
    const columns = (await columnsOf(db, table)).map((c) => c.name);
    const local = await sql<Row>`SELECT ${sql.join(columns.map((c) => sql.ref(c)))} FROM ${sql.table(table)} WHERE case_id = ${caseId}`.execute(db);
    const key = sectionKey(table);
    const byId = new Map(local.rows.map((r) => [String(r[key]), r]));
    const baseById = new Map((base?.sections[table] ?? []).map((r) => [String(r[key]), r]));
    for (const row of incoming) {
      const here = byId.get(String(row[key]));
      if (!here) plan.inserts.push({ table, row });
      // A document's file never changes under its id; its metadata merges like any record.
      else compareRow(table, here, row, baseById.get(String(row[key])), plan);
    }
  }
  return plan;
}
