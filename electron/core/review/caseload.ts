// Node-only. The caseload view per worker (B2.1): a few GROUP BY queries over the whole office, read
// from the cases_caseload index (migration 0013), so its cost does not grow with what is shown.
// "Time in alternative care" counts from registration with the agency, for cases not yet reunified.
import { sql, type Kysely } from 'kysely';
import type { CaseloadRow } from '../../../shared/review/contract';
import { stages, type Stage } from '../../../shared/cases/stages';
import { todayIso } from '../../../shared/cases/fields';
import { awaitingApprovalSql } from '../approvals/queue';
import type { DB } from '../db/schema';
import { readPractice } from '../practice/settings';
import { followupCountsByWorker } from './followup-links';

const DAY = 86_400_000;

interface Counts {
  worker_id: string;
  open_n: number;
  tracing_assessment: number;
  preparation: number;
  reunification: number;
  follow_up: number;
  closure: number;
  low: number;
  medium: number;
  high: number;
  overdue: number;
  halted: number;
  long_in_care: number;
  in_care: number;
  care_days: number | null;
  spontaneous: number;
}

export async function caseload(db: Kysely<DB>, now: Date): Promise<{ warnSize: number; rows: CaseloadRow[] }> {
  const practice = await readPractice(db);
  const warnSize = practice.caseloadWarnSize;
  const today = todayIso(now);
  const careCut = new Date(now.getTime() - practice.alternativeCareWarnDays * DAY).toISOString();
  const nowIso = now.toISOString();
  const beforeHome = sql`c.stage IN ('tracing_assessment', 'preparation', 'reunification')`;
  const { rows: counts } = await sql<Counts>`
    SELECT c.worker_id,
      count(*) AS open_n,
      ${sql.join(stages.map((s) => sql`sum(c.stage = ${s}) AS ${sql.ref(s)}`))},
      sum(c.risk_level = 'low') AS low, sum(c.risk_level = 'medium') AS medium, sum(c.risk_level = 'high') AS high,
      sum(c.status = 'open' AND c.review_due < ${today}) AS overdue,
      sum(c.status = 'halted') AS halted,
      sum(${beforeHome} AND c.registered_at < ${careCut}) AS long_in_care,
      sum(${beforeHome}) AS in_care,
      sum(CASE WHEN ${beforeHome} THEN julianday(${nowIso}) - julianday(c.registered_at) END) AS care_days,
      sum(c.spontaneous = 1) AS spontaneous
    FROM cases c INDEXED BY cases_caseload
    WHERE c.status IN ('open', 'halted') AND c.worker_id IS NOT NULL
    GROUP BY c.worker_id`.execute(db);
  const { rows: waiting } = await sql<{ worker_id: string; n: number }>`
    SELECT cases.worker_id, count(*) AS n FROM cases WHERE ${awaitingApprovalSql} AND cases.worker_id IS NOT NULL GROUP BY cases.worker_id`.execute(db);
  const actions = await db
    .selectFrom('review_actions')
    .select((eb) => ['owner_id', eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'open')
    .groupBy('owner_id')
    .execute();
  const followup = await followupCountsByWorker(db, today);
  const staff = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('role', 'in', ['caseworker', 'supervisor'])
    .where('removed_at', 'is', null)
    .where('active', '=', 1)
    .execute();
  const byWorker = new Map(counts.map((c) => [c.worker_id, c]));
  const waitingBy = new Map(waiting.map((w) => [w.worker_id, Number(w.n)]));
  const actionsBy = new Map(actions.map((a) => [a.owner_id, Number(a.n)]));
  const names = new Map(staff.map((s) => [s.id, s.display_name]));
  // Every active worker is listed (an empty caseload is worth seeing), and anyone else still holding cases.
  const ids = [...new Set([...staff.map((s) => s.id), ...byWorker.keys()])];
  const rows = ids.map((id): CaseloadRow => {
    const c = byWorker.get(id);
    const n = (v: number | null | undefined) => Number(v ?? 0);
    return {
      workerId: id,
      workerName: names.get(id) ?? id,
      open: n(c?.open_n),
      byStage: Object.fromEntries(stages.map((s) => [s, n(c?.[s as Stage & keyof Counts])])) as CaseloadRow['byStage'],
      byRisk: { low: n(c?.low), medium: n(c?.medium), high: n(c?.high) },
      overdueReviews: n(c?.overdue),
      overdueVisits: followup.get(id)?.overdueVisits ?? 0,
      awaitingApproval: waitingBy.get(id) ?? 0,
      halted: n(c?.halted),
      longInCare: n(c?.long_in_care),
      averageDaysInCare: c && n(c.in_care) > 0 ? Math.round(n(c.care_days) / n(c.in_care)) : 0,
      warningSigns: followup.get(id)?.warningSigns ?? 0,
      spontaneous: n(c?.spontaneous),
      openActions: actionsBy.get(id) ?? 0,
      overCaseload: n(c?.open_n) > warnSize,
    };
  });
  return { warnSize, rows: rows.sort((a, b) => b.open - a.open || a.workerName.localeCompare(b.workerName)) };
}
