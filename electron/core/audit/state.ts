// Node-only. The state of a case as one hash, so the audit chain reaches the case data: each audited
// change to a case stores the hash of the case's rows after the change (audit_log.state_hash), and
// verify recomputes the hash of every case and compares it with its last audited one. A row edited,
// inserted or deleted outside the app (with a raw connection under the key) then shows.
//
// Covered tables, and why these: the case header (name, stage, status, assignment: worker_id and
// family_worker_id), family members, notes, plan versions and their objectives, and the timeline.
// They are what a case file says about a child and who is responsible for them, they are small per
// case (hashing them on each change costs well under a millisecond), and every write to them goes
// through recordCaseChange in one transaction. Not covered: binary attachments (photos, documents,
// scans: hashing megabytes on every change is too slow — their metadata rows are not covered either),
// and the other stage tables (tracing, assessments, safety, contacts, reunification), which can be
// added to `coveredTables` once their writers are known to audit every change.
import crypto from 'node:crypto';
import type { RawDatabase } from '../db/open';

/** Table → the column that names the case. Order matters: it is part of the hash. */
export const coveredTables: readonly { table: string; caseColumn: string }[] = [
  { table: 'cases', caseColumn: 'id' },
  { table: 'family_members', caseColumn: 'case_id' },
  { table: 'case_notes', caseColumn: 'case_id' },
  { table: 'plan_versions', caseColumn: 'case_id' },
  { table: 'plan_objectives', caseColumn: 'case_id' },
  { table: 'case_events', caseColumn: 'case_id' },
];

function canonicalValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { blob: crypto.createHash('sha256').update(value).digest('hex') };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * One row as canonical JSON: columns by name (sorted), values as stored. Rows are sorted by this
 * text, not by rowid, because VACUUM (and so every backup) may renumber rowids.
 */
function canonicalRow(row: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((column) => [column, canonicalValue(row[column])]),
  );
}

function tableDigest(rows: string[]): string {
  rows.sort();
  const hash = crypto.createHash('sha256');
  for (const row of rows) hash.update(row).update('\n');
  return hash.digest('hex');
}

function combine(digests: readonly string[]): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(coveredTables.map((t, i) => [t.table, digests[i]])))
    .digest('hex');
}

function existingTables(raw: RawDatabase): typeof coveredTables {
  const present = new Set(
    (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
  );
  return coveredTables.filter((t) => present.has(t.table));
}

interface CaseStatements {
  schemaVersion: number;
  /** One per covered table, null where the table does not exist (yet: during migrations). */
  tables: ({ all(caseId: string): unknown[] } | null)[];
}
const caseStatementCache = new WeakMap<RawDatabase, { version: { get(): unknown }; statements: CaseStatements | null }>();

/**
 * The per-case queries, prepared once per connection and schema: a change that touches thousands
 * of cases at once (re-planning after a protocol change) hashes each of them, and preparing seven
 * statements per case was most of that work. A schema change (a migration) prepares them again.
 */
function caseStatements(raw: RawDatabase): CaseStatements {
  let cached = caseStatementCache.get(raw);
  if (!cached) {
    cached = { version: raw.prepare('PRAGMA schema_version').pluck(), statements: null };
    caseStatementCache.set(raw, cached);
  }
  const schemaVersion = Number(cached.version.get());
  if (cached.statements?.schemaVersion !== schemaVersion) {
    const present = new Set(existingTables(raw).map((t) => t.table));
    cached.statements = {
      schemaVersion,
      tables: coveredTables.map(({ table, caseColumn }) => (present.has(table) ? raw.prepare(`SELECT * FROM "${table}" WHERE "${caseColumn}" = ?`) : null)),
    };
  }
  return cached.statements;
}

/** The state hash of one case, read through `raw` (inside the caller's transaction, if any). */
export function caseStateHash(raw: RawDatabase, caseId: string): string {
  const digests = caseStatements(raw).tables.map((statement) => {
    if (!statement) return tableDigest([]);
    const rows = statement.all(caseId) as Record<string, unknown>[];
    return tableDigest(rows.map(canonicalRow));
  });
  return combine(digests);
}

/**
 * The state hash of every case in one pass per table (ordered by case), for verify: per-case
 * queries would take minutes on 100 000 cases. Cases with no rows anywhere are absent.
 */
export function allCaseStateHashes(raw: RawDatabase, onlyCases?: ReadonlySet<string>): Map<string, string> {
  const present = new Set(existingTables(raw).map((t) => t.table));
  const perCase = new Map<string, string[]>();
  const empty = tableDigest([]);
  coveredTables.forEach(({ table, caseColumn }, index) => {
    if (!present.has(table)) return;
    let current: string | null = null;
    let rows: string[] = [];
    const flush = () => {
      if (current === null) return;
      if (!onlyCases || onlyCases.has(current)) {
        let digests = perCase.get(current);
        if (!digests) {
          digests = coveredTables.map(() => empty);
          perCase.set(current, digests);
        }
        digests[index] = tableDigest(rows);
      }
      rows = [];
    };
    const statement = raw.prepare(`SELECT * FROM "${table}" ORDER BY "${caseColumn}"`);
    for (const row of statement.iterate() as Iterable<Record<string, unknown>>) {
      const caseId = String(row[caseColumn]);
      if (caseId !== current) {
        flush();
        current = caseId;
      }
      // Rows of cases nobody compares are read (the scan is ordered) but not serialized or hashed.
      if (!onlyCases || onlyCases.has(caseId)) rows.push(canonicalRow(row));
    }
    flush();
  });
  const result = new Map<string, string>();
  for (const [caseId, digests] of perCase) result.set(caseId, combine(digests));
  return result;
}

/** The hash a case has when none of its rows exist (deleted outside the app). */
export function absentCaseStateHash(): string {
  return combine(coveredTables.map(() => tableDigest([])));
}
