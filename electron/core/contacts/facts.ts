// Node-only. What the contacts feature tells the stage gates: a supervised home visit succeeded,
// and the latest picture (shared/contacts/ladder.ts `latestPicture`) — the most recent face-to-face
// contact went well with no concern, and no refusal stands.
import { sql, type Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import { latestPicture, supervisedVisitSucceeded } from '../../../shared/contacts/ladder';
import type { DB } from '../db/schema';
import { byCase, factsFor, forCases } from '../cases/facts-many';

/** For each case, two queries for all of them. */
export async function contactsFacts(db: Kysely<DB>, caseIds: readonly string[]): Promise<Map<string, Partial<CaseFacts>>> {
  const held = byCase(
    await forCases(caseIds, (list) =>
      db
        .selectFrom('contacts')
        .select(['case_id', 'kind', 'status', 'outcome', 'held_on', 'concerns'])
        .where('case_id', 'in', list)
        .where('status', '=', 'held')
        // Entry order breaks ties between contacts held the same day (a second try after a partial one).
        .orderBy('case_id')
        .orderBy('held_on')
        .orderBy(sql`rowid`)
        .execute(),
    ),
  );
  const refusals = byCase(
    await forCases(caseIds, (list) => db.selectFrom('contact_refusals').select(['case_id', 'refused_on']).where('case_id', 'in', list).execute()),
  );
  return factsFor(caseIds, (id) => {
    const contacts = (held.get(id) ?? []).map((c) => ({ kind: c.kind, status: c.status, outcome: c.outcome, heldOn: c.held_on, concerns: c.concerns }));
    const picture = latestPicture(contacts, (refusals.get(id) ?? []).map((r) => ({ refusedOn: r.refused_on })));
    return {
      supervisedVisitSucceeded: supervisedVisitSucceeded(contacts),
      latestContactClear: picture.latestClear,
      noStandingRefusal: !picture.standingRefusal,
    };
  });
}
