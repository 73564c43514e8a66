// Node-only. Which cases a review session goes through (B2.6): each chosen rule is one set-based
// query (its partial or filter index does the work), capped, merged with its reasons; then a random
// sample of the other open cases. Optionally one worker's cases only.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { SelectionRule } from '../../../shared/review/rules';
import { todayIso } from '../../../shared/cases/fields';
import type { DB } from '../db/schema';
import { breakdownCasesSql, warningSignCasesSql } from './followup-links';

/** At most this many cases per rule, and per session: a session is a sitting, not an audit. */
const PER_RULE = 40;
const PER_SESSION = 60;

function ruleSql(rule: SelectionRule, today: string, yearAgo: string): RawBuilder<unknown> {
  switch (rule) {
    case 'high_risk':
      return sql`SELECT id AS case_id FROM cases WHERE status IN ('open', 'halted') AND risk_level = 'high'`;
    case 'overdue':
      return sql`SELECT id AS case_id FROM cases WHERE status IN ('open', 'halted') AND review_due < ${today}`;
    case 'warning_signs':
      return warningSignCasesSql();
    case 'closure_requested':
      return sql`SELECT case_id FROM case_closures WHERE status = 'recommended'`;
    case 're_separated':
      return sql`SELECT case_id FROM case_reopenings WHERE reason = 're_separation' AND reopened_at >= ${yearAgo} UNION ${breakdownCasesSql(yearAgo)}`;
    case 'spontaneous':
      return sql`SELECT id AS case_id FROM cases WHERE status = 'open' AND spontaneous = 1`;
  }
}

export async function selectCases(
  trx: Transaction<DB>,
  now: Date,
  rules: readonly SelectionRule[],
  sampleSize: number,
  workerId: string | undefined,
): Promise<{ caseId: string; reasons: string[] }[]> {
  const today = todayIso(now);
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const worker = workerId ? sql`AND (c.worker_id = ${workerId} OR c.family_worker_id = ${workerId})` : sql``;
  const picked = new Map<string, string[]>();
  for (const rule of rules) {
    const { rows } = await sql<{ id: string }>`
      SELECT c.id FROM cases c WHERE c.id IN (${ruleSql(rule, today, yearAgo)}) AND c.status IN ('open', 'halted') ${worker}
      ORDER BY c.risk_rank DESC, c.review_due, c.seq LIMIT ${PER_RULE}`.execute(trx);
    for (const { id } of rows) picked.set(id, [...(picked.get(id) ?? []), rule]);
  }
  // Most reasons first, then the order the rules found them in.
  const chosen = [...picked.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, PER_SESSION);
  const result = chosen.map(([caseId, reasons]) => ({ caseId, reasons }));
  if (sampleSize > 0) {
    const taken = result.map((r) => r.caseId);
    const exclude = taken.length > 0 ? sql`AND c.id NOT IN (${sql.join(taken)})` : sql``;
    const { rows } = await sql<{ id: string }>`
      SELECT c.id FROM cases c WHERE c.status IN ('open', 'halted') ${worker} ${exclude} ORDER BY random() LIMIT ${sampleSize}`.execute(trx);
    for (const { id } of rows) result.push({ caseId: id, reasons: ['sample'] });
  }
  return result;
}
