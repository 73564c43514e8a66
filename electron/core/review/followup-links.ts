// Node-only. What supervision reads from the follow-up feature (monitoring visits, warning signs,
// well-being re-scores, breakdowns — electron/core/followup) and from referrals (electron/core/
// referrals). Each is one small set-based function here, so the caseload, selection and review-
// sheet code stays the same whichever feature the facts come from.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { faceToFaceTypes } from '../../../shared/followup/protocol';
import { finishedStatuses } from '../../../shared/referrals/lifecycle';
import type { DB } from '../db/schema';
import { wellbeingChart } from '../followup/wellbeing';

type Db = Kysely<DB> | Transaction<DB>;

/** Case ids with an open warning sign (a subquery yielding `case_id`). */
export function warningSignCasesSql(): RawBuilder<unknown> {
  return sql`SELECT DISTINCT case_id FROM followup_signs WHERE resolved_at IS NULL`;
}

/** Case ids re-separated after reunification (recorded breakdowns) since a date. */
export function breakdownCasesSql(since: string): RawBuilder<unknown> {
  return sql`SELECT case_id FROM followup_breakdowns WHERE date >= ${since.slice(0, 10)}`;
}

/** Per worker: open warning signs and overdue face-to-face visits among their open cases. */
export async function followupCountsByWorker(db: Db, today: string): Promise<Map<string, { warningSigns: number; overdueVisits: number }>> {
  const signs = await db
    .selectFrom('followup_signs')
    .innerJoin('cases', 'cases.id', 'followup_signs.case_id')
    .select(['cases.worker_id as worker', sql<number>`count(*)`.as('n')])
    .where('followup_signs.resolved_at', 'is', null)
    .where('cases.status', '=', 'open')
    .where('cases.worker_id', 'is not', null)
    .groupBy('cases.worker_id')
    .execute();
  const visits = await db
    .selectFrom('followup_contacts')
    .innerJoin('cases', 'cases.id', 'followup_contacts.case_id')
    .select(['cases.worker_id as worker', sql<number>`count(*)`.as('n')])
    .where('followup_contacts.status', '=', 'planned')
    .where('followup_contacts.due_on', '<', today)
    .where('followup_contacts.type', 'in', faceToFaceTypes)
    .where('cases.status', '=', 'open')
    .where('cases.worker_id', 'is not', null)
    .groupBy('cases.worker_id')
    .execute();
  const counts = new Map<string, { warningSigns: number; overdueVisits: number }>();
  const entry = (worker: string) => counts.get(worker) ?? counts.set(worker, { warningSigns: 0, overdueVisits: 0 }).get(worker)!;
  for (const row of signs) entry(row.worker!).warningSigns = Number(row.n);
  for (const row of visits) entry(row.worker!).overdueVisits = Number(row.n);
  return counts;
}

/** One case's overall well-being at each re-score (the follow-up chart's points). */
export async function wellbeingTrend(db: Db, caseId: string): Promise<{ date: string; score: number }[]> {
  const chart = await wellbeingChart(db as Kysely<DB>, caseId);
  return chart.points.flatMap((p) => (p.overall === null ? [] : [{ date: p.date, score: Math.round(p.overall * 100) / 100 }]));
}

/** One case's warning signs still open. */
export async function openWarningSigns(db: Db, caseId: string): Promise<{ date: string; sign: string; urgent: boolean }[]> {
  const rows = await db
    .selectFrom('followup_signs')
    .select(['observed_on', 'sign', 'urgent'])
    .where('case_id', '=', caseId)
    .where('resolved_at', 'is', null)
    .orderBy('observed_on')
    .execute();
  return rows.map((r) => ({ date: r.observed_on, sign: r.sign, urgent: r.urgent === 1 }));
}

/** One case's referrals not yet finished (drafts included: they wait on the worker). */
export async function openReferrals(db: Db, caseId: string): Promise<{ date: string; service: string; status: string }[]> {
  const rows = await db
    .selectFrom('referrals')
    .innerJoin('service_providers', 'service_providers.id', 'referrals.provider_id')
    .select(['referrals.created_at', 'referrals.sent_on', 'referrals.status', 'service_providers.name'])
    .where('referrals.case_id', '=', caseId)
    .where('referrals.status', 'not in', finishedStatuses)
    .orderBy('referrals.created_at')
    .execute();
  return rows.map((r) => ({ date: (r.sent_on ?? r.created_at).slice(0, 10), service: r.name, status: r.status }));
}

/** One case's follow-up contacts past their due date. */
export async function overdueVisits(db: Db, caseId: string, today: string): Promise<{ kind: string; due: string }[]> {
  const rows = await db
    .selectFrom('followup_contacts')
    .select(['type', 'due_on'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'planned')
    .where('due_on', '<', today)
    .orderBy('due_on')
    .execute();
  return rows.map((r) => ({ kind: r.type, due: r.due_on }));
}
