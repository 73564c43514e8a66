// Node-only. Approvals waiting for a supervisor, until the follow-up and review issue brings its
// own queue: a best interests determination submitted for approval, a case plan in force that no
// supervisor has approved yet, and a worker's request to pass a gate by exception. One predicate for the case list's filter and one list for
// "My work" (oldest first), so both always agree.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Session } from '../handler';
import { can } from '../../../shared/permissions';
import { toCaseRow } from './rows';

export type ApprovalKind = 'bid' | 'plan' | 'gateException';

/**
 * The cases with an approval waiting, as a condition the case list's keyset queries add to their
 * WHERE. Each side reads an index (bids_case covers case_id and status; plan_versions_one_current
 * holds only the plans in force), so the filter stays cheap.
 */
export const awaitingApprovalSql = sql`(cases.id IN (SELECT case_id FROM bids WHERE status = 'submitted') OR cases.id IN (SELECT case_id FROM plan_versions WHERE status = 'current' AND approved_at IS NULL) OR cases.id IN (SELECT case_id FROM gate_exceptions WHERE status = 'pending'))`;

const LIMIT = 100;

/** Every approval waiting among the open cases the caller may see, oldest first. */
export async function approvalsWaiting(db: Kysely<DB>, session: Session, now: Date) {
  const cases = () =>
    db
      .selectFrom('cases')
      // The case list's scope (list.ts imports this file, so it is not imported back).
      .$if(!can(session.role, 'case.readAll'), (q) =>
        q.where((eb) => eb.or([eb('cases.worker_id', '=', session.userId), eb('cases.family_worker_id', '=', session.userId)])),
      )
      .leftJoin('users', 'users.id', 'cases.worker_id')
      .where('cases.status', '=', 'open')
      .selectAll('cases')
      .select('users.display_name as worker_name');
  const bids = await cases()
    .innerJoin('bids', 'bids.case_id', 'cases.id')
    .where('bids.status', '=', 'submitted')
    .select((eb) => eb.fn.coalesce('bids.submitted_at', 'bids.updated_at').as('since'))
    .orderBy('since')
    .limit(LIMIT)
    .execute();
  const plans = await cases()
    .innerJoin('plan_versions', 'plan_versions.case_id', 'cases.id')
    .where('plan_versions.status', '=', 'current')
    .where('plan_versions.approved_at', 'is', null)
    .select((eb) => eb.fn.coalesce('plan_versions.acknowledged_on', 'plan_versions.updated_at').as('since'))
    .orderBy('since')
    .limit(LIMIT)
    .execute();
  const exceptions = await cases()
    .innerJoin('gate_exceptions', 'gate_exceptions.case_id', 'cases.id')
    .where('gate_exceptions.status', '=', 'pending')
    .select('gate_exceptions.requested_at as since')
    .orderBy('since')
    .limit(LIMIT)
    .execute();
  const all = [
    ...bids.map((row) => ({ kind: 'bid' as const, since: row.since, case: toCaseRow(row, now) })),
    ...plans.map((row) => ({ kind: 'plan' as const, since: row.since, case: toCaseRow(row, now) })),
    ...exceptions.map((row) => ({ kind: 'gateException' as const, since: row.since, case: toCaseRow(row, now) })),
  ];
  return all.sort((a, b) => a.since.localeCompare(b.since)).slice(0, LIMIT);
}
