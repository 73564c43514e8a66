// Node-only. Gathers what every feature tells the stage gates about one case.
import type { Kysely } from 'kysely';
import { emptyFacts, type CaseFacts } from '../../../shared/cases/stages';
import { todayIso } from '../../../shared/cases/fields';
import { approvedExceptions } from '../approvals/queries';
import { assessmentsFacts } from '../assessments/facts';
import { bidFacts } from '../bid/facts';
import { contactsFacts } from '../contacts/facts';
import type { DB } from '../db/schema';
import type { CoreDeps } from '../deps';
import { plansFacts } from '../plans/facts';
import { readPractice } from '../practice/settings';
import { preparationFacts } from '../preparation/facts';
import { reunificationFacts } from '../reunification/facts';
import { safetyFacts } from '../safety/facts';
import { tracingFacts } from '../tracing/facts';

/** What the rules need besides the case's own records: office settings and the day. */
export interface FactOptions {
  requireBid: boolean;
  /** Risk assessment and safety plan must be this recent before reunification (practice settings). */
  homeSafetyDays: number;
  /** ISO date the rules are read on. */
  today: string;
}

export type FactContributor = (db: Kysely<DB>, caseId: string, options: FactOptions) => Promise<Partial<CaseFacts>>;

const contributors: FactContributor[] = [
  tracingFacts,
  assessmentsFacts,
  safetyFacts,
  bidFacts,
  plansFacts,
  preparationFacts,
  contactsFacts,
  reunificationFacts,
];

export async function loadFacts(db: Kysely<DB>, caseId: string, options: FactOptions): Promise<CaseFacts> {
  const facts: CaseFacts = { ...emptyFacts, bidRequired: options.requireBid };
  for (const contribute of contributors) Object.assign(facts, await contribute(db, caseId, options));
  facts.exceptions = await approvedExceptions(db, caseId);
  return facts;
}

/** The options every caller passes, read once per call (not per case in a list). */
export async function factOptions(deps: CoreDeps, db: Kysely<DB>, now: Date): Promise<FactOptions> {
  const settings = await deps.settings();
  const practice = await readPractice(db);
  return { requireBid: settings.requireBid, homeSafetyDays: practice.homeSafetyDays, today: todayIso(now) };
}
