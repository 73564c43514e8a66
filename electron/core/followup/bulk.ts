// Node-only. Writing many cases' planned contacts at once (schedule generation for 10 000 cases,
// re-planning every case in follow-up after a protocol change): one INSERT … SELECT per 20 000
// contacts over a JSON array, so SQLite makes the rows — ids included — instead of one statement
// (and one JavaScript row object, one random id) per contact. Runs inside the caller's transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { PlannedStep } from '../../../shared/followup/schedule';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Contacts per statement: large enough that the per-statement cost vanishes, small enough to keep the JSON text a few MB. */
const CHUNK = 20_000;

export interface CaseSchedule {
  caseId: string;
  steps: readonly PlannedStep[];
}

/**
 * Inserts every case's steps as planned contacts; returns how many. Ids are the milliseconds, a
 * sequence, then randomness, so they sort by creation time and append to the primary-key index. Rows go in case by case, which keeps the (case_id, due_on) index's
 * writes together.
 */
export async function insertSchedules(db: Db, schedules: readonly CaseSchedule[], at: string, userId: string | null): Promise<number> {
  const ms = Date.now().toString(16).padStart(12, '0');
  let rows: [string, string, string, string, string][] = [];
  let written = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    await sql`
      INSERT INTO followup_contacts (id, case_id, due_on, type, performer, source, status, visit_id, reason, created_at, created_by, updated_at)
      SELECT printf('%s-%04x-%s', ${ms}, (${written} + r.key) % 65536, lower(hex(randomblob(8)))),
        r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, 'planned', NULL, NULL, ${at}, ${userId}, ${at}
      FROM json_each(${JSON.stringify(rows)}) AS r`.execute(db);
    written += rows.length;
    rows = [];
  };
  for (const { caseId, steps } of [...schedules].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0))) {
    for (const s of steps) rows.push([caseId, s.dueOn, s.type, s.performer, s.source]);
    if (rows.length >= CHUNK) await flush();
  }
  await flush();
  return written;
}
