// Node-only. Reading review sessions back: a session with its cases (in the order picked), their
// decisions and the actions assigned.
import type { Kysely, Transaction } from 'kysely';
import type { ReviewAction, ReviewSession } from '../../../shared/review/contract';
import { AppError } from '../../../shared/contract/errors';
import { nameOf, staffNames } from '../assessments/people';
import { toCaseRow } from '../cases/rows';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export async function actionsOf(db: Db, where: { sessionId?: string; caseId?: string }): Promise<ReviewAction[]> {
  let q = db.selectFrom('review_actions').leftJoin('users', 'users.id', 'review_actions.owner_id').selectAll('review_actions').select('users.display_name');
  if (where.sessionId) q = q.where('review_actions.session_id', '=', where.sessionId);
  if (where.caseId) q = q.where('review_actions.case_id', '=', where.caseId);
  const rows = await q.orderBy('review_actions.due_on').orderBy('review_actions.id').execute();
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    caseId: r.case_id,
    text: r.text,
    ownerId: r.owner_id,
    ownerName: r.display_name ?? null,
    dueOn: r.due_on,
    status: r.status,
    doneAt: r.done_at,
  }));
}

export async function loadSession(db: Db, sessionId: string, now: Date): Promise<ReviewSession> {
  const s = await db.selectFrom('review_sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND', 'no such review session');
  const items = await db
    .selectFrom('review_items')
    .innerJoin('cases', 'cases.id', 'review_items.case_id')
    .leftJoin('users', 'users.id', 'cases.worker_id')
    .selectAll('cases')
    .select([
      'review_items.position',
      'review_items.reasons',
      'review_items.decision',
      'review_items.note',
      'review_items.child_consulted',
      'review_items.family_consulted',
      'review_items.counts_as_plan_review',
      'review_items.decided_at',
      'users.display_name as worker_name',
    ])
    .where('review_items.session_id', '=', sessionId)
    .orderBy('review_items.position')
    .execute();
  const names = await staffNames(db, [s.created_by]);
  return {
    id: s.id,
    heldOn: s.held_on,
    kind: s.kind,
    agencies: JSON.parse(s.agencies) as string[],
    participants: s.participants,
    status: s.status,
    createdByName: nameOf(names, s.created_by),
    cases: items.length,
    decided: items.filter((i) => i.decided_at !== null).length,
    rules: JSON.parse(s.rules) as ReviewSession['rules'],
    sampleSize: s.sample_size,
    items: items.map((i) => ({
      caseId: i.id,
      position: i.position,
      reasons: JSON.parse(i.reasons) as ReviewSession['items'][number]['reasons'],
      decision: i.decision,
      note: i.note,
      childConsulted: i.child_consulted === 1,
      familyConsulted: i.family_consulted === 1,
      countsAsPlanReview: i.counts_as_plan_review === 1,
      decidedAt: i.decided_at,
      case: toCaseRow(i, now),
    })),
    actions: await actionsOf(db, { sessionId }),
  };
}
