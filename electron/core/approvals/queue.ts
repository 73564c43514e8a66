// Node-only. The one approvals queue (B2.2, A23): every decision waiting for a supervisor, in one
// set-based query — submitted BIDs, plans in force not yet approved, gate exceptions asked for,
// halts not yet confirmed, closures recommended — oldest first, with its age. My work, the
// case list's "awaiting approval" filter (`awaitingApprovalSql`) and `approvals.pending` all read it,
// so no two lists can disagree. Each source is read through a partial index of what waits
// (migrations 0009, 0013), so the query costs what is waiting, not the size of the office.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { ApprovalItem } from '../../../shared/approvals/queue';
import { approvalKinds, approvalVerdict, type ApprovalKind } from '../../../shared/approvals/rules';
import { can } from '../../../shared/permissions';
import { caseRowColumns, toCaseRow, type CaseRowSource } from '../cases/rows';
import type { DB } from '../db/schema';
import type { Session } from '../handler';
import { readPractice } from '../practice/settings';

type Db = Kysely<DB> | Transaction<DB>;

/** One SELECT per kind of waiting decision: (kind, item_id, case_id, subject, since, requested_by). */
const sources: Record<ApprovalKind, ReturnType<typeof sql>> = {
  gateException: sql`SELECT 'gateException' AS kind, id AS item_id, case_id, gate_id AS subject, requested_at AS since, requested_by FROM gate_exceptions WHERE status = 'pending'`,
  bid: sql`SELECT 'bid' AS kind, id AS item_id, case_id, coalesce(decision, '') AS subject, coalesce(submitted_at, updated_at) AS since, submitted_by AS requested_by FROM bids WHERE status = 'submitted'`,
  plan: sql`SELECT 'plan' AS kind, id AS item_id, case_id, CAST(version AS TEXT) AS subject, updated_at AS since, created_by AS requested_by FROM plan_versions WHERE status = 'current' AND approved_at IS NULL`,
  halt: sql`SELECT 'halt' AS kind, id AS item_id, id AS case_id, coalesce(halt_alternative, '') AS subject, coalesce(halted_at, updated_at) AS since, halted_by AS requested_by FROM cases WHERE status = 'halted' AND halt_confirmed_at IS NULL`,
  closure: sql`SELECT 'closure' AS kind, id AS item_id, case_id, reason AS subject, recommended_at AS since, recommended_by AS requested_by FROM case_closures WHERE status = 'recommended'`,
};

/**
 * The cases with a decision waiting, as a condition the case list's keyset queries add to their
 * WHERE (the same sources as the queue, so the filter and the queue agree).
 */
export const awaitingApprovalSql = sql`(cases.status IN ('open', 'halted') AND cases.id IN (${sql.join(
  approvalKinds.map((kind) => sql`SELECT case_id FROM (${sources[kind]})`),
  sql` UNION ALL `,
)}))`;

type QueueRow = CaseRowSource & { kind: ApprovalKind; item_id: string; subject: string; since: string; requested_by: string | null; requested_by_name: string | null; worker_name: string | null };

const DAY = 86_400_000;

/** Each kind's waiting rows, as `t`, with the columns the queue shows; halts are the case row itself. */
const parts: Record<Exclude<ApprovalKind, 'halt'>, { table: string; cols: string; by: string; since: string; waits: string; byCase?: string }> = {
  gateException: { table: 'gate_exceptions', cols: 't.id AS item_id, t.case_id AS case_id, t.gate_id AS subject', by: 't.requested_by', since: 't.requested_at', waits: "t.status = 'pending'" },
  bid: { table: 'bids', cols: "t.id AS item_id, t.case_id AS case_id, coalesce(t.decision, '') AS subject", by: 't.submitted_by', since: 'coalesce(t.submitted_at, t.updated_at)', waits: "t.status = 'submitted'" },
  // From a worker's cases: the waiting plans by case, holding what is shown (migration 24).
  plan: { table: 'plan_versions', cols: 't.id AS item_id, t.case_id AS case_id, CAST(t.version AS TEXT) AS subject', by: 't.created_by', since: 't.updated_at', waits: "t.status = 'current' AND t.approved_at IS NULL", byCase: 'plan_versions_waiting_case' },
  closure: { table: 'case_closures', cols: 't.id AS item_id, t.case_id AS case_id, t.reason AS subject', by: 't.recommended_by', since: 't.recommended_at', waits: "t.status = 'recommended'" },
};

/** How a kind's waiting items are found: from its waiting index, or from the worker's cases. */
type Drive = 'waiting' | 'mine';

/**
 * The oldest `limit` waiting items of one kind among the cases in scope. Each kind is cut to the
 * page before the kinds are merged, so the cost is the page, not what waits (a generated office of
 * 100 000 cases had 44 000 decisions waiting, and sorting them all took 600 ms for a supervisor).
 * 'waiting' walks the kind's partial index oldest first and looks each item's case up (CROSS JOIN
 * keeps that order), keeping those in scope; 'mine' reads a case worker's cases once and looks up
 * each case's waiting items.
 */
function oldestOfKind(kind: ApprovalKind, drive: Drive, scope: RawBuilder<unknown>, limit: number) {
  if (kind === 'halt') {
    return sql`SELECT * FROM (SELECT 'halt' AS kind, c.id AS item_id, c.id AS case_id, coalesce(c.halt_alternative, '') AS subject,
      coalesce(c.halted_at, c.updated_at) AS since, c.halted_by AS requested_by FROM cases c
      WHERE c.status = 'halted' AND c.halt_confirmed_at IS NULL AND ${scope} ORDER BY since, item_id LIMIT ${limit})`;
  }
  const p = parts[kind];
  // The CTE names the columns by position: (kind, item_id, case_id, subject, since, requested_by).
  const select = sql.raw(`SELECT '${kind}' AS kind, ${p.cols}, ${p.since} AS since, ${p.by} AS requested_by`);
  const from =
    drive === 'mine'
      ? sql`FROM mine m CROSS JOIN ${sql.raw(p.byCase ? `${p.table} t INDEXED BY ${p.byCase}` : `${p.table} t`)} ON t.case_id = m.id WHERE ${sql.raw(p.waits)}`
      : sql`FROM ${sql.raw(p.table)} t CROSS JOIN cases c ON c.id = t.case_id WHERE ${sql.raw(p.waits)} AND c.status IN ('open', 'halted') AND ${scope}`;
  return sql`SELECT * FROM (${select} ${from} ORDER BY since, item_id LIMIT ${limit})`;
}

/**
 * Items waiting per kind, each counted from its partial index alone and only up to `cap` (only
 * "more than the threshold?" is asked: counting 37 000 waiting plans took milliseconds).
 */
async function waitingCounts(db: Db, cap: number): Promise<Record<Exclude<ApprovalKind, 'halt'>, number>> {
  const count = (k: Exclude<ApprovalKind, 'halt'>) =>
    sql.raw(`(SELECT count(*) FROM (SELECT 1 FROM ${parts[k].table} t WHERE ${parts[k].waits} LIMIT ${Math.floor(cap) + 1})) AS "${k}"`);
  const { rows } = await sql<Record<Exclude<ApprovalKind, 'halt'>, number>>`SELECT ${sql.join((Object.keys(parts) as Exclude<ApprovalKind, 'halt'>[]).map(count))}`.execute(db);
  return rows[0];
}

/** The case columns an item shows, not the whole row (52 columns: 1.3 ms CPU more for 100 items). */
const caseColumns = sql.raw(caseRowColumns.map((column) => `c.${column}`).join(', '));

/** Above this many items of a kind waiting, a case worker's are found from their cases instead. */
const DRIVE_FROM_CASES_ABOVE = 2000;

/**
 * A case worker's open and halted cases, read once through the partial indexes of open cases
 * (status as a literal: a bound parameter cannot choose a partial index).
 */
const mineSql = (userId: string, openCaseIds: readonly string[] | undefined) => {
  const halted = sql`SELECT id FROM cases WHERE status = 'halted' AND (worker_id = ${userId} OR family_worker_id = ${userId})`;
  // Open cases the caller already read (My work) come as one JSON list: reading them again and
  // merging the two indexes cost 1.5 ms CPU for 1 860 cases, the list 0.6 ms.
  const open = openCaseIds
    ? sql`SELECT value FROM json_each(${JSON.stringify(openCaseIds)}) UNION ALL`
    : sql`SELECT id FROM cases INDEXED BY cases_open_worker WHERE status = 'open' AND worker_id = ${userId}
  UNION SELECT id FROM cases INDEXED BY cases_open_family_worker WHERE status = 'open' AND family_worker_id = ${userId} UNION`;
  return sql`mine (id) AS MATERIALIZED (${open} ${halted}), `;
};

/**
 * Every decision waiting among the cases the caller may see (a supervisor: the whole office; a case
 * worker: their own cases, so they know what waits), oldest first. `canDecide` applies four eyes.
 */
export async function approvalQueue(
  db: Db,
  session: Session,
  now: Date,
  options: {
    kinds?: readonly ApprovalKind[];
    limit?: number;
    driveFromCasesAbove?: number;
    /** The caller's open cases (as worker or family worker, no repeats), when already read. */
    openCaseIds?: readonly string[];
  } = {},
): Promise<ApprovalItem[]> {
  const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : approvalKinds;
  const limit = options.limit ?? 200;
  const scoped = !can(session.role, 'case.readAll');
  const scope = scoped ? sql`(c.worker_id = ${session.userId} OR c.family_worker_id = ${session.userId})` : sql`1`;
  // A supervisor's page is the oldest items of the office: always from the waiting indexes. A case
  // worker's: from the waiting index when few of that kind wait, else from their own cases.
  const threshold = options.driveFromCasesAbove ?? DRIVE_FROM_CASES_ABOVE;
  const counts = scoped ? await waitingCounts(db, threshold) : null;
  const drives = kinds.map((k): Drive => (counts && k !== 'halt' && counts[k] > threshold ? 'mine' : 'waiting'));
  const withMine = drives.includes('mine') ? mineSql(session.userId, options.openCaseIds) : sql``;
  // The page is cut before the cases are looked up: a busy worker's 245 waiting items of five kinds
  // each looked up their case and its workers for 100 to be shown (0.5 ms CPU).
  const { rows } = await sql<QueueRow>`
    WITH ${withMine}waiting (kind, item_id, case_id, subject, since, requested_by) AS (${sql.join(kinds.map((k, i) => oldestOfKind(k, drives[i], scope, limit)), sql` UNION ALL `)})
    SELECT ${caseColumns}, w.kind, w.item_id, w.subject, w.since, w.requested_by, r.display_name AS requested_by_name, u.display_name AS worker_name
    FROM (SELECT * FROM waiting ORDER BY since, item_id LIMIT ${limit}) w
    CROSS JOIN cases c ON c.id = w.case_id
    LEFT JOIN users r ON r.id = w.requested_by
    LEFT JOIN users u ON u.id = c.worker_id
    ORDER BY w.since, w.item_id`.execute(db);
  const approver = can(session.role, 'case.approve');
  const oneSupervisorMode = approver && rows.length > 0 ? (await readPractice(db)).oneSupervisorMode : false;
  return rows.map((row) => ({
    kind: row.kind,
    caseId: row.id,
    itemId: row.item_id,
    subject: row.subject,
    since: row.since,
    ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(row.since.length === 10 ? `${row.since}T00:00:00Z` : row.since)) / DAY)),
    requestedByName: row.requested_by_name,
    canDecide:
      approver &&
      approvalVerdict({ approverId: session.userId, submittedBy: row.requested_by, caseWorkerIds: [row.worker_id, row.family_worker_id], oneSupervisorMode }).ok,
    case: toCaseRow(row, now),
  }));
}
