import type { Migration } from './types';

// Tamper evidence that reaches the case data, and backups. Each audited change to a case carries
// the hash of the case's state after the change (`state_hash`, part of the entry's chained hash),
// so verify can recompute it and find rows changed outside the app. The office keeps its backup
// settings: how many backups to keep, after how many days to remind, and the last folder used.
export default {
  version: 7,
  name: 'backup_anchor',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN state_hash TEXT;
      CREATE INDEX audit_log_state ON audit_log (entity_type, entity_id, id) WHERE state_hash IS NOT NULL;

      ALTER TABLE office ADD COLUMN backup_keep INTEGER NOT NULL DEFAULT 10 CHECK (backup_keep BETWEEN 1 AND 100);
      ALTER TABLE office ADD COLUMN backup_reminder_days INTEGER NOT NULL DEFAULT 7 CHECK (backup_reminder_days BETWEEN 1 AND 365);
      ALTER TABLE office ADD COLUMN backup_folder TEXT;
    `);
  },
} satisfies Migration;
