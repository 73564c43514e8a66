// Node-only. Computes indicators for a period: each cohort (fact-cohorts.ts), with its children's
// split columns when a split or filter needs them, filtered and grouped in SQL — one query per
// indicator, whatever the number of cases — and the set of children behind any number, for the
// case list to open.
import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import {
  indicatorIds,
  indicatorMeta,
  type Dimension,
  type IndicatorId,
  type IndicatorResult,
  type IndicatorSelection,
  type Period,
  type ReportFilters,
} from '../../../shared/reports/indicators';
import type { DB } from '../db/schema';
import { combiningCohorts, factCohorts as cohorts, type PeriodParams } from './fact-cohorts';
import { readHere, type SharedReads } from '../db/shared-reads';
import { dimensionCondition, filterConditions, splitSql } from './dimensions';

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function minusMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

export function periodParams(period: Period): PeriodParams {
  return { from: period.from, to: period.to, toNext: dayAfter(period.to), to3m: minusMonths(period.to, 3) };
}

const whereAll = (conds: RawBuilder<unknown>[]) => (conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``);

/** Nearest-rank percentile of values given in ascending order with how often each occurs. */
export function percentileOfCounts(sorted: readonly { value: number; count: number }[], q: number): number | null {
  const n = sorted.reduce((s, v) => s + v.count, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (const v of sorted) {
    seen += v.count;
    if (seen >= rank) return v.value;
  }
  return null;
}

export interface ComputeOptions {
  period: Period;
  filters: ReportFilters;
  by: Dimension | null;
  ids?: readonly IndicatorId[];
}

interface Sums {
  den: number;
  num: number | null;
  unk: number | null;
}

const num = (v: unknown) => Number(v ?? 0);

/** The sums of several rows' figures (groups of a split, or days of a duration). */
const addSums = (rows: readonly Sums[]): Sums =>
  rows.reduce<Sums>((t, r) => ({ den: t.den + num(r.den), num: num(t.num) + num(r.num), unk: num(t.unk) + num(r.unk) }), { den: 0, num: 0, unk: 0 });

/** One indicator's statements, and how their rows make its result. */
interface IndicatorPlan {
  statements: CompiledQuery[];
  finish: (rows: readonly (readonly unknown[])[]) => IndicatorResult;
}

function planOne(db: Kysely<DB>, id: IndicatorId, p: PeriodParams, options: ComputeOptions): IndicatorPlan {
  const cohort = cohorts[id];
  if (!cohort) throw new Error(`indicator ${id} has no definition`);
  const meta = indicatorMeta[id];
  const conds = filterConditions(options.filters, 'k');
  const split = options.by ? splitSql(options.by, 'k') : null;
  // Splits and filters read the child's columns from the cohort's own rows (each fact carries them);
  // a statement needing neither reads the cohort without them.
  const from = (dims: boolean) => sql`FROM (${cohort({ ...p, dims })}) k`;
  const withColumns = from(true);
  const base = from(conds.length > 0);
  // One pass gives both the figures and the days, counted per number of days: a few hundred rows
  // reach JavaScript, not one per child (38 000 for the children traced in a year).
  const withDays = meta.shape === 'duration' || id === 'traced';
  const statements: CompiledQuery[] = [];
  if (split) {
    statements.push(
      sql`SELECT ${split.expr} AS grp, count(*) AS den, sum(k.num) AS num, sum(k.unk) AS unk ${withColumns} ${whereAll(conds)} GROUP BY grp`.compile(db),
    );
  }
  if (withDays) {
    statements.push(sql`SELECT k.days AS days, count(*) AS den, sum(k.num) AS num, sum(k.unk) AS unk ${base} ${whereAll(conds)} GROUP BY k.days ORDER BY k.days`.compile(db));
  }
  // Every child is in exactly one raw group of a split and one row of the days: either adds up to the total.
  if (!split && !withDays) statements.push(sql`SELECT count(*) AS den, sum(k.num) AS num, sum(k.unk) AS unk ${base} ${whereAll(conds)}`.compile(db));

  return {
    statements,
    finish: (results) => {
      const rowsOf = (i: number) => results[i] as (Sums & { grp?: unknown; days?: number | null })[];
      let groups: IndicatorResult['groups'] = [];
      if (split) {
        const byValue = new Map<string, Sums>();
        for (const row of rowsOf(0)) {
          for (const value of split.fold(row.grp)) byValue.set(value, addSums([byValue.get(value) ?? { den: 0, num: 0, unk: 0 }, row]));
        }
        groups = [...byValue.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([value, r]) => ({ value, numerator: num(r.num), denominator: meta.shape === 'count' ? null : r.den, unknown: num(r.unk) }));
      }
      let median: number | null = null;
      let p90: number | null = null;
      if (withDays) {
        const days = rowsOf(split ? 1 : 0)
          .filter((r) => r.days !== null && r.days !== undefined)
          .map((r) => ({ value: Math.round(Number(r.days)), count: num(r.den) }));
        median = percentileOfCounts(days, 0.5);
        p90 = percentileOfCounts(days, 0.9);
      }
      const total = addSums(rowsOf(0));
      return {
        id,
        status: 'computed',
        numerator: meta.shape === 'count' ? num(total.den) : num(total.num),
        denominator: meta.shape === 'count' ? null : num(total.den),
        unknown: num(total.unk),
        median,
        p90,
        groups,
      };
    },
  };
}

/**
 * The share of an indicator's facts (by the days they span) above which reading all of them in the
 * child's order costs less than sorting the period's by child. Measured at 100 000 cases (facts over
 * three to four years): for a quarter (6–8 % of them) the grouped statements are up to twice as cheap
 * by date; for twelve months (25–33 %) two to four times cheaper by child.
 */
const BY_CHILD_SHARE = 0.15;

const dayNumber = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** Whether the period covers enough of the indicator's facts to read them in the child's order. */
async function readByChild(db: Kysely<DB>, id: IndicatorId, period: Period): Promise<boolean> {
  // Only a cohort that combines a child's rows has the choice: the others need no look at the indicator's span.
  if (!combiningCohorts.has(id)) return false;
  // The first and last dates are one step of the primary key each.
  const span = (
    await sql<{ lo: string | null; hi: string | null }>`SELECT (SELECT min(at) FROM report_facts WHERE indicator = ${id}) AS lo,
      (SELECT max(at) FROM report_facts WHERE indicator = ${id}) AS hi`.execute(db)
  ).rows[0];
  if (!span?.lo || !span.hi) return false;
  const [lo, hi] = [dayNumber(span.lo), dayNumber(span.hi)];
  const covered = Math.min(dayNumber(period.to), hi) - Math.max(dayNumber(period.from), lo) + 1;
  return covered / (hi - lo + 1) > BY_CHILD_SHARE;
}

/**
 * Every indicator's figures. Each indicator's statements are one item of work; with a reader (a
 * second connection on its own thread, db/shared-reads.ts) the items are shared between it and this
 * connection, the heaviest first, so the two cores each take about half (measured in README).
 */
export async function computeIndicators(db: Kysely<DB>, options: ComputeOptions, reader?: SharedReads): Promise<IndicatorResult[]> {
  return (await computeSplits(db, options, [options.by], reader)).get(options.by)!;
}

/**
 * The indicators in several splits at once (the aggregate table, DHIS2): every split's items go to
 * the two connections together, so neither waits for the other between splits.
 */
export async function computeSplits(
  db: Kysely<DB>,
  options: Omit<ComputeOptions, 'by'>,
  splits: readonly (Dimension | null)[],
  reader?: SharedReads,
): Promise<Map<Dimension | null, IndicatorResult[]>> {
  const p = periodParams(options.period);
  const ids = options.ids ?? indicatorIds;
  const byChild = new Map<IndicatorId, boolean>();
  for (const id of ids) byChild.set(id, await readByChild(db, id, options.period));
  const order = [...ids].sort((a, b) => weight(b) - weight(a));
  const plans = splits.flatMap((by) => order.map((id) => ({ by, id, plan: planOne(db, id, { ...p, byChild: byChild.get(id) }, { ...options, by }) })));
  const rows = await (reader ?? readHere)(db, plans.map((x) => x.plan.statements));
  const results = new Map<Dimension | null, Map<IndicatorId, IndicatorResult>>(splits.map((by) => [by, new Map()]));
  plans.forEach((x, i) => results.get(x.by)!.set(x.id, x.plan.finish(rows[i])));
  return new Map(splits.map((by) => [by, ids.map((id) => results.get(by)!.get(id)!)]));
}

/**
 * The indicators that read the most rows at 100 000 cases (measured, `npm run bench:reports -- --only
 * profile`), heaviest first: started first, they leave the light ones to even out the two threads.
 */
const heaviest: readonly IndicatorId[] = ['plansReviewedOnTime', 'traced', 'followUpOnTime', 'assessed', 'daysInCare', 'plansMade', 'feelsWelcomed', 'acceptReunification'];
const weight = (id: IndicatorId) => {
  const i = heaviest.indexOf(id);
  return i < 0 ? 0 : heaviest.length - i;
};

/** One indicator's cohort for a period (one row per child), its facts read by date or in the child's order. */
export function cohortSql(id: IndicatorId, period: Period, byChild = false): RawBuilder<unknown> {
  const cohort = cohorts[id];
  if (!cohort) throw new Error(`indicator ${id} has no definition`);
  return cohort({ ...periodParams(period), byChild });
}

/**
 * The children behind one number, as a subquery of case ids (for `cases.id IN (…)`): the same
 * cohort, filters and group as the number itself, so the list and the number always agree.
 */
export function selectionSql(selection: IndicatorSelection): RawBuilder<unknown> {
  const cohort = cohorts[selection.id];
  if (!cohort) return sql`SELECT NULL WHERE 0`;
  const conds = filterConditions(selection.filters, 'k');
  if (selection.group) conds.push(dimensionCondition(selection.group.by, selection.group.value, 'k'));
  if (selection.part === 'numerator') conds.push(sql`k.num = 1`);
  if (selection.part === 'unknown') conds.push(sql`k.unk = 1`);
  return sql`SELECT k.case_id FROM (${cohort({ ...periodParams(selection.period), dims: true })}) k ${whereAll(conds)}`;
}
