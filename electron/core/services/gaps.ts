// Node-only. Coverage gaps (B4.2, G:L319, L344): needs set against supply, by area and category.
// Needs: open cases with an open objective of the current plan, a well-being factor scored 1–2 in
// their latest Child Status Index, or a referral declined or left unmet — each case counted once
// per category, placed by its area text. Supply: active services of active providers serving the
// area, one of its parents or part of it. A cell with needs and no service is a gap; one with
// services whose referrals were declined or unmet is strained.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { GapCell } from '../../../shared/services/contract';
import { categoryForDomain } from '../../../shared/services/categories';
import { unmetStatuses } from '../../../shared/referrals/lifecycle';
import type { DB } from '../db/schema';
import type { AreaTree } from './areas';

type Db = Kysely<DB> | Transaction<DB>;

/** The Child Status Index factors and the category a low score calls for. */
export const categoryForFactor: Record<string, string> = {
  food_security: 'material_support',
  nutrition_growth: 'material_support',
  shelter: 'material_support',
  care: 'material_support',
  abuse_exploitation: 'child_protection_committee',
  legal_protection: 'legal_aid',
  wellness: 'health',
  health_care_services: 'health',
  emotional_health: 'mental_health',
  social_behaviour: 'mental_health',
  performance: 'education',
  education_work: 'education',
  family_relationships: 'mental_health',
  community_belonging: 'community_religious',
  stigma: 'community_religious',
};

const pairs = (m: Record<string, string | null>) => Object.entries(m).filter((e): e is [string, string] => e[1] !== null);

/** `(key, category)` rows as a VALUES list, for joining a mapping inside SQL. */
function mapping(m: Record<string, string | null>) {
  return sql.join(pairs(m).map(([k, c]) => sql`(${k}, ${c})`));
}

/**
 * (case, area text, category) for every open need, as a SQL source: one pass over plan objectives,
 * latest well-being assessments and unmet referrals, deduplicated by the UNION.
 */
export function needTuples() {
  const unmet = sql.join(unmetStatuses.map((s) => sql`${s}`));
  return sql<{ case_id: string; area_key: string; category: string }>`
    WITH domain_map(domain, category) AS (VALUES ${mapping(categoryForDomain)}),
         factor_map(factor, category) AS (VALUES ${mapping(categoryForFactor)}),
         latest_csi AS (
           SELECT a.case_id, a.answers, row_number() OVER (PARTITION BY a.case_id ORDER BY a.date DESC, a.completed_at DESC) AS n
           FROM assessments a WHERE a.template_key = 'csi' AND a.status = 'completed')
    SELECT o.case_id AS case_id, lower(c.area) AS area_key, m.category AS category
      FROM plan_objectives o
      JOIN plan_versions v ON v.id = o.plan_version_id AND v.status = 'current'
      JOIN cases c ON c.id = o.case_id AND c.status = 'open'
      JOIN domain_map m ON m.domain = o.domain
     WHERE o.status IN ('not_started', 'in_progress')
    UNION
    SELECT l.case_id, lower(c.area), f.category
      FROM latest_csi l
      JOIN cases c ON c.id = l.case_id AND c.status = 'open'
      JOIN json_each(l.answers) j
      JOIN factor_map f ON f.factor = j.key
     WHERE l.n = 1 AND j.type = 'integer' AND j.value <= 2
    UNION
    SELECT r.case_id, r.area_key, r.category
      FROM referrals r JOIN cases c ON c.id = r.case_id AND c.status = 'open'
     WHERE r.status IN (${unmet})`;
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
  const tuples = needTuples();
  const needs = (await sql<{ area_key: string; category: string; n: number }>`SELECT area_key, category, count(DISTINCT case_id) AS n FROM (${tuples}) GROUP BY area_key, category`.execute(db)).rows;
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
  const cells = new Map<string, GapCell>();
  const cell = (areaId: string, category: string): GapCell => {
    const key = `${areaId}\u001f${category}`;
    let c = cells.get(key);
    if (!c) {
      c = { areaId, category, needs: 0, services: 0, pending: 0, declined: 0, gap: 'none' };
      cells.set(key, c);
    }
    return c;
  };
  const known = new Set(categories);
  const withParents = (areaId: string) => [areaId, ...tree.ancestors(areaId)];
  let unplaced = 0;
  for (const n of inputs.needs) {
    const areaId = tree.find(n.area_key);
    if (!areaId) {
      unplaced += n.n;
      continue;
    }
    if (!known.has(n.category)) continue;
    for (const a of withParents(areaId)) cell(a, n.category).needs += n.n;
  }
  for (const r of inputs.referrals) {
    const areaId = tree.find(r.area_key);
    if (!areaId || !known.has(r.category)) continue;
    for (const a of withParents(areaId)) {
      cell(a, r.category).pending += Number(r.pending);
      cell(a, r.category).declined += Number(r.declined);
    }
  }
  const reach = new Map<string, Set<string>>();
  for (const s of inputs.supply) {
    if (!tree.byId.has(s.area_id) || !known.has(s.category)) continue;
    for (const a of [s.area_id, ...tree.ancestors(s.area_id), ...tree.descendants(s.area_id)]) {
      const key = `${a}\u001f${s.category}`;
      if (!reach.has(key)) reach.set(key, new Set());
      reach.get(key)!.add(s.service_id);
    }
  }
  for (const [key, ids] of reach) {
    const [areaId, category] = key.split('\u001f');
    cell(areaId, category).services = ids.size;
  }
  for (const c of cells.values()) {
    if (c.needs > 0 && c.services === 0) c.gap = 'gap';
    else if (c.services > 0 && c.declined > 0) c.gap = 'strained';
  }
  const order = new Map(tree.rows.map((r, i) => [r.id, i]));
  const catOrder = new Map(categories.map((c, i) => [c, i]));
  const list = [...cells.values()].sort((a, b) => (order.get(a.areaId)! - order.get(b.areaId)!) || (catOrder.get(a.category)! - catOrder.get(b.category)!));
  return { cells: list, unplacedCases: unplaced };
}

/** Counts for the coordination meeting: cells under 5 (but above 0) are suppressed. */
export const suppressSmall = (n: number): string => (n > 0 && n < 5 ? '<5' : String(n));
