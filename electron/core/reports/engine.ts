// Node-only. Computes indicators for a period: each cohort (cohorts.ts, fact-cohorts.ts) joined to its children's
// cases, filtered and grouped in SQL — one query per indicator, whatever the number of cases — and
// the set of children behind any number, for the case list to open.
import { sql, type Kysely, type RawBuilder } from 'kysely';
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
import { cohorts as periodCohorts, type PeriodParams } from './cohorts';
import { factCohorts } from './fact-cohorts';
import { dimensionCondition, filterConditions, groupBy } from './dimensions';

const cohorts = { ...periodCohorts, ...factCohorts };

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

/** The sums of several rows' figures (groups of a split, or days of a duration). */
const addSums = (rows: readonly Sums[]): Sums =>
  rows.reduce<Sums>((t, r) => ({ den: t.den + Number(r.den), num: (t.num ?? 0) + Number(r.num ?? 0), unk: (t.unk ?? 0) + Number(r.unk ?? 0) }), { den: 0, num: 0, unk: 0 });

async function computeOne(db: Kysely<DB>, id: IndicatorId, p: PeriodParams, options: ComputeOptions): Promise<IndicatorResult> {
  const cohort = cohorts[id];
  if (!cohort) throw new Error(`indicator ${id} has no definition`);
  const meta = indicatorMeta[id];
  const conds = filterConditions(options.filters);
  const joined = sql`FROM (${cohort(p)}) k JOIN report_cases c ON c.id = k.case_id`;
  // Splits and filters read the narrow copy of the case columns they need (report_cases); without
  // a filter the children's cases are not read at all: the cohort alone gives the figures.
  const base = conds.length ? joined : sql`FROM (${cohort(p)}) k`;
  let groups: IndicatorResult['groups'] = [];
  let total: Sums | null = null;
  if (options.by) {
    const g = groupBy(options.by);
    const rows = await sql<Sums & { grp: string }>`
      SELECT ${g.expr} AS grp, count(*) AS den, sum(k.num) AS num, sum(k.unk) AS unk ${joined} ${g.join} ${whereAll(conds)}
      GROUP BY grp ORDER BY grp`.execute(db);
    groups = rows.rows.map((r) => ({
      value: String(r.grp),
      numerator: Number(r.num ?? 0),
      denominator: meta.shape === 'count' ? null : Number(r.den),
      unknown: Number(r.unk ?? 0),
    }));
    // Single-valued splits add up to the total; a child with two reasons is in two groups.
    if (options.by !== 'reason') {
      total = addSums(rows.rows);
    }
  }
  let median: number | null = null;
  let p90: number | null = null;
  if (meta.shape === 'duration' || id === 'traced') {
    // One pass gives both the figures and the days, counted per number of days: a few hundred
    // rows reach JavaScript, not one per child (38 000 for the children traced in a year).
    const rows = (
      await sql<Sums & { days: number | null }>`SELECT k.days AS days, count(*) AS den, sum(k.num) AS num, sum(k.unk) AS unk ${base} ${whereAll(conds)}
        GROUP BY k.days ORDER BY k.days`.execute(db)
    ).rows;
    total ??= addSums(rows);
    const days = rows.filter((r) => r.days !== null).map((r) => ({ value: Math.round(Number(r.days)), count: Number(r.den) }));
    median = percentileOfCounts(days, 0.5);
    p90 = percentileOfCounts(days, 0.9);
  }
  total ??= (await sql<Sums>`SELECT count(*) AS den, sum(k.num) AS num, sum(k.unk) AS unk ${base} ${whereAll(conds)}`.execute(db)).rows[0];
  return {
    id,
    status: 'computed',
    numerator: meta.shape === 'count' ? Number(total.den) : Number(total.num ?? 0),
    denominator: meta.shape === 'count' ? null : Number(total.den),
    unknown: Number(total.unk ?? 0),
    median,
    p90,
    groups,
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
  if (!(id in factCohorts)) return false;
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

export async function computeIndicators(db: Kysely<DB>, options: ComputeOptions): Promise<IndicatorResult[]> {
  const p = periodParams(options.period);
  const results: IndicatorResult[] = [];
  for (const id of options.ids ?? indicatorIds) results.push(await computeOne(db, id, { ...p, byChild: await readByChild(db, id, options.period) }, options));
  return results;
}

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
  const conds = filterConditions(selection.filters);
  if (selection.group) conds.push(dimensionCondition(selection.group.by, selection.group.value));
  if (selection.part === 'numerator') conds.push(sql`k.num = 1`);
  if (selection.part === 'unknown') conds.push(sql`k.unk = 1`);
  return sql`SELECT k.case_id FROM (${cohort(periodParams(selection.period))}) k JOIN report_cases c ON c.id = k.case_id ${whereAll(conds)}`;
}
