// Node-only. "My work", a case worker's home page: overdue and upcoming plan reviews, planned
// contacts, and cases blocked at a gate — all among the cases assigned to the caller — and the
// approvals waiting among the cases the caller may see (every case, for a supervisor).
//
// Set-based (issue 9: a worker with 2 000 open cases took hundreds of small queries): the caller's
// open cases are read once, slim, from the covering indexes cases_open_worker and
// cases_open_family_worker; the three lists are picked from them in memory; the wide rows are read
// only for the cases shown, and the gate facts with one query per feature for all active cases.
import { sql } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { nextStep, stageIndex, type Stage } from '../../../shared/cases/stages';
import { approvalQueue } from '../approvals/queue';
import { plannedContacts } from '../contacts/queries';
import { myReviewActions } from '../review/my-actions';
import type { CoreDeps } from '../deps';
import type { HandlerEnv } from '../handler';
import { factOptions, loadFactsMany } from './facts';
import { toCaseRow } from './rows';

interface Slim {
  id: string;
  review_due: string | null;
  stage: Stage;
  updated_at: string;
}

const activeStages: readonly Stage[] = ['tracing_assessment', 'preparation', 'reunification'];

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

  const options = await factOptions(deps, db, now);
  // One query per feature for all active cases, not one per case; the gate needs only the stage.
  const facts = await loadFactsMany(db, activeIds.map((r) => r.id), options);
  const blocked = activeIds
    .map((r) => ({ slim: r, step: nextStep(r.stage, facts.get(r.id)!) }))
    .filter(({ step }) => step.to && step.blocked.length > 0)
    .sort((a, b) => stageIndex(a.slim.stage) - stageIndex(b.slim.stage))
    .slice(0, 50);

  const contacts = await plannedContacts(db, open.map((r) => r.id));
  // The wide rows only for the cases shown.
  const wanted = [...new Set([...overdueIds, ...upcomingIds, ...blocked.map((b) => b.slim)].map((r) => r.id).concat(contacts.map((c) => c.caseId)))];
  const rows = new Map(
    (wanted.length === 0
      ? []
      : await db
          .selectFrom('cases')
          .leftJoin('users', 'users.id', 'cases.worker_id')
          .selectAll('cases')
          .select('users.display_name as worker_name')
          .where('cases.id', 'in', wanted)
          .execute()
    ).map((r) => [r.id, r]),
  );
  const full = (list: Slim[]) => list.flatMap((r) => (rows.has(r.id) ? [rows.get(r.id)!] : []));
  const blockedCases = blocked.flatMap(({ slim, step }) =>
    rows.has(slim.id) ? [{ case: toCaseRow(rows.get(slim.id)!, now), blocked: step.blocked, to: step.to! }] : [],
  );
  const approvals = await approvalQueue(db, env.session, now, { limit: 100 });
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
