// Node-only. The indicator table for export: every computed indicator, in total and split by each
// dimension, with cells under 5 (and their complementary cells) suppressed column by column.
import type { Kysely } from 'kysely';
import { dimensions, type Dimension, type IndicatorResult, type Period, type ReportFilters } from '../../../shared/reports/indicators';
import type { DB } from '../db/schema';
import { csvLine } from './deidentified';
import type { SharedReads } from '../db/shared-reads';
import { computeSplits } from './engine';
import { suppressColumn, type Cell } from './suppress';

export const aggregateHeader = ['indicator', 'status', 'dimension', 'group', 'numerator', 'denominator', 'unknown'];

const cell = (v: Cell | null) => (v === null ? '' : String(v));

/** The table's lines for one split (or the totals when `by` is null). */
export function aggregateLines(results: IndicatorResult[], by: Dimension | null): string[] {
  const lines: string[] = [];
  for (const r of results) {
    if (r.status === 'notRecorded') {
      if (by === null) lines.push(csvLine([r.id, 'not_recorded', '', '', '', '', '']));
      continue;
    }
    const rows = by === null ? [{ value: 'all', numerator: r.numerator ?? 0, denominator: r.denominator, unknown: r.unknown ?? 0 }] : r.groups;
    const num = suppressColumn(rows.map((g) => g.numerator));
    const den = suppressColumn(rows.map((g) => g.denominator));
    const unk = suppressColumn(rows.map((g) => g.unknown));
    rows.forEach((g, i) => lines.push(csvLine([r.id, 'computed', by ?? '', g.value, cell(num[i]), cell(den[i]), cell(unk[i])])));
  }
  return lines;
}

export async function aggregateTable(db: Kysely<DB>, period: Period, filters: ReportFilters, reader?: SharedReads): Promise<string[]> {
  const lines = [csvLine(aggregateHeader)];
  for (const [by, results] of await computeSplits(db, { period, filters }, [null, ...dimensions], reader)) lines.push(...aggregateLines(results, by));
  return lines;
}
