// Node-only. Set-based follow-up queries over many cases at once: the supervisor's urgent queue
// (also for the review feature: `urgentWarningCases`), a worker's due and overdue contacts (the
// calendar and My work), and risk re-assessments made due by warning signs. Each is one or two
// SQL statements whatever the number of cases — never a query per case.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DueContact, UrgentCase, WarningSign } from '../../../shared/followup/contract';
import { can } from '../../../shared/permissions';
import type { DB } from '../db/schema';
import type { Session } from '../handler';

type Db = Kysely<DB> | Transaction<DB>;

/** Whose cases: one worker's (as child's or family's worker), or every case (null). */
export type CaseOwner = { workerId: string } | null;

/** The owner a session may look at: a case worker only their own cases; a supervisor anyone's, or all. */
export function ownerFor(session: Session, workerId: string | null, allIfSupervisor = false): CaseOwner {
  if (can(session.role, 'case.readAll')) {
    if (workerId) return { workerId };
    return allIfSupervisor ? null : { workerId: session.userId };
  }
  return { workerId: session.userId };
}

const childName = (given: string, family: string) => `${given} ${family}`.trim();

/** The ids of a worker's open cases, as the child's or the family's worker (each side by its index). */
function ownedOpenCases(db: Db, workerId: string) {
  return db
    .selectFrom('cases')
    .select('id')
    .where('status', '=', 'open')
    .where('worker_id', '=', workerId)
    .union(db.selectFrom('cases').select('id').where('status', '=', 'open').where('family_worker_id', '=', workerId));
}

/**
 * Open cases with an urgent warning sign not yet resolved, oldest sign first: the top of the
 * supervisor's queue. `owner` null: the whole office (a supervisor); else one worker's cases.
 */
export async function urgentWarningCases(db: Db, owner: CaseOwner, limit = 200): Promise<UrgentCase[]> {
  let query = db
    .selectFrom('followup_signs as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select([
      'c.id as case_id',
      'c.number',
      'c.given_name',
      'c.family_name',
      'c.worker_id',
      sql<string>`min(s.observed_on)`.as('since'),
      sql<string>`group_concat(DISTINCT s.sign)`.as('signs'),
    ])
    .where('s.urgent', '=', 1)
    .where('s.resolved_at', 'is', null)
    .where('c.status', '!=', 'closed');
  if (owner) query = query.where((eb) => eb.or([eb('c.worker_id', '=', owner.workerId), eb('c.family_worker_id', '=', owner.workerId)]));
  const rows = await query.groupBy('c.id').orderBy('since').orderBy('c.number').limit(limit).execute();
  return rows.map((r) => ({
    caseId: r.case_id,
    number: r.number,
    childName: childName(r.given_name, r.family_name),
    workerId: r.worker_id,
    signs: r.signs.split(',') as WarningSign[],
    since: r.since,
  }));
}

/** Planned contacts due in [from, to] (inclusive) of the owner's open cases, by day. */
export async function dueContacts(db: Db, owner: CaseOwner, range: { from?: string; to: string }, today: string, limit = 500): Promise<DueContact[]> {
  let query = db
    .selectFrom('followup_contacts as f')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .select(['f.id', 'f.case_id', 'f.due_on', 'f.type', 'f.performer', 'c.number', 'c.given_name', 'c.family_name'])
    .where('f.status', '=', 'planned')
    .where('c.status', '=', 'open')
    .where('f.due_on', '<=', range.to);
  if (range.from) query = query.where('f.due_on', '>=', range.from);
  // From the worker's open cases (their indexes) to each case's contacts, not the other way round:
  // a caseload is small, the office's contacts are many.
  if (owner) query = query.where('f.case_id', 'in', ownedOpenCases(db, owner.workerId));
  const rows = await query.orderBy('f.due_on').orderBy('c.number').limit(limit).execute();
  return rows.map((r) => ({
    contactId: r.id,
    caseId: r.case_id,
    number: r.number,
    childName: childName(r.given_name, r.family_name),
    dueOn: r.due_on,
    type: r.type,
    performer: r.performer,
    overdue: r.due_on < today,
  }));
}

/** Days after a (non-urgent) warning sign within which the risk assessment must be redone. */
export const RISK_REASSESSMENT_DAYS = 14;

/**
 * Cases where a warning sign stands with no risk assessment dated on or after it: due the day of
 * an urgent sign, RISK_REASSESSMENT_DAYS after any other.
 */
export async function riskReassessmentsDue(db: Db, owner: CaseOwner, caseId?: string, limit = 200) {
  let query = db
    .selectFrom('followup_signs as s')
    .innerJoin('cases as c', 'c.id', 's.case_id')
    .select([
      'c.id as case_id',
      'c.number',
      'c.given_name',
      'c.family_name',
      sql<string>`min(CASE WHEN s.urgent = 1 THEN s.observed_on ELSE date(s.observed_on, '+${sql.raw(String(RISK_REASSESSMENT_DAYS))} days') END)`.as('due_on'),
    ])
    .where('c.status', '=', 'open')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('risk_assessments as r').select('r.id').whereRef('r.case_id', '=', 's.case_id').whereRef('r.date', '>=', 's.observed_on'))),
    );
  if (caseId) query = query.where('c.id', '=', caseId);
  if (owner) query = query.where((eb) => eb.or([eb('c.worker_id', '=', owner.workerId), eb('c.family_worker_id', '=', owner.workerId)]));
  const rows = await query.groupBy('c.id').orderBy('due_on').limit(limit).execute();
  return rows.map((r) => ({ caseId: r.case_id, number: r.number, childName: childName(r.given_name, r.family_name), dueOn: r.due_on }));
}
