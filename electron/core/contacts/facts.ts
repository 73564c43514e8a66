// Node-only. What the contacts feature tells the stage gates: a supervised home visit succeeded,
// and the latest picture (shared/contacts/ladder.ts `latestPicture`) — the most recent face-to-face
// contact went well with no concern, and no refusal stands.
import { sql, type Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import { latestPicture, supervisedVisitSucceeded } from '../../../shared/contacts/ladder';
import type { DB } from '../db/schema';

export async function contactsFacts(db: Kysely<DB>, caseId: string): Promise<Partial<CaseFacts>> {
  const held = await db
    .selectFrom('contacts')
    .select(['kind', 'status', 'outcome', 'held_on', 'concerns'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'held')
    // Entry order breaks ties between contacts held the same day (a second try after a partial one).
    .orderBy('held_on')
    .orderBy(sql`rowid`)
    .execute();
  const refusals = await db.selectFrom('contact_refusals').select('refused_on').where('case_id', '=', caseId).execute();
  const contacts = held.map((c) => ({ kind: c.kind, status: c.status, outcome: c.outcome, heldOn: c.held_on, concerns: c.concerns }));
  const picture = latestPicture(contacts, refusals.map((r) => ({ refusedOn: r.refused_on })));
  return {
    supervisedVisitSucceeded: supervisedVisitSucceeded(contacts),
    latestContactClear: picture.latestClear,
    noStandingRefusal: !picture.standingRefusal,
  };
}
