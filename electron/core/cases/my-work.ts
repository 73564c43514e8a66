// Node-only. "My work", a case worker's home page: overdue and upcoming plan reviews, planned
// contacts, and cases blocked at a gate — all among the cases assigned to the caller.
import { todayIso } from '../../../shared/cases/fields';
import { nextStep, stageIndex } from '../../../shared/cases/stages';
import { plannedContacts } from '../contacts/queries';
import type { CoreDeps } from '../deps';
import type { HandlerEnv } from '../handler';
import { loadFactsMany } from './facts-many';
import { toCaseRow } from './rows';

export async function myWork(env: HandlerEnv, deps: CoreDeps) {
    const db = env.db();
    const today = todayIso(env.now());
    const soon = new Date(env.now().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    const mine = db
      .selectFrom('cases')
      .leftJoin('users', 'users.id', 'cases.worker_id')
      .selectAll('cases')
      .select('users.display_name as worker_name')
      .where('cases.status', '=', 'open')
      .where((eb) => eb.or([eb('cases.worker_id', '=', env.session.userId), eb('cases.family_worker_id', '=', env.session.userId)]));
    const overdue = await mine.where('cases.review_due', '<', today).orderBy('cases.review_due').limit(50).execute();
    const upcoming = await mine
      .where('cases.review_due', '>=', today)
      .where('cases.review_due', '<=', soon)
      .orderBy('cases.review_due')
      .limit(50)
      .execute();
    // Narrow rows for the gate check; full rows only for the (at most 50) blocked cases shown.
    const active = await mine
      .clearSelect()
      .select(['cases.id', 'cases.stage'])
      .where('cases.stage', 'in', ['tracing_assessment', 'preparation', 'reunification'])
      .orderBy('cases.updated_at', 'desc')
      .limit(5000)
      .execute();
    const settings = await deps.settings();
    // Every case's gate facts in one query per feature (not a loop of small queries per case).
    const facts = await loadFactsMany(db, active.map((r) => r.id), { requireBid: settings.requireBid });
    const blocked = [];
    for (const row of active) {
      const step = nextStep(row.stage, facts.get(row.id)!);
      if (step.to && step.blocked.length > 0) blocked.push({ id: row.id, stage: row.stage, blocked: step.blocked, to: step.to });
    }
    // A stable sort keeps "most recently updated first" within a stage.
    const shown = blocked.sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage)).slice(0, 50);
    const fullRows = new Map(
      shown.length === 0 ? [] : (await mine.where('cases.id', 'in', shown.map((b) => b.id)).execute()).map((r) => [r.id, r]),
    );
    const blockedCases = shown.map((b) => ({ case: toCaseRow(fullRows.get(b.id)!, env.now()), blocked: b.blocked, to: b.to }));
    const openIds = (await mine.clearSelect().select('cases.id as case_id').execute()).map((r) => r.case_id);
    const contacts = await plannedContacts(db, openIds);
    const named = new Set(contacts.map((c) => c.caseId));
    const names = new Map<string, { number: string; name: string }>();
    if (named.size > 0) {
      const rows = await db.selectFrom('cases').select(['id', 'number', 'given_name', 'family_name']).where('id', 'in', [...named]).execute();
      for (const row of rows) names.set(row.id, { number: row.number, name: `${row.given_name} ${row.family_name}`.trim() });
    }
    await env.audit(db, { action: 'case.list', entityType: 'case', details: { view: 'myWork' } });
    return {
      overdueReviews: overdue.map((r) => toCaseRow(r, env.now())),
      upcomingReviews: upcoming.map((r) => toCaseRow(r, env.now())),
      plannedContacts: contacts.map((c) => ({
        ...c,
        number: names.get(c.caseId)?.number ?? '',
        childName: names.get(c.caseId)?.name ?? '',
      })),
      blockedCases,
    };
}
