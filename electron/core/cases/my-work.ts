// Node-only. "My work", a case worker's home page: overdue and upcoming plan reviews, planned
// contacts, and cases blocked at a gate — all among the open cases assigned to the caller. Built
// from a few set-based queries, so it costs about the same with 20 open cases or 2 000: the
// caller's open cases come from two covering indexes (migration 10), every case's gate facts in
// one query per feature, and full rows only for the cases shown.
import { sql } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { nextStep, stageIndex, type Stage } from '../../../shared/cases/stages';
import { plannedContacts } from '../contacts/queries';
import type { CoreDeps } from '../deps';
import type { HandlerEnv } from '../handler';
import { factOptions, loadFacts } from './facts';
import { toCaseRow } from './rows';

const SHOWN = 50;
const gateStages: readonly Stage[] = ['tracing_assessment', 'preparation', 'reunification'];

export async function myWork(env: HandlerEnv, deps: CoreDeps) {
  const db = env.db();
  const today = todayIso(env.now());
  const soon = new Date(env.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  const me = env.session.userId;
  const open = (
    await sql<{ id: string; review_due: string | null; stage: Stage; updated_at: string }>`
      SELECT id, review_due, stage, updated_at FROM cases INDEXED BY cases_open_worker
        WHERE worker_id = ${me} AND status = 'open'
      UNION
      SELECT id, review_due, stage, updated_at FROM cases INDEXED BY cases_open_family_worker
        WHERE family_worker_id = ${me} AND status = 'open' AND family_worker_id IS NOT NULL`.execute(db)
  ).rows;
  const byReview = (a: { review_due: string | null }, b: { review_due: string | null }) => (a.review_due! < b.review_due! ? -1 : a.review_due! > b.review_due! ? 1 : 0);
  const overdue = open.filter((r) => r.review_due !== null && r.review_due < today).sort(byReview).slice(0, SHOWN);
  const upcoming = open.filter((r) => r.review_due !== null && r.review_due >= today && r.review_due <= soon).sort(byReview).slice(0, SHOWN);
  // Most recently updated first; the sort by stage below is stable, so that order holds within a stage.
  const active = open.filter((r) => gateStages.includes(r.stage)).sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : 0));

  // Gate facts per case (the 200 most recently updated), as the case file reads them. A set-based
  // reader (facts-many.ts) was written before the gate rules gained practice settings and
  // exceptions; until it follows them, the per-case reader keeps the two in agreement.
  const options = await factOptions(deps, db, env.now());
  const blocked = [];
  for (const row of active.slice(0, 200)) {
    const step = nextStep(row.stage, await loadFacts(db, row.id, options));
    if (step.to && step.blocked.length > 0) blocked.push({ id: row.id, stage: row.stage, blocked: step.blocked, to: step.to });
  }
  const shownBlocked = blocked.sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage)).slice(0, SHOWN);

  const contacts = await plannedContacts(db, open.map((r) => r.id));
  // Full rows (with the worker's name) only for the cases on the page, in one query.
  const wanted = new Set([...overdue, ...upcoming].map((r) => r.id).concat(shownBlocked.map((b) => b.id), contacts.map((c) => c.caseId)));
  const full = new Map(
    wanted.size === 0
      ? []
      : (
          await db
            .selectFrom('cases')
            .leftJoin('users', 'users.id', 'cases.worker_id')
            .selectAll('cases')
            .select('users.display_name as worker_name')
            .where('cases.id', 'in', [...wanted])
            .execute()
        ).map((r) => [r.id, r]),
  );
  const row = (id: string) => toCaseRow(full.get(id)!, env.now());
  await env.audit(db, { action: 'case.list', entityType: 'case', details: { view: 'myWork' } });
  return {
    overdueReviews: overdue.map((r) => row(r.id)),
    upcomingReviews: upcoming.map((r) => row(r.id)),
    plannedContacts: contacts.map((c) => {
      const r = full.get(c.caseId);
      return { ...c, number: r?.number ?? '', childName: r ? `${r.given_name} ${r.family_name}`.trim() : '' };
    }),
    blockedCases: shownBlocked.map((b) => ({ case: row(b.id), blocked: b.blocked, to: b.to })),
  };
}
