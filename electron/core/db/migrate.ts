// Node-only. Runs pending migrations in one transaction, after a backup of the database file.
import fs from 'node:fs';
import type { Migration } from '../../../migrations';
import { AppError } from '../../../shared/contract/errors';
import type { RawDatabase } from './open';

export interface MigrateResult {
  from: number;
  to: number;
  backupFile: string | null;
}

export function currentVersion(raw: RawDatabase): number {
  return raw.pragma('user_version', { simple: true }) as number;
}

export function migrate(
  raw: RawDatabase,
  file: string,
  migrations: readonly Migration[],
  target = migrations[migrations.length - 1]?.version ?? 0,
): MigrateResult {
  const from = currentVersion(raw);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (from > latest) {
    throw new AppError('DB_FROM_FUTURE', `database version ${from} is newer than this Homeward (${latest})`, {
      params: { version: from, supported: latest },
    });
  }
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0 && file !== ':memory:') {
    // Fold the WAL into the main file so the copy is complete; the copy stays encrypted.
    raw.pragma('wal_checkpoint(TRUNCATE)');
    backupFile = `${file}.v${from}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    fs.copyFileSync(file, backupFile);
  }
  raw.transaction(() => {
    for (const migration of pending) {
      migration.up(raw);
      raw.pragma(`user_version = ${migration.version}`);
    }
  })();
  return { from, to: pending[pending.length - 1].version, backupFile };
}
