// Node-only. Coverage gaps (B4.2, G:L319, L344): needs set against supply, by area and category.
// Needs: open cases with an open objective of the current plan, a well-being factor scored 1–2 in
// their latest Child Status Index, or a referral declined or left unmet — each case counted once
// per category, placed by its area text (kept in case_needs by triggers, so this is one count). Supply: active services of active providers serving the
// area, one of its parents or part of it. A cell with needs and no service is a gap; one with
// services whose referrals were declined or unmet is strained.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { GapCell } from '../../../shared/services/contract';
import { unmetStatuses } from '../../../shared/referrals/lifecycle';
import type { DB } from '../db/schema';
import type { AreaTree } from './areas';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * (case, area key, category) for every open need, as a SQL source: the case_needs table, which
 * triggers keep in step with plan objectives, well-being assessments, referrals and the case's
 * area and status (migrations/0015_services.ts).
 */
export function needTuples() {
  return sql<{ case_id: string; area_key: string; category: string }>`SELECT case_id, area_key, category FROM case_needs`;
}

export interface GapInputs {
  /** Distinct cases with a need, by lower-cased area text and category. */
  needs: { area_key: string; category: string; n: number }[];
  /** Active services by the area they serve and category. */
  supply: { area_id: string; category: string; service_id: string }[];
  /** Referrals by lower-cased area text, category and status group. */
  referrals: { area_key: string; category: string; pending: number; declined: number }[];
}

export async function gapInputs(db: Db): Promise<GapInputs> {
  // Kept per cell by triggers (need_counts): the matrix never counts the office's cases itself.
  const needs = await db.selectFrom('need_counts').select(['area_key', 'category', 'n']).where('n', '>', 0).execute();
  const supply = await db
    .selectFrom('service_coverage')
    .innerJoin('services', 'services.id', 'service_coverage.service_id')
    .innerJoin('service_providers', 'service_providers.id', 'services.provider_id')
    .select(['service_coverage.area_id', 'services.category', 'services.id as service_id'])
    .where('services.active', '=', 1)
    .where('service_providers.active', '=', 1)
    .execute();
  const unmet = sql.join(unmetStatuses.map((s) => sql`${s}`));
  const referrals = (
    await sql<{ area_key: string; category: string; pending: number; declined: number }>`
      SELECT area_key, category,
             sum(status IN ('sent', 'acknowledged', 'accepted')) AS pending,
             sum(status IN (${unmet})) AS declined
        FROM referrals WHERE status <> 'draft' GROUP BY area_key, category`.execute(db)
  ).rows;
  return { needs, supply, referrals };
}

/**
 * The matrix from its inputs (pure, unit-tested). Needs and referrals placed in a sub-area count in
 * each of its parents too; a service counts in its areas, their parents' rows and their sub-areas'.
 */
export function computeGaps(tree: AreaTree, categories: readonly string[], inputs: GapInputs): { cells: GapCell[]; unplacedCases: number } {
  // Flat arrays indexed by area × category: the matrix of a large office (1 000 areas × 13
  // categories) is built in a few milliseconds, with each area's parents and sub-areas walked once.
  const A = tree.rows.length;
  const C = categories.length;
  const areaIndex = new Map(tree.rows.map((r, i) => [r.id, i]));
  const catIndex = new Map(categories.map((c, i) => [c, i]));
  const needs = new Float64Array(A * C);
  const services = new Float64Array(A * C);
  const pending = new Float64Array(A * C);
  const declined = new Float64Array(A * C);
  const upCache = new Map<number, number[]>();
  const up = (i: number): number[] => {
    let list = upCache.get(i);
    if (!list) {
      list = [i, ...tree.ancestors(tree.rows[i].id).map((id) => areaIndex.get(id)!)];
      upCache.set(i, list);
    }
    return list;
  };
  const placed = (areaKey: string): number | undefined => {
    const id = tree.find(areaKey);
    return id === null ? undefined : areaIndex.get(id);
  };
  let unplaced = 0;
  for (const n of inputs.needs) {
    const a = placed(n.area_key);
    if (a === undefined) {
      unplaced += Number(n.n);
      continue;
    }
    const c = catIndex.get(n.category);
    if (c === undefined) continue;
    for (const x of up(a)) needs[x * C + c] += Number(n.n);
  }
  for (const r of inputs.referrals) {
    const a = placed(r.area_key);
    const c = catIndex.get(r.category);
    if (a === undefined || c === undefined) continue;
    for (const x of up(a)) {
      pending[x * C + c] += Number(r.pending);
      declined[x * C + c] += Number(r.declined);
    }
  }
  // A service counts once per cell however many of its areas reach it.
  const reachOf = new Map<string, { c: number; areas: Set<number> }>();
  const downCache = new Map<number, number[]>();
  for (const s of inputs.supply) {
    const a = areaIndex.get(s.area_id);
    const c = catIndex.get(s.category);
    if (a === undefined || c === undefined) continue;
    let down = downCache.get(a);
    if (!down) {
      down = tree.descendants(s.area_id).map((id) => areaIndex.get(id)!);
      downCache.set(a, down);
    }
    let entry = reachOf.get(s.service_id);
    if (!entry) reachOf.set(s.service_id, (entry = { c, areas: new Set() }));
    for (const x of up(a)) entry.areas.add(x);
    for (const x of down) entry.areas.add(x);
  }
  for (const { c, areas } of reachOf.values()) for (const x of areas) services[x * C + c] += 1;
  const cells: GapCell[] = [];
  for (let a = 0; a < A; a++) {
    for (let c = 0; c < C; c++) {
      const k = a * C + c;
      if (needs[k] === 0 && services[k] === 0 && pending[k] === 0 && declined[k] === 0) continue;
      const gap = needs[k] > 0 && services[k] === 0 ? 'gap' : services[k] > 0 && declined[k] > 0 ? 'strained' : 'none';
      cells.push({ areaId: tree.rows[a].id, category: categories[c], needs: needs[k], services: services[k], pending: pending[k], declined: declined[k], gap });
    }
  }
  return { cells, unplacedCases: unplaced };
}

/** Counts for the coordination meeting: cells under 5 (but above 0) are suppressed. */
export const suppressSmall = (n: number): string => (n > 0 && n < 5 ? '<5' : String(n));
