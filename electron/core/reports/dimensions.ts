// Node-only. How each split of an indicator is read from a child's case, as SQL over `cases c`
// and the cohort row `k` (whose `ref` is the date the indicator looks at the child: the day of
// return for reunification indicators, the period's end otherwise). Missing values become
// 'unknown' — a group of its own, never folded into another.
import { sql, type RawBuilder } from 'kysely';
import type { Dimension, ReportFilters } from '../../../shared/reports/indicators';

type Cond = RawBuilder<unknown>;

/** Age in years at `ref`; an estimate given at registration ages with the child. */
const ageYearsAt = (ref: RawBuilder<unknown>) => sql`(CASE
  WHEN c.date_of_birth IS NOT NULL THEN (julianday(${ref}) - julianday(c.date_of_birth)) / 365.25
  WHEN c.estimated_age IS NOT NULL THEN c.estimated_age + max(0, julianday(${ref}) - julianday(substr(c.registered_at, 1, 10))) / 365.25
END)`;

/** The age band (0-4, 5-9, 10-14, 15-17, 18+, unknown) of `cases c` on the date `ref`. */
export function ageBandSql(ref: RawBuilder<unknown>): RawBuilder<string> {
  const years = ageYearsAt(ref);
  return sql<string>`(CASE
  WHEN ${years} IS NULL OR ${years} < 0 THEN 'unknown'
  WHEN ${years} < 5 THEN '0-4'
  WHEN ${years} < 10 THEN '5-9'
  WHEN ${years} < 15 THEN '10-14'
  WHEN ${years} < 18 THEN '15-17'
  ELSE '18+' END)`;
}

const ageBand = ageBandSql(sql`k.ref`);

/** The care the child was in before going home: the last waiting arrangement, else the one at registration. */
const careSetting = sql`coalesce((SELECT p.arrangement FROM preparation_care p WHERE p.case_id = c.id AND p.since <= k.ref
  ORDER BY p.since DESC, p.recorded_at DESC LIMIT 1), nullif(c.care_arrangement, ''), 'unknown')`;

/** Single-valued splits. `reason` is multi-valued and handled with json_each. */
export const dimensionSql: Record<Exclude<Dimension, 'reason'>, RawBuilder<string>> = {
  sex: sql<string>`coalesce(c.sex, 'unknown')`,
  ageBand: sql<string>`${ageBand}`,
  disability: sql<string>`(CASE c.has_disability WHEN 1 THEN 'yes' ELSE 'no' END)`,
  careSetting: sql<string>`${careSetting}`,
  returnKind: sql<string>`(CASE c.spontaneous WHEN 1 THEN 'spontaneous' ELSE 'assisted' END)`,
  area: sql<string>`coalesce(nullif(c.area, ''), 'unknown')`,
};

const reasonIs = (value: string) => sql`EXISTS (SELECT 1 FROM json_each(c.separation_reasons) r WHERE r.value = ${value})`;

export function dimensionCondition(dim: Dimension, value: string): Cond {
  if (dim === 'reason') {
    return value === 'unknown' ? sql`json_array_length(c.separation_reasons) = 0` : reasonIs(value);
  }
  return sql`${dimensionSql[dim]} = ${value}`;
}

export function filterConditions(filters: ReportFilters): Cond[] {
  const conds: Cond[] = [];
  for (const [dim, value] of Object.entries(filters) as [Dimension, string | undefined][]) {
    if (value === undefined || value === '') continue;
    conds.push(dimensionCondition(dim, value));
  }
  return conds;
}

/** The FROM-clause addition and group expression for a split (reason: one row per reason). */
export function groupBy(dim: Dimension | null): { join: RawBuilder<unknown>; expr: RawBuilder<unknown> } {
  if (dim === null) return { join: sql``, expr: sql`'all'` };
  if (dim === 'reason') {
    return {
      join: sql`LEFT JOIN json_each(c.separation_reasons) reason`,
      expr: sql`coalesce(reason.value, 'unknown')`,
    };
  }
  return { join: sql``, expr: dimensionSql[dim] };
}
