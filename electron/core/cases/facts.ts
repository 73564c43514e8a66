// Node-only. Gathers what every feature tells the stage gates about a case — or about many cases
// at once: My work reads them for up to 200 cases with one query per feature (issue 9: per-case
// reads made it hundreds of small queries, p95 over half a second for a busy worker).
import type { Kysely } from 'kysely';
import { emptyFacts, type CaseFacts } from '../../../shared/cases/stages';
import { todayIso } from '../../../shared/cases/fields';
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
import { byCase, forCases } from './facts-many';

/** What the rules need besides the case's own records: office settings and the day. */
export interface FactOptions {
  requireBid: boolean;
  /** Risk assessment and safety plan must be this recent before reunification (practice settings). */
  homeSafetyDays: number;
  /** ISO date the rules are read on. */
  today: string;
}

/** A feature's facts for each of the given cases (every id gets an entry), read set-based. */
export type FactContributor = (db: Kysely<DB>, caseIds: readonly string[], options: FactOptions) => Promise<Map<string, Partial<CaseFacts>>>;

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

/** Gate ids a supervisor approved an exception for, per case. */
async function exceptionsFacts(db: Kysely<DB>, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await forCases(caseIds, (list) =>
    db.selectFrom('gate_exceptions').select(['case_id', 'gate_id']).distinct().where('case_id', 'in', list).where('status', '=', 'approved').execute(),
  );
  return new Map([...byCase(rows)].map(([id, list]) => [id, list.map((r) => r.gate_id)]));
}

/** The facts of every case in `caseIds`: a few queries per feature in all, whatever the count. */
export async function loadFactsMany(db: Kysely<DB>, caseIds: readonly string[], options: FactOptions): Promise<Map<string, CaseFacts>> {
  const ids = [...new Set(caseIds)];
  const all = new Map<string, CaseFacts>(ids.map((id) => [id, { ...emptyFacts, bidRequired: options.requireBid }]));
  if (ids.length === 0) return all;
  for (const contribute of contributors) {
    for (const [id, part] of await contribute(db, ids, options)) Object.assign(all.get(id)!, part);
  }
  const exceptions = await exceptionsFacts(db, ids);
  for (const [id, facts] of all) facts.exceptions = exceptions.get(id) ?? [];
  return all;
}

export async function loadFacts(db: Kysely<DB>, caseId: string, options: FactOptions): Promise<CaseFacts> {
  return (await loadFactsMany(db, [caseId], options)).get(caseId)!;
}

/** The options every caller passes, read once per call (not per case in a list). */
export async function factOptions(deps: CoreDeps, db: Kysely<DB>, now: Date): Promise<FactOptions> {
  const settings = await deps.settings();
  const practice = await readPractice(db);
  return { requireBid: settings.requireBid, homeSafetyDays: practice.homeSafetyDays, today: todayIso(now) };
}
