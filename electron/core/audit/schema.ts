// Node-only. The append-only triggers of the audit log are what keep the app itself (and anyone
// using SQL through it) from editing history; someone holding the key can drop them. On every open
// the store checks they are present and unchanged; when not, it puts them back and records what
// it found in the chain itself ('audit.schemaRepaired'), so verify keeps reporting it for good.
import type { RawDatabase } from '../db/open';

const expectedTriggers: Record<string, string> = {
  audit_log_no_update: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
  audit_log_no_delete: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`,
};

const normalize = (sql: string) => sql.replace(/\s+/g, ' ').trim();

export interface SchemaProblems {
  missing: string[];
  altered: string[];
  /** Triggers on the audit log that Homeward never creates. */
  unexpected: string[];
}

export function checkAuditSchema(raw: RawDatabase): SchemaProblems {
  const rows = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).all() as {
    name: string;
    sql: string;
  }[];
  const found = new Map(rows.map((r) => [r.name, r.sql]));
  const problems: SchemaProblems = { missing: [], altered: [], unexpected: [] };
  for (const [name, sql] of Object.entries(expectedTriggers)) {
    const actual = found.get(name);
    if (actual === undefined) problems.missing.push(name);
    else if (normalize(actual) !== normalize(sql)) problems.altered.push(name);
  }
  for (const name of found.keys()) if (!(name in expectedTriggers)) problems.unexpected.push(name);
  return problems;
}

export function hasSchemaProblems(problems: SchemaProblems): boolean {
  return problems.missing.length + problems.altered.length + problems.unexpected.length > 0;
}

/** Puts the expected triggers back (and drops foreign ones) in one transaction. */
export function repairAuditSchema(raw: RawDatabase, problems: SchemaProblems): void {
  raw.transaction(() => {
    for (const name of [...problems.altered, ...problems.unexpected]) raw.exec(`DROP TRIGGER IF EXISTS "${name}"`);
    for (const name of [...problems.missing, ...problems.altered]) raw.exec(expectedTriggers[name]);
  })();
}
