// Node-only. The gate facts of many cases at once, for "My work": one query per feature over the
// whole set of cases (not eight small queries per case). Each part mirrors the feature's own
// per-case reader (`<feature>/facts.ts`); a test checks both agree on every case of an office.
import { sql, type Kysely } from 'kysely';
import { emptyFacts, type CaseFacts } from '../../../shared/cases/stages';
import { unfinishedItemStatuses } from '../../../shared/preparation/schemas';
import { outcomeResults } from '../../../shared/tracing/contract';
import type { DB } from '../db/schema';
import { tracingOutcome } from '../tracing/facts';

const ids = (caseIds: string[]) => sql`(SELECT value FROM json_each(${JSON.stringify(caseIds)}))`;
const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));

async function rows<T>(db: Kysely<DB>, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

export async function loadFactsMany(db: Kysely<DB>, caseIds: string[], options: { requireBid: boolean }): Promise<Map<string, CaseFacts>> {
  const facts = new Map<string, CaseFacts>();
  for (const id of caseIds) facts.set(id, { ...emptyFacts, bidRequired: options.requireBid });
  if (caseIds.length === 0) return facts;
  const set = (caseId: string, part: Partial<CaseFacts>) => {
    const f = facts.get(caseId);
    if (f) Object.assign(f, part);
  };
  const inSet = ids(caseIds);

  // Tracing: the latest outcome-bearing result in log order decides.
  const outcomes = await rows(
    db,
    sql<{ case_id: string; id: string; date: string; result: string }>`
      SELECT case_id, id, date, result FROM tracing_actions
      WHERE case_id IN ${inSet} AND removed_at IS NULL AND result IN (${list(outcomeResults)})
      ORDER BY case_id, date, created_at, id`,
  );
  const byCase = new Map<string, typeof outcomes>();
  for (const row of outcomes) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row]);
  for (const [caseId, ordered] of byCase) set(caseId, { familyFound: tracingOutcome(ordered).familyFound });

  for (const row of await rows(
    db,
    sql<{ case_id: string; kind: string }>`
      SELECT DISTINCT case_id, kind FROM assessments WHERE case_id IN ${inSet} AND status = 'completed'`,
  )) {
    if (row.kind === 'child') set(row.case_id, { childAssessed: true });
    if (row.kind === 'family') set(row.case_id, { familyAssessed: true });
    if (row.kind === 'community') set(row.case_id, { communityAssessed: true });
  }

  for (const row of await rows(db, sql<{ case_id: string }>`SELECT DISTINCT case_id FROM risk_assessments WHERE case_id IN ${inSet}`)) {
    set(row.case_id, { riskAssessed: true });
  }
  // The latest safety plan (highest number) decides.
  for (const row of await rows(
    db,
    sql<{ case_id: string; child_knows: number }>`
      SELECT case_id, child_knows FROM safety_plans AS p WHERE case_id IN ${inSet}
      AND number = (SELECT max(number) FROM safety_plans WHERE case_id = p.case_id)`,
  )) {
    set(row.case_id, { safetyPlan: row.child_knows === 1 });
  }

  // The latest approved BID (by decision time, then date) decides.
  for (const row of await rows(
    db,
    sql<{ case_id: string; decision: string }>`
      SELECT case_id, decision FROM (
        SELECT case_id, decision, row_number() OVER (PARTITION BY case_id ORDER BY decided_at DESC, date DESC) AS n
        FROM bids WHERE case_id IN ${inSet} AND status = 'approved')
      WHERE n = 1`,
  )) {
    set(row.case_id, { bidApproved: row.decision === 'reintegration_with_family' });
  }

  for (const row of await rows(
    db,
    sql<{ case_id: string }>`SELECT DISTINCT case_id FROM plan_versions WHERE case_id IN ${inSet} AND status = 'current'`,
  )) {
    set(row.case_id, { planAcknowledged: true });
  }

  for (const row of await rows(db, sql<{ case_id: string }>`SELECT DISTINCT case_id FROM preparation_care WHERE case_id IN ${inSet}`)) {
    set(row.case_id, { careArrangement: true });
  }
  for (const row of await rows(db, sql<{ case_id: string }>`SELECT DISTINCT case_id FROM preparation_monitors WHERE case_id IN ${inSet}`)) {
    set(row.case_id, { monitorAssigned: true });
  }
  for (const row of await rows(
    db,
    sql<{ case_id: string; n: number }>`
      SELECT case_id, count(*) AS n FROM preparation_items
      WHERE case_id IN ${inSet} AND status IN (${list(unfinishedItemStatuses)}) GROUP BY case_id`,
  )) {
    set(row.case_id, { preparationOpenItems: Number(row.n) });
  }

  for (const row of await rows(
    db,
    sql<{ case_id: string }>`
      SELECT DISTINCT case_id FROM contacts WHERE case_id IN ${inSet}
      AND status = 'held' AND kind = 'supervised_visit' AND outcome = 'successful'`,
  )) {
    set(row.case_id, { supervisedVisitSucceeded: true });
  }

  for (const row of await rows(
    db,
    sql<{ case_id: string }>`
      SELECT DISTINCT r.case_id FROM reunifications AS r
      JOIN reunification_willingness_documents AS doc ON doc.case_id = r.case_id
      WHERE r.case_id IN ${inSet} AND r.willingness_stated_by != ''`,
  )) {
    set(row.case_id, { reunificationRecorded: true });
  }
  return facts;
}
