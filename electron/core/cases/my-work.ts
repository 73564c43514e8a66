// Node-only. "My work", a case worker's home page: overdue and upcoming plan reviews, planned
// contacts, and cases blocked at a gate — all among the cases assigned to the caller — and the
// approvals waiting among the cases the caller may see (every case, for a supervisor).
import { todayIso } from '../../../shared/cases/fields';
import { nextStep, stageIndex } from '../../../shared/cases/stages';
import { approvalQueue } from '../approvals/queue';
import { plannedContacts } from '../contacts/queries';
import { myReviewActions } from '../review/my-actions';
import type { CoreDeps } from '../deps';
import type { HandlerEnv } from '../handler';
import { factOptions, loadFacts } from './facts';
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
    const active = await mine
      .where('cases.stage', 'in', ['tracing_assessment', 'preparation', 'reunification'])
      .orderBy('cases.updated_at', 'desc')
      .limit(200)
      .execute();
    const options = await factOptions(deps, db, env.now());
    const blockedCases = [];
    for (const row of active) {
      const step = nextStep(row.stage, await loadFacts(db, row.id, options));
      if (step.to && step.blocked.length > 0) {
        blockedCases.push({ case: toCaseRow(row, env.now()), blocked: step.blocked, to: step.to });
      }
    }
    const openIds = (await mine.select('cases.id as case_id').execute()).map((r) => r.case_id);
    const byId = new Map(active.map((r) => [r.id, r]));
    const contacts = await plannedContacts(db, openIds);
    const names = new Map<string, { number: string; name: string }>();
    for (const contact of contacts) {
      if (!names.has(contact.caseId)) {
        const row =
          byId.get(contact.caseId) ??
          (await db.selectFrom('cases').select(['id', 'number', 'given_name', 'family_name']).where('id', '=', contact.caseId).executeTakeFirst());
        if (row) names.set(contact.caseId, { number: row.number, name: `${row.given_name} ${row.family_name}`.trim() });
      }
    }
    const approvals = await approvalQueue(db, env.session, env.now(), { limit: 100 });
    const reviewActions = await myReviewActions(db, env.session.userId, today);
    await env.audit(db, { action: 'case.list', entityType: 'case', details: { view: 'myWork' } });
    return {
      overdueReviews: overdue.map((r) => toCaseRow(r, env.now())),
      upcomingReviews: upcoming.map((r) => toCaseRow(r, env.now())),
      plannedContacts: contacts.map((c) => ({
        ...c,
        number: names.get(c.caseId)?.number ?? '',
        childName: names.get(c.caseId)?.name ?? '',
      })),
      blockedCases: blockedCases.sort((a, b) => stageIndex(a.case.stage) - stageIndex(b.case.stage)).slice(0, 50),
      approvals,
      reviewActions,
    };
}
