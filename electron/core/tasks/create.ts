// Node-only. Creates a spontaneous return's due tasks, in the caller's transaction, with due dates
// fixed now from the office's days (a later change of the settings does not move them).
import type { Kysely, Transaction } from 'kysely';
import { spontaneousTasks } from '../../../shared/tasks/rules';
import type { DB } from '../db/schema';
import { readPractice } from '../practice/settings';

export async function createSpontaneousTasks(trx: Kysely<DB> | Transaction<DB>, caseId: string, learnedOn: string, now: string) {
  const tasks = spontaneousTasks(learnedOn, await readPractice(trx));
  await trx
    .insertInto('case_tasks')
    .values(tasks.map((t) => ({ case_id: caseId, kind: t.kind, due_on: t.dueOn, created_at: now, done_on: null, done_note: '', done_by: null })))
    .execute();
  return tasks;
}
