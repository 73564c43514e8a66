// Node-only. Gathers what every feature tells the stage gates about one case.
import type { Kysely } from 'kysely';
import { emptyFacts, type CaseFacts } from '../../../shared/cases/stages';
import { assessmentsFacts } from '../assessments/facts';
import { bidFacts } from '../bid/facts';
import { contactsFacts } from '../contacts/facts';
import type { DB } from '../db/schema';
import { plansFacts } from '../plans/facts';
import { preparationFacts } from '../preparation/facts';
import { reunificationFacts } from '../reunification/facts';
import { safetyFacts } from '../safety/facts';
import { tracingFacts } from '../tracing/facts';

const contributors = [
  tracingFacts,
  assessmentsFacts,
  safetyFacts,
  bidFacts,
  plansFacts,
  preparationFacts,
  contactsFacts,
  reunificationFacts,
];

export async function loadFacts(db: Kysely<DB>, caseId: string, options: { requireBid: boolean }): Promise<CaseFacts> {
  const facts: CaseFacts = { ...emptyFacts, bidRequired: options.requireBid };
  for (const contribute of contributors) Object.assign(facts, await contribute(db, caseId));
  return facts;
}
