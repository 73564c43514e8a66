// Node-only. Coverage gaps (B4.2, G:L319, L344): needs set against supply, by area and category.
// Needs: open cases with an open objective of the current plan, a well-being factor scored 1–2 in
// their latest Child Status Index, or a referral declined or left unmet — each case counted once
// per category, placed by its area text (kept in case_needs by triggers, so this is one count). Supply: active services of active providers serving the
// area, one of its parents or part of it. A cell with needs and no service is a gap; one with
// services whose referrals were declined or unmet is strained.
import { categoryList as categoriesOf } from './categories';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Area, Category } from '../../../shared/services/contract';
import type { GapCounts } from '../../../shared/services/gaps';
import type { DB } from '../db/schema';
import { AreaTree, areaRows, toArea } from './areas';

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

async function demandInputs(db: Db): Promise<Pick<GapInputs, 'needs' | 'referrals'>> {
  // Kept per cell by triggers (need_counts): the matrix never counts the office's cases itself.
  const needs = await db.selectFrom('need_counts').select(['area_key', 'category', 'n']).where('n', '>', 0).execute();
  // Kept per cell by triggers too (referral_counts, migration 19).
  const referrals = await db.selectFrom('referral_counts').select(['area_key', 'category', 'pending', 'declined']).where((eb) => eb.or([eb('pending', '>', 0), eb('declined', '>', 0)])).execute();
  return { needs, referrals };
}

async function supplyInputs(db: Db): Promise<GapInputs['supply']> {
  return db
    .selectFrom('service_coverage')
    .innerJoin('services', 'services.id', 'service_coverage.service_id')
    .innerJoin('service_providers', 'service_providers.id', 'services.provider_id')
    .select(['service_coverage.area_id', 'services.category', 'services.id as service_id'])
    .where('services.active', '=', 1)
    .where('service_providers.active', '=', 1)
    .execute();
}

export async function gapInputs(db: Db): Promise<GapInputs> {
  return { ...(await demandInputs(db)), supply: await supplyInputs(db) };
}

/** The area tree by index: parents, and sub-areas as a range of a depth-first order. */
interface Shape {
  tree: AreaTree;
  A: number;
  C: number;
  areaIndex: Map<string, number>;
  catIndex: Map<string, number>;
  parent: Int32Array;
  order: Int32Array;
  first: Int32Array;
  last: Int32Array;
}

function shapeOf(tree: AreaTree, categories: readonly string[]): Shape {
  const A = tree.rows.length;
  const areaIndex = new Map(tree.rows.map((r, i) => [r.id, i]));
  const parent = new Int32Array(A).fill(-1);
  const children: number[][] = Array.from({ length: A }, () => []);
  tree.rows.forEach((r, i) => {
    const p = r.parent_id === null ? undefined : areaIndex.get(r.parent_id);
    if (p !== undefined && p !== i) {
      parent[i] = p;
      children[p].push(i);
    }
  });
  // Depth-first order from the top areas: an area's sub-areas are order[first[a] + 1 .. last[a]].
  const order = new Int32Array(A);
  const first = new Int32Array(A).fill(-1);
  const last = new Int32Array(A).fill(-1);
  let t = 0;
  for (let root = 0; root < A; root++) {
    if (parent[root] !== -1) continue;
    const stack: [number, number][] = [[root, 0]];
    first[root] = t;
    order[t++] = root;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const kids = children[top[0]];
      if (top[1] < kids.length) {
        const next = kids[top[1]++];
        first[next] = t;
        order[t++] = next;
        stack.push([next, 0]);
      } else {
        last[top[0]] = t - 1;
        stack.pop();
      }
    }
  }
  return { tree, A, C: categories.length, areaIndex, catIndex: new Map(categories.map((c, i) => [c, i])), parent, order, first, last };
}

/** The area and its parents (bounded: a tree edited into a loop by hand still ends). */
function upward(s: Shape, a: number, visit: (x: number) => void) {
  for (let x = a, steps = 0; x >= 0 && steps <= s.A; x = s.parent[x], steps++) visit(x);
}

/** Services per area × category: a service counts once in each area it reaches (stamped with its number). */
function supplyCounts(s: Shape, supply: GapInputs['supply']): Float64Array {
  const services = new Float64Array(s.A * s.C);
  const byService = new Map<string, { c: number; areas: number[] }>();
  for (const row of supply) {
    const a = s.areaIndex.get(row.area_id);
    const c = s.catIndex.get(row.category);
    if (a === undefined || c === undefined) continue;
    const entry = byService.get(row.service_id);
    if (entry) entry.areas.push(a);
    else byService.set(row.service_id, { c, areas: [a] });
  }
  const stamp = new Int32Array(s.A).fill(-1);
  let serviceNo = 0;
  for (const { c, areas } of byService.values()) {
    const count = (x: number) => {
      if (stamp[x] === serviceNo) return;
      stamp[x] = serviceNo;
      services[x * s.C + c] += 1;
    };
    for (const a of areas) {
      upward(s, a, count);
      if (s.first[a] >= 0) for (let k = s.first[a] + 1; k <= s.last[a]; k++) count(s.order[k]);
    }
    serviceNo += 1;
  }
  return services;
}

/** Needs and referrals per area × category, placed by area text and rolled up to every parent. */
function demandCounts(s: Shape, inputs: Pick<GapInputs, 'needs' | 'referrals'>, services: Float64Array): GapCounts & { unplacedCases: number } {
  const needs = new Float64Array(s.A * s.C);
  const pending = new Float64Array(s.A * s.C);
  const declined = new Float64Array(s.A * s.C);
  const placedCache = new Map<string, number | undefined>();
  const placed = (areaKey: string): number | undefined => {
    if (!placedCache.has(areaKey)) {
      const id = s.tree.find(areaKey);
      placedCache.set(areaKey, id === null ? undefined : s.areaIndex.get(id));
    }
    return placedCache.get(areaKey);
  };
  let unplaced = 0;
  for (const n of inputs.needs) {
    const a = placed(n.area_key);
    if (a === undefined) {
      unplaced += Number(n.n);
      continue;
    }
    const c = s.catIndex.get(n.category);
    if (c !== undefined) upward(s, a, (x) => (needs[x * s.C + c] += Number(n.n)));
  }
  for (const r of inputs.referrals) {
    const a = placed(r.area_key);
    const c = s.catIndex.get(r.category);
    if (a === undefined || c === undefined) continue;
    upward(s, a, (x) => {
      pending[x * s.C + c] += Number(r.pending);
      declined[x * s.C + c] += Number(r.declined);
    });
  }
  return { needs: Array.from(needs), services: Array.from(services), pending: Array.from(pending), declined: Array.from(declined), unplacedCases: unplaced };
}

/**
 * The matrix from its inputs (pure, unit-tested), as flat counts in the tree's row order (see
 * shared/services/gaps.ts). Needs and referrals placed in a sub-area count in each of its parents
 * too; a service counts once in each area it reaches: its areas, their parents and their sub-areas.
 */
export function computeGaps(tree: AreaTree, categories: readonly string[], inputs: GapInputs): GapCounts & { unplacedCases: number } {
  const s = shapeOf(tree, categories);
  return demandCounts(s, inputs, supplyCounts(s, inputs.supply));
}

/**
 * The directory's side of the matrix (areas, categories, services per cell) changes only when the
 * directory does: it is kept per open database until directory_version moves (bumped by triggers
 * on areas, categories, providers, services and coverage in the writing transaction; migration 19).
 * The needs and referrals are read on every call.
 */
const directoryCache = new WeakMap<object, { version: number; areas: Area[]; categories: Category[]; shape: Shape; services: Float64Array }>();

/** Every category with its names by language and whether it is retired (categories.ts keeps them). */
export const categoryList = (db: Db): Promise<Category[]> => categoriesOf(db);

export async function gapMatrix(db: Kysely<DB>) {
  const version = (await db.selectFrom('directory_version').select('n').executeTakeFirst())?.n ?? -1;
  let directory = directoryCache.get(db);
  if (!directory || directory.version !== version) {
    const rows = await areaRows(db);
    const categories = await categoryList(db);
    const shape = shapeOf(new AreaTree(rows), categories.map((c) => c.key));
    directory = { version, areas: rows.map(toArea), categories, shape, services: supplyCounts(shape, await supplyInputs(db)) };
    directoryCache.set(db, directory);
  }
  const counts = demandCounts(directory.shape, await demandInputs(db), directory.services);
  return { areas: directory.areas, categories: directory.categories, ...counts };
}

/** Counts for the coordination meeting: cells under 5 (but above 0) are suppressed. */
export const suppressSmall = (n: number): string => (n > 0 && n < 5 ? '<5' : String(n));
