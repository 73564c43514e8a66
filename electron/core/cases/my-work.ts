// Node-only. "My work", a case worker's home page: overdue and upcoming plan reviews, planned
// contacts, and cases blocked at a gate — all among the cases assigned to the caller — and the
// approvals waiting among the cases the caller may see (every case, for a supervisor).
//
// Set-based (issue 9: a worker with 2 000 open cases took hundreds of small queries): the caller's
// open cases are read once, slim, from the covering indexes cases_open_worker and
// cases_open_family_worker; the three lists are picked from them in memory; the wide rows are read
// only for the cases shown (their columns, not the whole rows), and the gate facts with one query
// per feature, for the active cases in the order shown until 50 blocked ones are found.
import { sql, type Kysely } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { nextStep, stageIndex, type Stage } from '../../../shared/cases/stages';
import { approvalQueue } from '../approvals/queue';
import { plannedContacts } from '../contacts/queries';
import { myReviewActions } from '../review/my-actions';
import type { CoreDeps } from '../deps';
import type { HandlerEnv } from '../handler';
import type { DB } from '../db/schema';
import { factOptions, loadFactsMany, type FactOptions } from './facts';
import { caseRowColumns, toCaseRow } from './rows';

interface Slim {
  id: string;
  review_due: string | null;
  stage: Stage;
  updated_at: string;
}

const activeStages: readonly Stage[] = ['tracing_assessment', 'preparation', 'reunification'];

/**
 * The first `limit` of `ordered` that a gate blocks, in that order. The facts are read set-based
 * (one query per feature) for as many cases as are shown, then for the rest only if fewer were
 * blocked: at 100 000 generated cases the 50 first of a busy worker's 200 active cases were all
 * blocked, and the facts of all 200 took 7.9 ms CPU, those of the first 50 2.4 ms (best of 60). The answer is the same either way.
 */
export async function firstBlocked<T extends { id: string; stage: Stage }>(db: Kysely<DB>, ordered: readonly T[], options: FactOptions, limit: number) {
  const found: { slim: T; step: ReturnType<typeof nextStep> }[] = [];
  for (let start = 0; start < ordered.length && found.length < limit; ) {
    const chunk = ordered.slice(start, start === 0 ? limit : ordered.length);
    start += chunk.length;
    const facts = await loadFactsMany(db, chunk.map((r) => r.id), options);
    for (const slim of chunk) {
      const step = nextStep(slim.stage, facts.get(slim.id)!);
      if (step.to && step.blocked.length > 0 && found.push({ slim, step }) === limit) break;
    }
  }
  return found;
}

export async function myWork(env: HandlerEnv, deps: CoreDeps) {
  const db = env.db();
  const now = env.now();
  const today = todayIso(now);
  const soon = new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  const userId = env.session.userId;
  // Named, with 'open' as a literal: the partial covering indexes of open cases answer alone. Left to
  // choose, SQLite took the caseload index (status, worker) and read 1 700 wide rows (41 ms → 2 ms).
  const slimOf = async (column: 'worker_id' | 'family_worker_id') =>
    (
      await sql<Slim>`SELECT id, review_due, stage, updated_at FROM cases INDEXED BY ${sql.raw(column === 'worker_id' ? 'cases_open_worker' : 'cases_open_family_worker')}
        WHERE status = 'open' AND ${sql.ref(column)} = ${userId}`.execute(db)
    ).rows;
  const mine = new Map<string, Slim>();
  for (const row of [...(await slimOf('worker_id')), ...(await slimOf('family_worker_id'))]) mine.set(row.id, row);
  const open = [...mine.values()];

  const byReview = (a: Slim, b: Slim) => (a.review_due! < b.review_due! ? -1 : a.review_due! > b.review_due! ? 1 : 0);
  const overdueIds = open.filter((r) => r.review_due !== null && r.review_due < today).sort(byReview).slice(0, 50);
  const upcomingIds = open.filter((r) => r.review_due !== null && r.review_due >= today && r.review_due <= soon).sort(byReview).slice(0, 50);
  const activeIds = open
    .filter((r) => activeStages.includes(r.stage))
    .sort((a, b) => (a.updated_at > b.updated_at ? -1 : a.updated_at < b.updated_at ? 1 : 0))
    .slice(0, 200);

  // Shown by stage, the most recently updated first within a stage (a stable sort).
  const candidates = [...activeIds].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
  const blocked = await firstBlocked(db, candidates, await factOptions(deps, db, now), 50);

  const contacts = await plannedContacts(db, open.map((r) => r.id));
  // The wide rows only for the cases shown.
  const wanted = [...new Set([...overdueIds, ...upcomingIds, ...blocked.map((b) => b.slim)].map((r) => r.id).concat(contacts.map((c) => c.caseId)))];
  const rows = new Map(
    (wanted.length === 0
      ? []
      : await db
          .selectFrom('cases')
          .leftJoin('users', 'users.id', 'cases.worker_id')
          .select(caseRowColumns.map((column) => `cases.${column}` as const))
          .select('users.display_name as worker_name')
          .where('cases.id', 'in', wanted)
          .execute()
    ).map((r) => [r.id, r]),
  );
  const full = (list: Slim[]) => list.flatMap((r) => (rows.has(r.id) ? [rows.get(r.id)!] : []));
  const blockedCases = blocked.flatMap(({ slim, step }) =>
    rows.has(slim.id) ? [{ case: toCaseRow(rows.get(slim.id)!, now), blocked: step.blocked, to: step.to! }] : [],
  );
  const approvals = await approvalQueue(db, env.session, now, { limit: 100, openCaseIds: open.map((r) => r.id) });
  const reviewActions = await myReviewActions(db, userId, today);
  await env.audit(db, { action: 'case.list', entityType: 'case', details: { view: 'myWork' } });
  const named = (caseId: string) => {
    const row = rows.get(caseId);
    return { number: row?.number ?? '', childName: row ? `${row.given_name} ${row.family_name}`.trim() : '' };
  };
  return {
    overdueReviews: full(overdueIds).map((r) => toCaseRow(r, now)),
    upcomingReviews: full(upcomingIds).map((r) => toCaseRow(r, now)),
    plannedContacts: contacts.map((c) => ({ ...c, ...named(c.caseId) })),
    blockedCases,
    approvals,
    reviewActions,
  };
}
