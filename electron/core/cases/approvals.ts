// Node-only. Approvals waiting for a supervisor, until the follow-up and review issue brings its
// own queue: a best interests determination submitted for approval, a case plan in force that no
// supervisor has approved yet, and a worker's request to pass a gate by exception. One predicate for the case list's filter and one list for
// "My work" (oldest first), so both always agree.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Session } from '../handler';
import { can } from '../../../shared/permissions';
import { forCases } from './facts-many';
import { toCaseRow } from './rows';

export type ApprovalKind = 'bid' | 'plan' | 'gateException';

/**
 * The cases with an approval waiting, as a condition the case list's keyset queries add to their
 * WHERE. Each side reads an index (bids_case covers case_id and status; plan_versions_one_current
 * holds only the plans in force), so the filter stays cheap.
 */
export const awaitingApprovalSql = sql`(cases.id IN (SELECT case_id FROM bids WHERE status = 'submitted') OR cases.id IN (SELECT case_id FROM plan_versions WHERE status = 'current' AND approved_at IS NULL) OR cases.id IN (SELECT case_id FROM gate_exceptions WHERE status = 'pending'))`;

const LIMIT = 100;

interface Waiting {
  kind: ApprovalKind;
  case_id: string;
  since: string;
}

/**
 * Every approval waiting among the open cases the caller may see, oldest first. A supervisor's
 * scope is the office: the oldest 100 of each kind are read along the partial indexes of
 * migration 19, in the list's order. Anyone else's scope is their own open cases (`ownOpenIds`,
 * which My work has already read): looked up by case. Either way the wide case rows are read only
 * for the (at most 100) shown.
 */
export async function approvalsWaiting(db: Kysely<DB>, session: Session, now: Date, ownOpenIds: readonly string[]) {
  const waiting: Waiting[] = [];
  if (can(session.role, 'case.readAll')) {
    // The ORDER BY expressions are the indexes' own (migration 19), so each is a walk of its index.
    const bids = await sql<Waiting>`SELECT 'bid' AS kind, bids.case_id, coalesce(bids.submitted_at, bids.updated_at) AS since
      FROM bids JOIN cases ON cases.id = bids.case_id
      WHERE bids.status = 'submitted' AND cases.status = 'open'
      ORDER BY coalesce(bids.submitted_at, bids.updated_at) LIMIT ${LIMIT}`.execute(db);
    const plans = await sql<Waiting>`SELECT 'plan' AS kind, plan_versions.case_id, coalesce(plan_versions.acknowledged_on, plan_versions.updated_at) AS since
      FROM plan_versions JOIN cases ON cases.id = plan_versions.case_id
      WHERE plan_versions.status = 'current' AND plan_versions.approved_at IS NULL AND cases.status = 'open'
      ORDER BY coalesce(plan_versions.acknowledged_on, plan_versions.updated_at) LIMIT ${LIMIT}`.execute(db);
    const exceptions = await sql<Waiting>`SELECT 'gateException' AS kind, gate_exceptions.case_id, gate_exceptions.requested_at AS since
      FROM gate_exceptions JOIN cases ON cases.id = gate_exceptions.case_id
      WHERE gate_exceptions.status = 'pending' AND cases.status = 'open'
      ORDER BY gate_exceptions.requested_at LIMIT ${LIMIT}`.execute(db);
    waiting.push(...bids.rows, ...plans.rows, ...exceptions.rows);
  } else {
    waiting.push(
      ...(await forCases(ownOpenIds, (list) =>
        db
          .selectFrom('bids')
          .select((eb) => [sql<ApprovalKind>`'bid'`.as('kind'), 'case_id', eb.fn.coalesce('submitted_at', 'updated_at').as('since')])
          .where('case_id', 'in', list)
          .where('status', '=', 'submitted')
          .orderBy('since')
          .limit(LIMIT)
          .execute(),
      )),
      ...(await forCases(ownOpenIds, (list) =>
        db
          .selectFrom('plan_versions')
          .select((eb) => [sql<ApprovalKind>`'plan'`.as('kind'), 'case_id', eb.fn.coalesce('acknowledged_on', 'updated_at').as('since')])
          .where('case_id', 'in', list)
          .where('status', '=', 'current')
          .where('approved_at', 'is', null)
          .orderBy('since')
          .limit(LIMIT)
          .execute(),
      )),
      ...(await forCases(ownOpenIds, (list) =>
        db
          .selectFrom('gate_exceptions')
          .select([sql<ApprovalKind>`'gateException'`.as('kind'), 'case_id', 'requested_at as since'])
          .where('case_id', 'in', list)
          .where('status', '=', 'pending')
          .orderBy('since')
          .limit(LIMIT)
          .execute(),
      )),
    );
  }
  // ISO dates: code-unit order is time order (and far cheaper than localeCompare on hundreds of rows).
  const shown = waiting.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0)).slice(0, LIMIT);
  const ids = [...new Set(shown.map((w) => w.case_id))];
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('cases')
          .leftJoin('users', 'users.id', 'cases.worker_id')
          .selectAll('cases')
          .select('users.display_name as worker_name')
          .where('cases.id', 'in', ids)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return shown.flatMap((w) => {
    const row = byId.get(w.case_id);
    return row ? [{ kind: w.kind, since: w.since, case: toCaseRow(row, now) }] : [];
  });
}
