// Node-only. The de-identified case-level export: one row per child, read in keyset chunks (so
// memory stays bounded at any office size) with one query per table for each chunk, with no
// direct identifier — no name, number, contact, address, free text or photo; dates to the month;
// ages in bands; areas to the chosen level.
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

interface CaseRow {
  seq: number;
  id: string;
  sex: string;
  age_band: string;
  disability: string;
  documentation: string;
  reasons: string;
  care_at_registration: string;
  area: string;
  return_kind: string;
  stage: string;
  status: string;
  risk_level: string;
  registered_month: string;
  separated_month: string | null;
  separation_date: string | null;
}

/** What the chunk's children have in the other tables, gathered with one query per table. */
interface Records {
  firstTracing: Map<string, string>;
  found: Map<string, string>;
  reunified: Map<string, string>;
  acknowledged: Set<string>;
  bidApproved: Set<string>;
  transferredOut: Set<string>;
  reviews: Map<string, number>;
  contactsHeld: Map<string, number>;
  care: Map<string, { arrangement: string; since: string; recorded_at: string }[]>;
  wellbeing: Map<string, { date: string; overall: number | null }>;
}

async function records(db: Kysely<DB>, ids: string[]): Promise<Records> {
  const list = JSON.stringify(ids);
  const inChunk = (column: string) => sql`${sql.ref(column)} IN (SELECT value FROM json_each(${list}))`;
  const facts = await sql<{ case_id: string; indicator: string; at: string; x: string | null }>`SELECT f.case_id, f.indicator, min(f.at) AS at, min(f.x) AS x
    FROM report_facts f WHERE ${inChunk('f.case_id')} AND f.indicator IN ('assessedBeforeTracing', 'traced', 'reunified', 'plansMade')
    GROUP BY f.case_id, f.indicator`.execute(db);
  const out: Records = {
    firstTracing: new Map(), found: new Map(), reunified: new Map(), acknowledged: new Set(), bidApproved: new Set(), transferredOut: new Set(),
    reviews: new Map(), contactsHeld: new Map(), care: new Map(), wellbeing: new Map(),
  };
  for (const f of facts.rows) {
    if (f.indicator === 'assessedBeforeTracing') out.firstTracing.set(f.case_id, f.at); // the first tracing action
    else if (f.indicator === 'traced' && f.x !== null) out.found.set(f.case_id, f.x); // the first day the family was found
    else if (f.indicator === 'reunified') out.reunified.set(f.case_id, f.at);
    else if (f.indicator === 'plansMade') out.acknowledged.add(f.case_id);
  }
  const ids1 = async (query: RawBuilder<{ case_id: string }>) => new Set((await query.execute(db)).rows.map((r) => r.case_id));
  out.bidApproved = await ids1(sql`SELECT DISTINCT b.case_id FROM bids b WHERE ${inChunk('b.case_id')} AND b.status = 'approved'`);
  out.transferredOut = await ids1(sql`SELECT DISTINCT t.case_id FROM transfers t WHERE ${inChunk('t.case_id')} AND t.direction = 'out' AND t.status = 'accepted'`);
  const counts = async (query: RawBuilder<{ case_id: string; n: number }>) => new Map((await query.execute(db)).rows.map((r) => [r.case_id, Number(r.n)]));
  out.reviews = await counts(sql`SELECT r.case_id, count(*) AS n FROM plan_reviews r WHERE ${inChunk('r.case_id')} GROUP BY r.case_id`);
  out.contactsHeld = await counts(sql`SELECT k.case_id, count(*) AS n FROM contacts k WHERE ${inChunk('k.case_id')} AND k.status = 'held' GROUP BY k.case_id`);
  const care = await sql<{ case_id: string; arrangement: string; since: string; recorded_at: string }>`SELECT pc.case_id, pc.arrangement, pc.since, pc.recorded_at
    FROM preparation_care pc WHERE ${inChunk('pc.case_id')}`.execute(db);
  for (const c of care.rows) out.care.set(c.case_id, [...(out.care.get(c.case_id) ?? []), c]);
  // The scores' own index (migration 24), not the wide assessment rows.
  const scores = await sql<{ case_id: string; date: string; overall: number | null }>`SELECT a.case_id, a.date, json_extract(a.scores, '$.overall') AS overall
    FROM assessments a INDEXED BY assessments_wellbeing_score WHERE ${inChunk('a.case_id')} AND a.kind = 'wellbeing' AND a.status = 'completed'`.execute(db);
  for (const a of scores.rows) if ((out.wellbeing.get(a.case_id)?.date ?? '') < a.date) out.wellbeing.set(a.case_id, a);
  return out;
}

/**
 * One chunk of rows after `afterSeq`, in registration order, as CSV-ready value arrays: the
 * children's own columns in one query, then what the other tables hold of them in one query per
 * table (never one query per child).
 */
export async function readChunk(db: Kysely<DB>, q: DeidentifiedQuery, groups: Map<string, number>, key: Buffer, afterSeq: number, limit: number): Promise<{ lines: string[][]; lastSeq: number | null }> {
  const { p, where } = scope(q);
  const rows = (
    await sql<CaseRow>`SELECT c.seq, c.id, c.sex, ${ageBand} AS age_band, (CASE c.has_disability WHEN 1 THEN 'yes' ELSE 'no' END) AS disability,
      c.documentation_status AS documentation, c.separation_reasons AS reasons, c.care_arrangement AS care_at_registration,
      ${areaAt(q.areaLevel)} AS area, (CASE c.spontaneous WHEN 1 THEN 'spontaneous' ELSE 'assisted' END) AS return_kind,
      c.stage, c.status, c.risk_level, substr(c.registered_at, 1, 7) AS registered_month, substr(c.separation_date, 1, 7) AS separated_month, c.separation_date
    FROM cases c, (SELECT ${p.to} AS ref) k ${where} AND c.seq > ${afterSeq} ORDER BY c.seq LIMIT ${limit}`.execute(db)
  ).rows;
  const got = await records(db, rows.map((r) => r.id));
  const month = (day: string | null | undefined) => (day ? day.slice(0, 7) : '');
  const yn = (v: boolean) => (v ? 'yes' : 'no');
  const lines = rows.map((r) => {
    const small = (groups.get(`${r.sex}|${r.age_band}|${r.area}|${r.registered_month}`) ?? 0) < SUPPRESS_BELOW;
    const reasons = (JSON.parse(r.reasons) as string[]).filter((x) => typeof x === 'string').join(';');
    const care = got.care.get(r.id) ?? [];
    // The last waiting arrangement (latest since, then latest recorded), and the first day in care.
    const last = care.reduce<(typeof care)[number] | null>((a, c) => (!a || c.since > a.since || (c.since === a.since && c.recorded_at > a.recorded_at) ? c : a), null);
    const careStart = care.length ? care.reduce((m, c) => (c.since < m ? c.since : m), care[0].since) : r.separation_date;
    const reunifiedOn = got.reunified.get(r.id) ?? null;
    const months = reunifiedOn && careStart ? Math.max(0, Math.round((Date.parse(reunifiedOn) - Date.parse(careStart)) / (30.44 * 86_400_000))) : null;
    const overall = got.wellbeing.get(r.id)?.overall ?? null;
    return [
      crypto.createHmac('sha256', key).update(r.id).digest('hex').slice(0, 12),
      r.sex,
      r.age_band,
      r.disability,
      r.documentation,
      reasons,
      r.care_at_registration,
      last?.arrangement ?? r.care_at_registration,
      q.areaLevel === 'none' ? '' : small ? 'suppressed' : r.area,
      r.return_kind,
      r.stage,
      r.status,
      r.risk_level,
      small ? r.registered_month.slice(0, 4) : r.registered_month,
      r.separated_month ?? '',
      month(got.firstTracing.get(r.id)),
      month(got.found.get(r.id)),
      yn(got.bidApproved.has(r.id)),
      yn(got.acknowledged.has(r.id)),
      String(got.reviews.get(r.id) ?? 0),
      String(got.contactsHeld.get(r.id) ?? 0),
      month(reunifiedOn),
      months === null ? '' : String(months),
      overall === null ? '' : String(Math.round(Number(overall))),
      yn(got.transferredOut.has(r.id)),
    ];
  });
  return { lines, lastSeq: rows.length ? rows[rows.length - 1].seq : null };
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
