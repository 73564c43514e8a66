// Node-only. Review actions for My work: the open actions a person owns, oldest due first — one
// indexed query (review_actions_owner is partial on open actions), kept apart from My work's own
// loading so either can change without the other.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface MyReviewAction {
  actionId: string;
  caseId: string;
  number: string;
  childName: string;
  text: string;
  dueOn: string;
  overdue: boolean;
  heldOn: string;
}

export async function myReviewActions(db: Kysely<DB>, userId: string, today: string, limit = 50): Promise<MyReviewAction[]> {
  const rows = await db
    .selectFrom('review_actions')
    .innerJoin('cases', 'cases.id', 'review_actions.case_id')
    .innerJoin('review_sessions', 'review_sessions.id', 'review_actions.session_id')
    .select(['review_actions.id', 'review_actions.case_id', 'review_actions.text', 'review_actions.due_on', 'cases.number', 'cases.given_name', 'cases.family_name', 'review_sessions.held_on'])
    .where('review_actions.owner_id', '=', userId)
    .where('review_actions.status', '=', 'open')
    .where('cases.status', '!=', 'closed')
    .orderBy('review_actions.due_on')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    actionId: r.id,
    caseId: r.case_id,
    number: r.number,
    childName: `${r.given_name} ${r.family_name}`.trim(),
    text: r.text,
    dueOn: r.due_on,
    overdue: r.due_on < today,
    heldOn: r.held_on,
  }));
}
