// Node-only. The de-identified case-level export: one row per child, read in keyset chunks (so
// memory stays bounded at any office size), with no direct identifier — no name, number, contact,
// address, free text or photo; dates to the month; ages in bands; areas to the chosen level.
// Rows whose combination of sex, age band, area and month of registration is shared by fewer than
// five children of the export lose their area and keep only the year: a rare child in a small
// place cannot be picked out. Record ids are keyed hashes that change with every export.
import crypto from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ReportFilters, Period } from '../../../shared/reports/indicators';
import { SUPPRESS_BELOW, type AreaLevel } from '../../../shared/reports/exports';
import type { DB } from '../db/schema';
import { ageBandSql, filterConditions } from './dimensions';
import { periodParams } from './engine';

/** The data dictionary: every column, what it holds and how it was coarsened. */
export const dictionary: { column: string; description: string; values: string }[] = [
  { column: 'record_id', description: 'Pseudonymous row id; a keyed hash that differs in every export (cannot be linked across exports)', values: '12 hex characters' },
  { column: 'sex', description: 'Sex of the child', values: 'female, male, other, unknown' },
  { column: 'age_band', description: 'Age band at registration (estimated ages included)', values: '0-4, 5-9, 10-14, 15-17, 18+, unknown' },
  { column: 'disability', description: 'A disability is recorded', values: 'yes, no' },
  { column: 'documentation', description: 'Documentation status', values: 'documented, partially_documented, undocumented, unknown' },
  { column: 'separation_reasons', description: 'Reasons for separation, separated by ";" (free-text "other" reason left out)', values: 'codes of the case form' },
  { column: 'care_at_registration', description: 'Care arrangement at registration', values: 'codes of the case form' },
  { column: 'care_before_return', description: 'Last waiting care arrangement before the return (else the one at registration)', values: 'codes of the case form' },
  { column: 'area', description: 'Area at the chosen level; "suppressed" when fewer than 5 children share the row\'s sex, age band, area and registration month', values: 'office area names, suppressed, or empty (level "none")' },
  { column: 'return_kind', description: 'How the child went home', values: 'assisted, spontaneous' },
  { column: 'stage', description: 'Current stage of the case', values: 'tracing_assessment, preparation, reunification, follow_up, closure' },
  { column: 'status', description: 'Case status', values: 'open, halted, closed' },
  { column: 'risk_level', description: 'Current risk level', values: 'low, medium, high' },
  { column: 'registered_month', description: 'Month of registration (the year only when the row is in a group of fewer than 5)', values: 'YYYY-MM or YYYY' },
  { column: 'separated_month', description: 'Month of separation', values: 'YYYY-MM or empty' },
  { column: 'first_tracing_month', description: 'Month of the first tracing action', values: 'YYYY-MM or empty' },
  { column: 'family_found_month', description: 'Month the family was found or located', values: 'YYYY-MM or empty' },
  { column: 'bid_approved', description: 'A best-interests determination was approved', values: 'yes, no' },
  { column: 'plan_acknowledged', description: 'A case plan was acknowledged by the family', values: 'yes, no' },
  { column: 'plan_reviews', description: 'Number of plan reviews', values: 'whole number' },
  { column: 'contacts_held', description: 'Number of contacts with the family held', values: 'whole number' },
  { column: 'reunified_month', description: 'Month the child went home', values: 'YYYY-MM or empty' },
  { column: 'months_in_care', description: 'Whole months from entering alternative care to the return', values: 'whole number or empty' },
  { column: 'wellbeing_latest', description: 'Latest overall well-being score, rounded to the whole point', values: '1-4 or empty' },
  { column: 'transferred_out', description: 'The case file was transferred to another office or authority', values: 'yes, no' },
];

export const columns = dictionary.map((d) => d.column);

const areaAt = (level: AreaLevel): RawBuilder<string> => {
  if (level === 'none') return sql<string>`''`;
  if (level === 'full') return sql<string>`coalesce(nullif(c.area, ''), 'unknown')`;
  return sql<string>`coalesce(nullif(trim(CASE WHEN instr(c.area, '/') > 0 THEN substr(c.area, 1, instr(c.area, '/') - 1) ELSE c.area END), ''), 'unknown')`;
};

export interface DeidentifiedQuery {
  period: Period;
  filters: ReportFilters;
  areaLevel: AreaLevel;
}

function scope(q: DeidentifiedQuery) {
  const p = periodParams(q.period);
  // Children whose case existed by the period's end, with the dashboard's filters (seen at that date).
  const conds = [sql`c.registered_at < ${p.toNext}`, ...filterConditions(q.filters)];
  return { p, where: sql`WHERE ${sql.join(conds, sql` AND `)}` };
}

const ageBand = ageBandSql(sql`substr(c.registered_at, 1, 10)`);

/** Children in the export, and the size of each (sex, age band, area, month) group. */
export async function prepare(db: Kysely<DB>, q: DeidentifiedQuery): Promise<{ total: number; groups: Map<string, number> }> {
  const { p, where } = scope(q);
  const rows = await sql<{ g: string; n: number }>`SELECT c.sex || '|' || ${ageBand} || '|' || ${areaAt(q.areaLevel)} || '|' || substr(c.registered_at, 1, 7) AS g,
      count(*) AS n FROM cases c, (SELECT ${p.to} AS ref) k ${where} GROUP BY g`.execute(db);
  const groups = new Map(rows.rows.map((r) => [r.g, Number(r.n)]));
  return { total: [...groups.values()].reduce((a, b) => a + b, 0), groups };
}

interface Row {
  seq: number;
  id: string;
  sex: string;
  age_band: string;
  disability: string;
  documentation: string;
  reasons: string;
  care_at_registration: string;
  care_before_return: string;
  area: string;
  return_kind: string;
  stage: string;
  status: string;
  risk_level: string;
  registered_month: string;
  separated_month: string | null;
  first_tracing_month: string | null;
  family_found_month: string | null;
  bid_approved: number;
  plan_acknowledged: number;
  plan_reviews: number;
  contacts_held: number;
  reunified_on: string | null;
  care_start: string | null;
  wellbeing_latest: number | null;
  transferred_out: number;
}

/** One chunk of rows after `afterSeq`, in registration order, as CSV-ready value arrays. */
export async function readChunk(db: Kysely<DB>, q: DeidentifiedQuery, groups: Map<string, number>, key: Buffer, afterSeq: number, limit: number): Promise<{ lines: string[][]; lastSeq: number | null }> {
  const { p, where } = scope(q);
  const rows = await sql<Row>`SELECT c.seq, c.id, c.sex, ${ageBand} AS age_band, (CASE c.has_disability WHEN 1 THEN 'yes' ELSE 'no' END) AS disability,
      c.documentation_status AS documentation, c.separation_reasons AS reasons, c.care_arrangement AS care_at_registration,
      coalesce((SELECT pc.arrangement FROM preparation_care pc WHERE pc.case_id = c.id ORDER BY pc.since DESC, pc.recorded_at DESC LIMIT 1), c.care_arrangement) AS care_before_return,
      ${areaAt(q.areaLevel)} AS area, (CASE c.spontaneous WHEN 1 THEN 'spontaneous' ELSE 'assisted' END) AS return_kind,
      c.stage, c.status, c.risk_level, substr(c.registered_at, 1, 7) AS registered_month, substr(c.separation_date, 1, 7) AS separated_month,
      (SELECT substr(min(t.date), 1, 7) FROM tracing_actions t WHERE t.case_id = c.id AND t.removed_at IS NULL) AS first_tracing_month,
      (SELECT substr(min(t.date), 1, 7) FROM tracing_actions t WHERE t.case_id = c.id AND t.removed_at IS NULL AND t.result IN ('family_found', 'family_located')) AS family_found_month,
      EXISTS (SELECT 1 FROM bids b WHERE b.case_id = c.id AND b.status = 'approved') AS bid_approved,
      EXISTS (SELECT 1 FROM plan_acknowledgements a WHERE a.case_id = c.id) AS plan_acknowledged,
      (SELECT count(*) FROM plan_reviews r WHERE r.case_id = c.id) AS plan_reviews,
      (SELECT count(*) FROM contacts k2 WHERE k2.case_id = c.id AND k2.status = 'held') AS contacts_held,
      coalesce((SELECT r.reunified_on FROM reunifications r WHERE r.case_id = c.id),
        (SELECT json_extract(e.details, '$.reunifiedOn') FROM case_events e WHERE e.case_id = c.id AND e.type = 'case.spontaneousReunification' LIMIT 1)) AS reunified_on,
      coalesce((SELECT min(pc.since) FROM preparation_care pc WHERE pc.case_id = c.id), c.separation_date) AS care_start,
      (SELECT json_extract(a.scores, '$.overall') FROM assessments a WHERE a.case_id = c.id AND a.kind = 'wellbeing' AND a.status = 'completed' ORDER BY a.date DESC LIMIT 1) AS wellbeing_latest,
      EXISTS (SELECT 1 FROM transfers t WHERE t.case_id = c.id AND t.direction = 'out' AND t.status = 'accepted') AS transferred_out
    FROM cases c, (SELECT ${p.to} AS ref) k ${where} AND c.seq > ${afterSeq} ORDER BY c.seq LIMIT ${limit}`.execute(db);
  const lines = rows.rows.map((r) => {
    const small = (groups.get(`${r.sex}|${r.age_band}|${r.area}|${r.registered_month}`) ?? 0) < SUPPRESS_BELOW;
    const reasons = (JSON.parse(r.reasons) as string[]).filter((x) => typeof x === 'string').join(';');
    const months = r.reunified_on && r.care_start ? Math.max(0, Math.round((Date.parse(r.reunified_on) - Date.parse(r.care_start)) / (30.44 * 86_400_000))) : null;
    const yn = (v: number) => (v ? 'yes' : 'no');
    return [
      crypto.createHmac('sha256', key).update(r.id).digest('hex').slice(0, 12),
      r.sex,
      r.age_band,
      r.disability,
      r.documentation,
      reasons,
      r.care_at_registration,
      r.care_before_return,
      q.areaLevel === 'none' ? '' : small ? 'suppressed' : r.area,
      r.return_kind,
      r.stage,
      r.status,
      r.risk_level,
      small ? r.registered_month.slice(0, 4) : r.registered_month,
      r.separated_month ?? '',
      r.first_tracing_month ?? '',
      r.family_found_month ?? '',
      yn(r.bid_approved),
      yn(r.plan_acknowledged),
      String(r.plan_reviews),
      String(r.contacts_held),
      r.reunified_on ? r.reunified_on.slice(0, 7) : '',
      months === null ? '' : String(months),
      r.wellbeing_latest === null ? '' : String(Math.round(Number(r.wellbeing_latest))),
      yn(r.transferred_out),
    ];
  });
  return { lines, lastSeq: rows.rows.length ? rows.rows[rows.rows.length - 1].seq : null };
}

/** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvLine(values: readonly string[]): string {
  return `${values
    .map((v) => {
      const safe = /^[=+\-@\t\r]/u.test(v) ? `'${v}` : v;
      return /[",\r\n;]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
    })
    .join(',')}\r\n`;
}
