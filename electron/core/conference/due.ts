// Node-only. Commitments of conference agreements that are due, for My work: one set-based query
// over the partial index on open commitments (migration 14), among the caller's own open cases.
// Kept apart from cases/my-work.ts on purpose (its loading is being rewritten): My work asks this
// module, it does not need to know how commitments are stored.
import { todayIso } from '../../../shared/cases/fields';
import type { HandlerEnv } from '../handler';

const limit = 200;

/**
 * Without `caseId`: the caller's own open cases. With it: that one case (the caller's scope over it
 * is checked by the handler before), e.g. for its plan review.
 */
export async function dueCommitments(env: HandlerEnv, until: string, caseId?: string) {
  const today = todayIso(env.now());
  const me = env.session.userId;
  const rows = await env
    .db()
    .selectFrom('conference_commitments as c')
    .innerJoin('cases', 'cases.id', 'c.case_id')
    .select(['c.id', 'c.conference_id', 'c.case_id', 'c.who', 'c.what', 'c.by_when', 'cases.number', 'cases.given_name', 'cases.family_name'])
    .where('c.done_at', 'is', null)
    .where('c.by_when', '<=', until)
    .where('cases.status', '=', 'open')
    .where((eb) => (caseId ? eb('c.case_id', '=', caseId) : eb.or([eb('cases.worker_id', '=', me), eb('cases.family_worker_id', '=', me)])))
    .orderBy('c.by_when')
    .orderBy('c.position')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    caseId: r.case_id,
    caseNumber: r.number,
    childName: `${r.given_name} ${r.family_name}`.trim(),
    conferenceId: r.conference_id,
    itemId: r.id,
    who: r.who,
    what: r.what,
    byWhen: r.by_when,
    overdue: r.by_when < today,
  }));
}
