// Node-only. Keeps `report_facts` (facts.ts) equal to its definition: triggers on every table a
// fact reads recompute that fact for the children a changed row concerns, inside the writing
// transaction (and the child's split columns each fact carries follow `cases` the same way);
// `rebuildReportFacts` computes them from scratch (the migration's backfill, and
// the reference the tests compare the kept table with). Changing a definition in facts.ts needs a
// new migration that calls `installReportFacts` again: it replaces the triggers and rebuilds.
import type { IndicatorId } from '../../../shared/reports/indicators';
import { factDefinitions, type FactDefinition, type FactSource, type Only } from './facts';

/** The raw connection (better-sqlite3's `exec`), as migrations get it. */
export interface SqlExec {
  exec(sql: string): unknown;
}

const TABLE = `
  CREATE TABLE IF NOT EXISTS report_facts (
    indicator TEXT NOT NULL,
    case_id TEXT NOT NULL,
    at TEXT NOT NULL,
    num INTEGER NOT NULL,
    unk INTEGER NOT NULL,
    ref TEXT,
    days REAL,
    x TEXT,
    n INTEGER,
    y TEXT,
    prev TEXT,
    sex TEXT,
    date_of_birth TEXT,
    estimated_age INTEGER,
    registered_at TEXT,
    has_disability INTEGER,
    separation_reasons TEXT,
    care_arrangement TEXT,
    spontaneous INTEGER,
    area TEXT,
    care_from TEXT,
    care_latest_on TEXT,
    care_latest TEXT,
    PRIMARY KEY (indicator, at, case_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS report_facts_case ON report_facts (case_id, indicator, x); -- x: the export reads it from the index
  -- A child's facts in order with the figures (not the split columns): a cohort that combines a
  -- child's rows of a long period reads them already grouped (fact-cohorts.ts, byChild).
  CREATE INDEX IF NOT EXISTS report_facts_child ON report_facts (indicator, case_id, at, num, unk, ref, days, x, n, y);
  -- The same figures in the date's order (migration 27): a cohort without splits or filters reads a
  -- period from it rather than from the table, whose rows carry the split columns too (measured at
  -- 100 000 cases, twelve months: follow-up visits 19 -> 9 ms, children traced 10 -> 6 ms).
  CREATE INDEX IF NOT EXISTS report_facts_day ON report_facts (indicator, at, prev, case_id, num, unk, ref, days, x, y);`;

/**
 * The columns of a case the indicators are split and filtered by (dimensions.ts), copied onto each
 * fact row (migration 26; before it, a narrow `report_cases` table held them): a split or filter of
 * a period's facts reads them with the fact instead of looking each child up by its text key —
 * measured at 100 000 cases, a quarter's cohorts hold 188 000 children and the look-ups cost
 * 390–610 ms of CPU per split. registered_at is kept as its day (all an age needs).
 */
const caseDimColumns = ['sex', 'date_of_birth', 'estimated_age', 'registered_at', 'has_disability', 'separation_reasons', 'care_arrangement', 'spontaneous', 'area'];
const dimValue = (c: string, from: string) => (c === 'registered_at' ? `substr(${from}.registered_at, 1, 10)` : `${from}.${c}`);
/**
 * And the child's waiting care arrangements (preparation_care), for the care-setting split (the
 * arrangement in force on the day the child is looked at): the first day of one, and the latest
 * one with its day. Before the first, the arrangement at registration holds; from the latest on,
 * the latest; only a day between two arrangements needs the child's rows (measured at 100 000
 * cases: looking every cohort child up cost 650 ms of CPU for a quarter's split).
 */
const careDims = (caseId: string): [string, string][] => [
  ['care_from', `(SELECT min(p.since) FROM preparation_care p WHERE p.case_id = ${caseId})`],
  ['care_latest_on', `(SELECT max(p.since) FROM preparation_care p WHERE p.case_id = ${caseId})`],
  ['care_latest', `(SELECT p.arrangement FROM preparation_care p WHERE p.case_id = ${caseId} ORDER BY p.since DESC, p.recorded_at DESC LIMIT 1)`],
];
export const factDimColumns = [...caseDimColumns, ...careDims('').map(([c]) => c)];
const setCare = (caseId: string) => `UPDATE report_facts SET ${careDims(caseId).map(([c, v]) => `${c} = ${v}`).join(', ')} WHERE case_id = ${caseId};`;
// A case's new split columns go onto its facts (a fact written later reads them from the case).
const CASE_TRIGGERS = `
  DROP TRIGGER IF EXISTS report_cases_insert; DROP TRIGGER IF EXISTS report_cases_update; DROP TRIGGER IF EXISTS report_cases_delete;
  DROP TABLE IF EXISTS report_cases;
  DROP TRIGGER IF EXISTS report_case_dims;
  CREATE TRIGGER report_case_dims AFTER UPDATE OF ${caseDimColumns.join(', ')} ON cases BEGIN
    UPDATE report_facts SET ${caseDimColumns.map((c) => `${c} = ${dimValue(c, 'NEW')}`).join(', ')} WHERE case_id = NEW.id;
  END;
  DROP TRIGGER IF EXISTS report_care_dims_insert; DROP TRIGGER IF EXISTS report_care_dims_update; DROP TRIGGER IF EXISTS report_care_dims_delete;
  CREATE TRIGGER report_care_dims_insert AFTER INSERT ON preparation_care BEGIN ${setCare('NEW.case_id')} END;
  CREATE TRIGGER report_care_dims_update AFTER UPDATE OF case_id, since, recorded_at, arrangement ON preparation_care BEGIN
    ${setCare('OLD.case_id')} ${setCare('NEW.case_id')}
  END;
  CREATE TRIGGER report_care_dims_delete AFTER DELETE ON preparation_care BEGIN ${setCare('OLD.case_id')} END;`;

/**
 * One fact's rows for the children `only` selects, as they belong in the table, with the child's
 * split columns and `prev`: the child's previous `at` for the indicator. A cohort of "children with
 * a fact in the period" then counts each child once, at its first fact of the period (prev before
 * the period or none), instead of sorting the period's facts by child (measured at 100 000 cases,
 * children assessed in a quarter: 32 525 facts read in 4 ms, grouped by child in 29 ms). A trigger
 * recomputes all of a child's facts of the indicator, so `prev` stays right.
 */
export function factRowsSql(f: FactDefinition, only: Only): string {
  return `SELECT '${f.indicator}' AS indicator, v.case_id, v.at, coalesce(v.num, 0) AS num, coalesce(v.unk, 0) AS unk, v.ref, v.days, v.x,
      ${f.extra?.includes('n') ? 'v.n' : 'NULL'} AS n, ${f.extra?.includes('y') ? 'v.y' : 'NULL'} AS y, lag(v.at) OVER (PARTITION BY v.case_id ORDER BY v.at) AS prev,
      ${caseDimColumns.map((c) => `${dimValue(c, 'd')} AS ${c}`).join(', ')}, ${careDims('v.case_id').map(([c, v]) => `${v} AS ${c}`).join(', ')}
    FROM (${f.rows(only)}) v LEFT JOIN cases d ON d.id = v.case_id WHERE v.at IS NOT NULL AND v.case_id IS NOT NULL`;
}

const columns = `(indicator, case_id, at, num, unk, ref, days, x, n, y, prev, ${factDimColumns.join(', ')})`;
const events = ['INSERT', 'UPDATE', 'DELETE'] as const;
type Event = (typeof events)[number];

const triggerName = (f: FactDefinition, s: FactSource, e: Event) => `report_facts_${f.indicator}_${s.table}_${e.toLowerCase()}`;

/** The children a changed row concerns: the old row's and the new row's. */
function concerned(s: FactSource, e: Event): string {
  const one = (r: 'NEW' | 'OLD') => (s.cases ? s.cases(r) : `SELECT ${r}.case_id`);
  if (e === 'INSERT') return one('NEW');
  if (e === 'DELETE') return one('OLD');
  return `${one('OLD')} UNION ${one('NEW')}`;
}

// The DELETE's `+indicator` keeps the planner off the primary key's prefix: with a 100 000-case
// office's statistics it chose every fact of the indicator (30 ms per row written) over the child's
// few facts (report_facts_case), and writing the follow-up schedule of 10 000 cases took 600 s.
// (INDEXED BY is not allowed in a trigger's DELETE.)
function trigger(f: FactDefinition, s: FactSource, e: Event): string {
  const rows = e === 'INSERT' ? (['NEW'] as const) : e === 'DELETE' ? (['OLD'] as const) : (['OLD', 'NEW'] as const);
  const when = s.when ? `WHEN ${rows.map((r) => `(${s.when!(r)})`).join(' OR ')}` : '';
  const of = e === 'UPDATE' && s.columns ? `OF ${s.columns.join(', ')}` : '';
  const set = concerned(s, e);
  const only: Only = (column) => `${column} IN (${set})`;
  return `CREATE TRIGGER ${triggerName(f, s, e)} AFTER ${e} ${of} ON ${s.table} ${when} BEGIN
    DELETE FROM report_facts WHERE +indicator = '${f.indicator}' AND case_id IN (${set});
    INSERT INTO report_facts ${columns} ${factRowsSql(f, only)};
  END;`;
}

/** Every fact from scratch (or only the given indicators'). */
export function rebuildReportFacts(db: SqlExec, indicators?: readonly IndicatorId[]): void {
  for (const f of factDefinitions.filter((d) => !indicators || indicators.includes(d.indicator))) {
    db.exec(`DELETE FROM report_facts WHERE indicator = '${f.indicator}'; INSERT INTO report_facts ${columns} ${factRowsSql(f, () => '1')};`);
  }
}

/**
 * Creates the table (if needed), replaces every trigger, and fills the table — or, when a migration
 * changed only some indicators' definitions, refills only theirs.
 */
export function installReportFacts(db: SqlExec, indicators?: readonly IndicatorId[]): void {
  db.exec(TABLE);
  db.exec(CASE_TRIGGERS);
  for (const f of factDefinitions) {
    for (const s of f.sources) {
      for (const e of events) db.exec(`DROP TRIGGER IF EXISTS ${triggerName(f, s, e)}; ${trigger(f, s, e)}`);
    }
  }
  rebuildReportFacts(db, indicators);
}
