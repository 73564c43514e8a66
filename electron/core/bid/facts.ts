// Node-only. What the bid feature tells the stage gates: the most recently approved BID decided
// on reintegration: with the parents or with extended family / kin. (Whether the office requires a BID is an office setting.)
import type { Kysely } from 'kysely';
import { reintegrationDecisions } from '../../../shared/bid/contract';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';

export async function bidFacts(db: Kysely<DB>, caseId: string): Promise<Partial<CaseFacts>> {
  const approved = await db
    .selectFrom('bids')
    .select('decision')
    .where('case_id', '=', caseId)
    .where('status', '=', 'approved')
    .orderBy('decided_at', 'desc')
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { bidApproved: approved?.decision != null && reintegrationDecisions.includes(approved.decision) };
}
