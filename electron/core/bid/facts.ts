// Node-only. What the bid feature tells the stage gates: the most recently approved BID decided
// on reintegration: with the parents or with extended family / kin. (Whether the office requires a BID is an office setting.)
import type { Kysely } from 'kysely';
import { reintegrationDecisions } from '../../../shared/bid/contract';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';
import { byCase, factsFor, forCases } from '../cases/facts-many';

/** For each case, one query for all of them; each case's first row is its latest approved BID. */
export async function bidFacts(db: Kysely<DB>, caseIds: readonly string[]): Promise<Map<string, Partial<CaseFacts>>> {
  const approved = byCase(
    await forCases(caseIds, (list) =>
      db
        .selectFrom('bids')
        .select(['case_id', 'decision'])
        .where('case_id', 'in', list)
        .where('status', '=', 'approved')
        .orderBy('case_id')
        .orderBy('decided_at', 'desc')
        .orderBy('date', 'desc')
        .execute(),
    ),
  );
  return factsFor(caseIds, (id) => {
    const latest = approved.get(id)?.[0];
    return { bidApproved: latest?.decision != null && reintegrationDecisions.includes(latest.decision) };
  });
}
