// Node-only. What supervision reads from the follow-up feature (issue 10, built by another engineer
// in parallel: monitoring visits, warning signs, well-being re-scores, breakdowns) and from the
// services feature (referrals). Each is one small function here, so that the merge fills them in
// without touching the caseload, selection or review-sheet code. Until then they answer "none",
// and the review sheet says so rather than inventing data.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Case ids with an open warning sign (a subquery yielding `case_id`). */
export function warningSignCasesSql(): RawBuilder<unknown> {
  return sql`SELECT id AS case_id FROM cases WHERE 0`;
}

/** Case ids re-separated after reunification (breakdowns) besides re-openings for re-separation. */
export function breakdownCasesSql(_since: string): RawBuilder<unknown> {
  return sql`SELECT id AS case_id FROM cases WHERE 0`;
}

/** Per worker: open warning signs and overdue follow-up visits (set-based, by worker id). */
export async function followupCountsByWorker(_db: Db, _today: string): Promise<Map<string, { warningSigns: number; overdueVisits: number }>> {
  return new Map();
}

/** One case's well-being scores over time (monitoring visits). */
export async function wellbeingTrend(_db: Db, _caseId: string): Promise<{ date: string; score: number }[]> {
  return [];
}

/** One case's warning signs still open. */
export async function openWarningSigns(_db: Db, _caseId: string): Promise<{ date: string; sign: string; urgent: boolean }[]> {
  return [];
}

/** One case's referrals still open (services feature). */
export async function openReferrals(_db: Db, _caseId: string): Promise<{ date: string; service: string; status: string }[]> {
  return [];
}

/** One case's overdue follow-up visits. */
export async function overdueVisits(_db: Db, _caseId: string, _today: string): Promise<{ kind: string; due: string }[]> {
  return [];
}
