// Node-only. Set-based reads of what is due: one query for every open task of the caller's cases
// (done-ness worked out in SQL from the records that complete each task), one for halted cases
// whose review is due. No per-case loop: My work stays cheap however many cases a worker holds.
import { sql, type Kysely } from 'kysely';
import type { CaseTask, DueItem } from '../../../shared/tasks/contract';
import { addDays, DUE_SOON_DAYS, type SpontaneousTaskKind } from '../../../shared/tasks/rules';
import type { DB } from '../db/schema';

/**
 * A task is done by its record: the home visit by a face-to-face contact held or an in-person
 * monitoring visit (follow-up), or by hand, with its date; the others by a risk assessment, a safety
 * plan, a completed family assessment or a completed well-being assessment on the case.
 */
const doneSql = sql<number>`(CASE
  WHEN t.done_on IS NOT NULL THEN 1
  WHEN t.kind = 'home_visit' THEN EXISTS (SELECT 1 FROM contacts c WHERE c.case_id = t.case_id AND c.status = 'held'
    AND c.kind IN ('short_meeting', 'supervised_visit', 'unsupervised_visit'))
    OR EXISTS (SELECT 1 FROM followup_visits v WHERE v.case_id = t.case_id AND v.mode = 'in_person')
  WHEN t.kind = 'risk_assessment' THEN EXISTS (SELECT 1 FROM risk_assessments r WHERE r.case_id = t.case_id)
  WHEN t.kind = 'safety_plan' THEN EXISTS (SELECT 1 FROM safety_plans s WHERE s.case_id = t.case_id)
  WHEN t.kind = 'family_assessment' THEN EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = t.case_id AND a.kind = 'family' AND a.status = 'completed')
  WHEN t.kind = 'wellbeing_baseline' THEN EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = t.case_id AND a.kind = 'wellbeing' AND a.status = 'completed')
  ELSE 0 END)`;

interface DueRow {
  case_id: string;
  number: string;
  given_name: string;
  family_name: string;
  kind: DueItem['kind'];
  due_on: string;
}

/** The caller's open tasks and halt reviews that are overdue or fall due within DUE_SOON_DAYS. */
export async function dueForWorker(db: Kysely<DB>, userId: string, today: string, limit = 100): Promise<DueItem[]> {
  const until = addDays(today, DUE_SOON_DAYS);
  const rows = await sql<DueRow>`
    SELECT * FROM (
      SELECT t.case_id, k.number, k.given_name, k.family_name, t.kind, t.due_on
      FROM case_tasks t JOIN cases k ON k.id = t.case_id
      WHERE k.status = 'open' AND (k.worker_id = ${userId} OR k.family_worker_id = ${userId})
        AND t.due_on <= ${until} AND ${doneSql} = 0
      UNION ALL
      SELECT k.id, k.number, k.given_name, k.family_name, 'halt_review', k.halt_review_due
      FROM cases k
      WHERE k.status = 'halted' AND k.halt_review_due IS NOT NULL AND k.halt_review_due <= ${until}
        AND (k.worker_id = ${userId} OR k.family_worker_id = ${userId})
    ) ORDER BY due_on, number LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    caseId: r.case_id,
    number: r.number,
    childName: `${r.given_name} ${r.family_name}`.trim(),
    kind: r.kind,
    dueOn: r.due_on,
    overdue: r.due_on < today,
  }));
}

export async function tasksOfCase(db: Kysely<DB>, caseId: string, today: string): Promise<CaseTask[]> {
  const rows = await sql<{ kind: SpontaneousTaskKind; due_on: string; done_on: string | null; done_note: string; done: number }>`
    SELECT t.kind, t.due_on, t.done_on, t.done_note, ${doneSql} AS done FROM case_tasks t WHERE t.case_id = ${caseId} ORDER BY t.due_on, t.kind`.execute(db);
  return rows.rows.map((r) => ({
    kind: r.kind,
    dueOn: r.due_on,
    done: r.done === 1,
    doneOn: r.done_on,
    doneNote: r.done_note,
    overdue: r.done !== 1 && r.due_on < today,
  }));
}
