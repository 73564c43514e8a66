// Node-only. Owns the open database: opens it with a data key (migrating and flushing failed-login
// events that waited outside), closes it and forgets the key when the last session ends.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { migrations as allMigrations, type Migration } from '../../migrations';
import { AppError } from '../../shared/contract/errors';
import { appendAudit } from './audit/audit';
import { migrate } from './db/migrate';
import { openRaw, toKysely, type RawDatabase } from './db/open';
import type { DB } from './db/schema';
import type { Vault } from './vault/vault';

export interface OpenStore {
  raw: RawDatabase;
  db: Kysely<DB>;
  dataKey: Buffer;
}

export interface StorePaths {
  dataDir: string;
  dbFile: string;
  keyFile: string;
}

export function storePaths(dataDir: string): StorePaths {
  return {
    dataDir,
    dbFile: path.join(dataDir, 'homeward.db'),
    keyFile: path.join(dataDir, 'homeward.keys.json'),
  };
}

export class StoreManager {
  private current: OpenStore | null = null;

  constructor(
    readonly paths: StorePaths,
    private readonly vault: Vault,
    readonly nativeBinding?: string,
    private readonly migrations: readonly Migration[] = allMigrations,
  ) {
    fs.mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  }

  get isOpen(): boolean {
    return this.current !== null;
  }

  get(): OpenStore {
    if (!this.current) throw new AppError('NOT_AUTHENTICATED', 'no one has unlocked the database');
    return this.current;
  }

  /** Opens with the first key that works; returns which one did, or null when none did. */
  async open(candidates: Buffer[], options: { create?: boolean } = {}): Promise<number | null> {
    if (this.current) {
      const index = candidates.findIndex((k) => k.equals(this.current!.dataKey));
      return index >= 0 ? index : null;
    }
    if (!options.create && !fs.existsSync(this.paths.dbFile)) {
      throw new AppError('DB_CORRUPT', 'the database file is missing');
    }
    for (const [index, key] of candidates.entries()) {
      let raw: RawDatabase;
      try {
        raw = openRaw({ file: this.paths.dbFile, key, nativeBinding: this.nativeBinding });
      } catch (error) {
        if (error instanceof AppError && error.code === 'DB_KEY_INVALID') continue;
        throw error;
      }
      try {
        migrate(raw, this.paths.dbFile, this.migrations);
      } catch (error) {
        raw.close();
        throw error;
      }
      this.current = { raw, db: toKysely(raw), dataKey: Buffer.from(key) };
      await this.flushPendingAudit();
      return index;
    }
    return null;
  }

  /** Failed logins that happened while the database was closed are written once it opens. */
  private async flushPendingAudit(): Promise<void> {
    const pending = this.vault.read()?.pendingAudit ?? [];
    if (pending.length === 0) return;
    const { db } = this.get();
    await db.transaction().execute(async (trx) => {
      for (const event of pending) {
        await appendAudit(trx, { action: event.action, username: event.username, details: event.details, at: event.at });
      }
    });
    this.vault.update((content) => {
      content.pendingAudit = content.pendingAudit.slice(pending.length);
    });
  }

  close(): void {
    if (!this.current) return;
    const { raw, dataKey } = this.current;
    this.current = null;
    raw.close();
    dataKey.fill(0);
  }

  /** PRAGMA rekey is refused in WAL mode: leave WAL, rekey, return to WAL. */
  rekey(nextKey: Buffer): void {
    const store = this.get();
    store.raw.pragma('wal_checkpoint(TRUNCATE)');
    store.raw.pragma('journal_mode = DELETE');
    store.raw.pragma(`rekey="x'${nextKey.toString('hex')}'"`);
    store.raw.pragma('journal_mode = WAL');
    store.dataKey.fill(0);
    store.dataKey = Buffer.from(nextKey);
  }
}
