// Node-only. Importing a case package into a transaction: a new case with its records and
// documents, or — when the case comes back — a merge into the local case (merge.ts) with the
// conflicts the user resolved. Used by transfer.open (a trial import, rolled back, so the preview
// shows what accept will do) and transfer.accept (receive.ts).
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { matchesMime } from '../../../shared/cases/files';
import { sectionKey, sectionTables } from '../../../shared/transfer/package';
import { mergedRiskRank, riskRank, searchText } from '../cases/rows';
import type { DB } from '../db/schema';
import type { HandlerEnv } from '../handler';
import { TransferError } from './container';
import { checkFresh, readCase, type Checked } from './inspect';
import { planMerge } from './merge';
import { insertRow, insertRows, updateRow, type CaseRecords, type Row } from './records';

export const caseExists = async (db: ReturnType<HandlerEnv['db']>, id: string) =>
  (await db.selectFrom('cases').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

async function localCaseRow(trx: Transaction<DB>, records: CaseRecords, office: { code: string }, workerId: string, now: string) {
  const last = await trx.selectFrom('cases').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const number = `${office.code}-${now.slice(0, 4)}-${String(seq).padStart(5, '0')}`;
  const c = records.case;
  let otherNames: string[];
  try {
    otherNames = JSON.parse(String(c.other_names)) as string[];
    if (!Array.isArray(otherNames) || otherNames.some((n) => typeof n !== 'string')) throw new Error('names');
  } catch {
    throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'case.other_names' });
  }
  const rank = riskRank[c.risk_level as keyof typeof riskRank];
  if (!rank) throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'case.risk_level' });
  const birth = typeof c.date_of_birth === 'string' ? Number(c.date_of_birth.replace(/-/g, '')) || null : null;
  return {
    ...c,
    seq,
    number,
    office_code: office.code,
    search_text: searchText(number, { givenName: String(c.given_name), familyName: String(c.family_name), otherNames }),
    // "Not yet assessed" travels as risk_assessed = 0 and sorts as such here too.
    risk_rank: c.risk_assessed === 0 ? 0 : rank,
    birth_year_sort: birth,
    worker_id: workerId,
    family_worker_id: null,
    registered_by: null,
  };
}

/** Inserting a row the database refuses (a CHECK, a duplicate id) means the records are invalid. */
async function asRecordsError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Error && /constraint|SQLITE/iu.test(`${error.message} ${(error as { code?: string }).code ?? ''}`)) {
      throw new TransferError('TRANSFER_INVALID_RECORDS', 'constraint');
    }
    throw error;
  }
}

export interface ImportOptions {
  assignTo: string;
  take: Map<string, 'ours' | 'theirs'>;
  office: { code: string };
  now: string;
  /** The preview runs the whole import and rolls it back: what it shows is what accept will do. */
  dryRun: boolean;
}

/** Writes a case package into `trx`: a new case, or a merge into the case that came back. */
export async function importCase(trx: Transaction<DB>, file: string, checked: Checked, options: ImportOptions) {
  const { assignTo, take, now } = options;
  const settings = { office: options.office };
  let caseId = '';
  let returning = false;
  let pendingRows: CaseRecords | null = null;
  const present = async (table: string, id: string) =>
    (await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${sql.ref(sectionKey(table))} = ${id}`.execute(trx)).rows[0].n > 0;
  const records = await asRecordsError(() =>
    readCase(
      trx,
      file,
      checked,
      async (id, bytes, chunks) => {
        const parts: Buffer[] = [];
        for await (const chunk of chunks) parts.push(chunk);
        const data = Buffer.concat(parts);
        const meta = pendingRows!.sections.case_documents!.find((d) => d.id === id)!;
        if (!matchesMime(data, String(meta.mime))) throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'case_documents.mime' });
        if (returning && (await present('case_documents', id))) return;
        await insertRow(trx, 'case_documents', { ...meta, data, size_bytes: bytes });
      },
      async (r) => {
        pendingRows = r;
        caseId = String(r.case.id);
        returning = await caseExists(trx, caseId);
        await checkFresh(trx, checked.manifest, returning ? caseId : null);
        if (!returning) {
          await insertRow(trx, 'cases', await localCaseRow(trx, r, settings.office, assignTo, now));
          await insertRows(trx, 'family_members', r.sections.family_members ?? [], present);
        }
      },
    ),
  );
  let counts: Record<string, number>;
  if (!returning) {
    for (const table of sectionTables) {
      if (table === 'case_documents' || table === 'family_members') continue;
      await asRecordsError(() => insertRows(trx, table, records.sections[table] ?? [], present));
    }
    counts = Object.fromEntries(Object.entries(records.sections).map(([t, rows]) => [t, rows.length]));
  } else {
    const plan = await planMerge(trx, records);
    const unresolved = plan.conflicts.filter((c) => !take.has(c.key));
    if (unresolved.length > 0 && !options.dryRun) throw new AppError('CONFLICT', 'resolve every conflict first', { params: { reason: 'unresolved', count: unresolved.length } });
    for (const c of plan.conflicts) {
      if (take.get(c.key) !== 'theirs') continue;
      const update = plan.updates.find((u) => u.table === c.table && u.id === c.id);
      if (update) update.values[c.field] = c.theirs as Row[string];
      else plan.updates.push({ table: c.table, id: c.id, values: { [c.field]: c.theirs as Row[string] } });
    }
    for (const { table, row } of plan.inserts.filter((i) => i.table !== 'case_documents')) await asRecordsError(() => insertRows(trx, table, [row], present));
    for (const u of plan.updates) {
      if (u.table === 'cases' && ('risk_level' in u.values || 'risk_assessed' in u.values)) u.values.risk_rank = await mergedRiskRank(trx, caseId, u.values);
      await asRecordsError(() => updateRow(trx, u.table, u.id, u.values));
    }
    await trx.updateTable('cases').set({ worker_id: assignTo }).where('id', '=', caseId).execute();
    counts = { inserted: plan.inserts.length, updated: plan.updates.length, conflicts: plan.conflicts.length, theirs: [...take.values()].filter((t) => t === 'theirs').length };
  }
  return { records, returning, counts };
}

