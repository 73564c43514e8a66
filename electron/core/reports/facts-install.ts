// Node-only. Keeps `report_facts` (facts.ts) equal to its definition: triggers on every table a
// fact reads recompute that fact for the children a changed row concerns, inside the writing
// transaction (and `report_cases`, the case columns splits read, follows `cases` the same way);
// `rebuildReportFacts` computes both from scratch (the migration's backfill, and
// the reference the tests compare the kept table with). Changing a definition in facts.ts needs a
// new migration that calls `installReportFacts` again: it replaces the triggers and rebuilds.
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
    PRIMARY KEY (indicator, at, case_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS report_facts_case ON report_facts (case_id, indicator, x); -- x: the export reads it from the index
  CREATE TABLE IF NOT EXISTS report_cases (
    id TEXT PRIMARY KEY,
    sex TEXT NOT NULL,
    date_of_birth TEXT,
    estimated_age INTEGER,
    registered_at TEXT NOT NULL,
    has_disability INTEGER NOT NULL,
    separation_reasons TEXT NOT NULL,
    care_arrangement TEXT NOT NULL,
    spontaneous INTEGER NOT NULL,
    area TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;`;

/**
 * The columns of a case the indicators are split and filtered by (dimensions.ts), kept in the
 * narrow `report_cases` so that a split reads a few megabytes instead of the whole case rows.
 */
export const reportCaseColumns = ['id', 'sex', 'date_of_birth', 'estimated_age', 'registered_at', 'has_disability', 'separation_reasons', 'care_arrangement', 'spontaneous', 'area'];
const caseCopy = (where: string) => `INSERT INTO report_cases (${reportCaseColumns.join(', ')}) SELECT ${reportCaseColumns.join(', ')} FROM cases WHERE ${where};`;
const CASE_TRIGGERS = `
  DROP TRIGGER IF EXISTS report_cases_insert; DROP TRIGGER IF EXISTS report_cases_update; DROP TRIGGER IF EXISTS report_cases_delete;
  CREATE TRIGGER report_cases_insert AFTER INSERT ON cases BEGIN ${caseCopy('id = NEW.id')} END;
  CREATE TRIGGER report_cases_update AFTER UPDATE OF ${reportCaseColumns.join(', ')} ON cases BEGIN
    DELETE FROM report_cases WHERE id = OLD.id; ${caseCopy('id = NEW.id')}
  END;
  CREATE TRIGGER report_cases_delete AFTER DELETE ON cases BEGIN DELETE FROM report_cases WHERE id = OLD.id; END;`;

/** One fact's rows for the children `only` selects, as they belong in the table. */
export function factRowsSql(f: FactDefinition, only: Only): string {
  return `SELECT '${f.indicator}' AS indicator, v.case_id, v.at, coalesce(v.num, 0) AS num, coalesce(v.unk, 0) AS unk, v.ref, v.days, v.x,
      ${f.extra?.includes('n') ? 'v.n' : 'NULL'} AS n, ${f.extra?.includes('y') ? 'v.y' : 'NULL'} AS y
    FROM (${f.rows(only)}) v WHERE v.at IS NOT NULL AND v.case_id IS NOT NULL`;
}

const columns = '(indicator, case_id, at, num, unk, ref, days, x, n, y)';
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

/** Every fact from scratch. */
export function rebuildReportFacts(db: SqlExec): void {
  db.exec(`DELETE FROM report_cases; ${caseCopy('1')}`);
  db.exec('DELETE FROM report_facts;');
  for (const f of factDefinitions) db.exec(`INSERT INTO report_facts ${columns} ${factRowsSql(f, () => '1')};`);
}

/** Creates the table (if needed), replaces every trigger, and fills the table. */
export function installReportFacts(db: SqlExec): void {
  db.exec(TABLE);
  db.exec(CASE_TRIGGERS);
  for (const f of factDefinitions) {
    for (const s of f.sources) {
      for (const e of events) db.exec(`DROP TRIGGER IF EXISTS ${triggerName(f, s, e)}; ${trigger(f, s, e)}`);
    }
  }
  rebuildReportFacts(db);
}
