// Node-only. DHIS2 aggregate export as a dataValueSet, in the two forms /api/dataValueSets
// imports (docs.dhis2.org, Web API "Data values" → "Sending data values"): JSON
// { dataSet, completeDate, period, orgUnit, dataValues: [{ dataElement, categoryOptionCombo, value }] }
// and CSV with the columns dataelement, period, orgunit, catoptcombo, attroptcombo, value,
// storedby, lastupd, comment. The period is DHIS2's ISO form (YYYYMM, YYYYQn or YYYY), so a
// report period must be a whole month, quarter or year. Only mapped figures are written;
// the rest are listed as unmapped.
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { dimensions, indicatorMeta, type IndicatorResult, type Period, type ReportFilters } from '../../../shared/reports/indicators';
import type { DB } from '../db/schema';
import { readReportSettings } from './access';
import { csvLine } from './deidentified';
import type { SharedReads } from '../db/shared-reads';
import { computeSplits } from './engine';

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** DHIS2's period for a whole calendar month, quarter or year; null otherwise. */
export function dhis2Period({ from, to }: Period): string | null {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (fd !== 1 || fy !== ty || td !== lastDay(ty, tm)) return null;
  if (fm === 1 && tm === 12) return String(fy);
  if (fm === tm) return `${fy}${String(fm).padStart(2, '0')}`;
  if (tm - fm === 2 && (fm - 1) % 3 === 0) return `${fy}Q${(fm + 2) / 3}`;
  return null;
}

export interface Dhis2Value {
  indicator: string;
  part: 'numerator' | 'denominator';
  dimension: string;
  value: string;
  dataElement: string;
  categoryOptionCombo: string;
  figure: number;
}

/** Every figure the office can report: indicator × part × (total or split value). */
export function figures(byDim: Map<string | null, IndicatorResult[]>): Omit<Dhis2Value, 'dataElement' | 'categoryOptionCombo'>[] {
  const out: Omit<Dhis2Value, 'dataElement' | 'categoryOptionCombo'>[] = [];
  for (const [dim, results] of byDim) {
    for (const r of results) {
      if (r.status !== 'computed') continue;
      const parts = indicatorMeta[r.id].shape === 'count' ? (['numerator'] as const) : (['numerator', 'denominator'] as const);
      const rows = dim === null ? [{ value: '', numerator: r.numerator ?? 0, denominator: r.denominator }] : r.groups;
      for (const g of rows) for (const part of parts) out.push({ indicator: r.id, part, dimension: dim ?? '', value: g.value, figure: Number((part === 'numerator' ? g.numerator : g.denominator) ?? 0) });
    }
  }
  return out;
}

export async function dhis2Values(db: Kysely<DB>, period: Period, filters: ReportFilters, reader?: SharedReads) {
  const mapped = await db.selectFrom('dhis2_mappings').selectAll().execute();
  const key = (i: string, p: string, d: string, v: string) => `${i}|${p}|${d}|${v}`;
  const byKey = new Map(mapped.map((m) => [key(m.indicator, m.part, m.dimension, m.value), m]));
  const dims = new Set(mapped.map((m) => m.dimension));
  // Only the splits the mapping uses are computed (the total always).
  const byDim: Map<string | null, IndicatorResult[]> = await computeSplits(db, { period, filters }, [null, ...dimensions.filter((d) => dims.has(d))], reader);
  const values: Dhis2Value[] = [];
  let unmapped = 0;
  for (const f of figures(byDim)) {
    const m = byKey.get(key(f.indicator, f.part, f.dimension, f.value));
    if (m) values.push({ ...f, dataElement: m.data_element, categoryOptionCombo: m.category_option_combo });
    else unmapped += 1;
  }
  return { values, unmapped };
}

export async function dhis2File(db: Kysely<DB>, form: 'json' | 'csv', period: Period, filters: ReportFilters, reader?: SharedReads): Promise<string[]> {
  const dhisPeriod = dhis2Period(period);
  if (!dhisPeriod) throw new AppError('VALIDATION', 'DHIS2 needs a whole month, quarter or year', { issues: [{ path: ['period'], code: 'dhis2Period', message: 'dhis2Period' }] });
  const settings = await readReportSettings(db);
  if (!settings.orgUnit) throw new AppError('VALIDATION', 'no DHIS2 organisation unit is set', { issues: [{ path: ['orgUnit'], code: 'dhis2OrgUnit', message: 'dhis2OrgUnit' }] });
  const { values } = await dhis2Values(db, period, filters, reader);
  const completeDate = (await sql<{ d: string }>`SELECT date('now') AS d`.execute(db)).rows[0].d;
  if (form === 'json') {
    const set = {
      ...(settings.dataSet ? { dataSet: settings.dataSet } : {}),
      completeDate,
      period: dhisPeriod,
      orgUnit: settings.orgUnit,
      dataValues: values.map((v) => ({ dataElement: v.dataElement, categoryOptionCombo: v.categoryOptionCombo, value: String(v.figure) })),
    };
    return [`${JSON.stringify(set, null, 2)}\n`];
  }
  return [
    csvLine(['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value', 'storedby', 'lastupd', 'comment']),
    ...values.map((v) => csvLine([v.dataElement, dhisPeriod, settings.orgUnit, v.categoryOptionCombo, '', String(v.figure), '', '', ''])),
  ];
}
