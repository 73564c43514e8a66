// Node-only. records.json of a case package: collected from the database by the sender's
// selection, and checked strictly on arrival against the receiving database's own columns
// (unknown fields, missing fields, wrong types and oversized values are refused).
import { sql, type Kysely, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import {
  acceptedSchemaVersions,
  partTables,
  recordsSchemaName,
  recordsSchemaVersion,
  isRestrictedPerson,
  sectionKey,
  sectionTables,
  sectionTablesV1,
  type PackagePart,
  type PackageSelection,
  type SectionTable,
} from '../../../shared/transfer/package';
import { transferLimits } from '../../../shared/transfer/format';
import { placementFor, type PlacementView } from '../../../shared/family/confidential';
import { columnsOf, type ColumnInfo } from './columns';
import { TransferError } from './container';
import type { CaseDbRow } from '../cases/scope';

type Db = Kysely<DB> | Transaction<DB>;
export type Row = Record<string, string | number | null>;

export const transferInfoSchema = z
  .object({
    reason: z.string().max(40),
    reasonCountry: z.string().max(3),
    reasonLegalStatus: z.string().max(500),
    basis: z.enum(['consent', 'legal_basis']),
    legalBasis: z.string().max(1000),
    childAssent: z.enum(['given', 'not_given', 'not_able']),
    senderCaseNumber: z.string().max(64),
    sentByName: z.string().max(200),
    parts: z.array(z.string().max(40)).max(20),
  })
  .strict();
export type TransferInfo = z.infer<typeof transferInfoSchema>;

export interface CaseRecords {
  schema: typeof recordsSchemaName;
  schemaVersion: number;
  transfer: TransferInfo;
  case: Row;
  sections: Partial<Record<SectionTable, Row[]>>;
}

const pick = (row: Record<string, unknown>, columns: ColumnInfo[]): Row =>
  Object.fromEntries(columns.map((c) => [c.name, (row[c.name] ?? null) as string | number | null]));

/** Which tables (and which of their rows) a selection sends. */
function selectedFilters(selection: PackageSelection): Map<SectionTable, (row: Record<string, unknown>) => boolean> {
  const parts = new Set<PackagePart>(selection.parts);
  const filters = new Map<SectionTable, (row: Record<string, unknown>) => boolean>();
  const excluded = new Set(selection.excludeDocumentIds);
  for (const part of parts) {
    if (part === 'carePlace') continue;
    for (const table of partTables[part]) filters.set(table as SectionTable, () => true);
  }
  if (parts.has('notes') || parts.has('supervisionNotes')) {
    filters.set('case_notes', (r) => (r.kind === 'supervision' ? parts.has('supervisionNotes') : parts.has('notes')));
  }
  if (parts.has('family') || parts.has('restrictedPersons')) {
    filters.set('family_members', (r) => (isRestrictedPerson(r) ? parts.has('restrictedPersons') : parts.has('family')));
  }
  if (parts.has('documents')) filters.set('case_documents', (r) => r.removed_at === null && !excluded.has(String(r.id)));
  return filters;
}

const isSectionTable = (table: string | null): table is SectionTable => table !== null && (sectionTables as readonly string[]).includes(table);

/**
 * A care arrangement marked confidential names the confidential location: its place leaves only
 * with `carePlace` ticked (the same rule as the case's own care place); the rest of the record goes.
 */
function withoutConfidentialPlace(table: SectionTable, row: Row, selection: PackageSelection): Row {
  if (table !== 'preparation_care' || row.confidential !== 1 || selection.parts.includes('carePlace')) return row;
  return { ...row, place: '' };
}

/**
 * The child's care place as it may leave the office (shared/family/confidential: the one rule for
 * every output). A place is confidential unless the worker's latest care arrangement for that very
 * place says it is not: a place typed at registration was never asked about, so it stays unless
 * the sender ticks `carePlace`.
 */
export async function carePlaceFor(db: Db, caseRow: CaseDbRow, selection: PackageSelection): Promise<PlacementView> {
  const latest = await db
    .selectFrom('preparation_care')
    .select(['place', 'confidential'])
    .where('case_id', '=', caseRow.id)
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const place = caseRow.care_place;
  const confidential = !latest || latest.place !== place || latest.confidential === 1;
  return placementFor('outside', { place, confidential }, { includeConfidential: selection.parts.includes('carePlace') });
}

export async function collectRecords(db: Db, caseRow: CaseDbRow, selection: PackageSelection, transfer: TransferInfo): Promise<CaseRecords> {
  const caseColumns = await columnsOf(db, 'cases');
  const theCase = pick(caseRow as unknown as Record<string, unknown>, caseColumns);
  theCase.care_place = (await carePlaceFor(db, caseRow, selection)).place ?? '';
  const sections: CaseRecords['sections'] = {};
  const filters = selectedFilters(selection);
  const kept = new Map<string, Set<string>>();
  for (const table of sectionTables) {
    const filter = filters.get(table);
    if (!filter) continue;
    const columns = await columnsOf(db, table);
    const key = sectionKey(table);
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE case_id = ${caseRow.id} ORDER BY ${sql.ref(key)}`.execute(db);
    const chosen = rows.rows.filter(filter).map((r) => withoutConfidentialPlace(table, pick(r, columns), selection));
    kept.set(table, new Set(chosen.map((r) => String(r[key]))));
    sections[table] = chosen;
  }
  // A link to a record that does not travel (a consent's scanned form left out) goes out as null.
  // Links to other tables (an assessment's template) are the same in every office and stay.
  for (const table of sectionTables) {
    for (const row of sections[table] ?? []) {
      for (const column of await columnsOf(db, table)) {
        if (isSectionTable(column.references) && row[column.name] !== null && !kept.get(column.references)?.has(String(row[column.name]))) {
          row[column.name] = null;
        }
      }
    }
  }
  return { schema: recordsSchemaName, schemaVersion: recordsSchemaVersion, transfer, case: theCase, sections };
}

function invalid(field: string): TransferError {
  return new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: field.slice(0, 120) });
}

function checkRow(value: unknown, columns: ColumnInfo[], where: string): Row {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid(where);
  const row = value as Record<string, unknown>;
  const names = new Set(columns.map((c) => c.name));
  for (const key of Object.keys(row)) if (!names.has(key)) throw invalid(`${where}.${key}`);
  const out: Row = {};
  for (const column of columns) {
    if (!(column.name in row)) throw invalid(`${where}.${column.name}`);
    const v = row[column.name];
    const path = `${where}.${column.name}`;
    if (v === null) {
      if (!column.nullable) throw invalid(path);
    } else if (column.type === 'TEXT') {
      if (typeof v !== 'string' || v.length > transferLimits.textChars) throw invalid(path);
    } else if (column.type === 'INTEGER') {
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw invalid(path);
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw invalid(path);
    }
    out[column.name] = v as string | number | null;
  }
  return out;
}

const envelopeSchema = z
  .object({
    schema: z.literal(recordsSchemaName),
    schemaVersion: z.number(),
    transfer: transferInfoSchema,
    case: z.record(z.string(), z.unknown()),
    sections: z.partialRecord(z.enum(sectionTables), z.array(z.unknown()).max(transferLimits.sectionRows)),
  })
  .strict();

/** Parses and checks records.json; throws TRANSFER_INVALID_RECORDS or _UNSUPPORTED_VERSION. */
export async function parseRecords(db: Db, bytes: Buffer): Promise<CaseRecords> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalid('json');
  }
  const head = envelopeSchema.safeParse(json);
  if (!head.success) throw invalid(head.error.issues[0]?.path.join('.') || 'records');
  if (!acceptedSchemaVersions.includes(head.data.schemaVersion)) {
    throw new TransferError('TRANSFER_UNSUPPORTED_VERSION', 'schemaVersion', { version: String(head.data.schemaVersion).slice(0, 20) });
  }
  const theCase = checkRow(head.data.case, await columnsOf(db, 'cases'), 'case');
  if (typeof theCase.id !== 'string' || !/^[0-9A-Za-z-]{1,64}$/u.test(theCase.id)) throw invalid('case.id');
  const sections: CaseRecords['sections'] = {};
  const seen = new Set<string>();
  const allowed: readonly string[] = head.data.schemaVersion === 1 ? sectionTablesV1 : sectionTables;
  for (const table of sectionTables) {
    const rows = head.data.sections[table];
    if (!rows) continue;
    if (!allowed.includes(table)) throw invalid(`sections.${table}`);
    const columns = await columnsOf(db, table);
    const key = sectionKey(table);
    sections[table] = rows.map((r, i) => {
      const row = checkRow(r, columns, `${table}.${i}`);
      const id = row[key];
      if (typeof id !== 'string' || id.length > 64 || seen.has(`${table}:${id}`)) throw invalid(`${table}.${i}.${key}`);
      if (row.case_id !== theCase.id) throw invalid(`${table}.${i}.case_id`);
      seen.add(`${table}:${id}`);
      return row;
    });
  }
  return { schema: recordsSchemaName, schemaVersion: head.data.schemaVersion, transfer: head.data.transfer, case: theCase, sections };
}

/** Inserts rows (new ones only); references to rows that are not there become null. */
export async function insertRows(trx: Transaction<DB>, table: SectionTable, rows: Row[], present: (table: string, id: string) => Promise<boolean>): Promise<void> {
  const columns = await columnsOf(trx, table);
  for (const row of rows) {
    const values = { ...row };
    for (const c of columns) {
      if (isSectionTable(c.references) && values[c.name] !== null && !(await present(c.references, String(values[c.name])))) values[c.name] = null;
    }
    await insertRow(trx, table, values);
  }
}

export async function insertRow(trx: Transaction<DB>, table: string, values: Record<string, unknown>): Promise<void> {
  const names = Object.keys(values);
  await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))}) VALUES (${sql.join(names.map((n) => values[n]))})`.execute(trx);
}

export async function updateRow(trx: Transaction<DB>, table: string, id: string, values: Record<string, unknown>): Promise<void> {
  const names = Object.keys(values);
  if (names.length === 0) return;
  await sql`UPDATE ${sql.table(table)} SET ${sql.join(names.map((n) => sql`${sql.ref(n)} = ${values[n]}`))} WHERE ${sql.ref(sectionKey(table))} = ${id}`.execute(trx);
}
