// Node-only. Owns the open database: opens it with a data key (migrating and flushing failed-login
// events that waited outside), closes it and forgets the key when the last session ends.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { migrations as allMigrations, type Migration } from '../../migrations';
import { AppError } from '../../shared/contract/errors';
import { appendAudit } from './audit/audit';
import { checkAuditSchema, hasSchemaProblems, repairAuditSchema, type SchemaProblems } from './audit/schema';
import { migrate } from './db/migrate';
import { openRaw, toKysely, type RawDatabase } from './db/open';
import { ReadWorker, type SharedReads } from './db/shared-reads';
import type { DB } from './db/schema';
import type { WarmResult } from './cases/warm';
import { createPrivateFile, migrationBackups, removeLeftovers, sidecars, tightenPermissions } from './vault/files';
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
    tightenPermissions(paths.dataDir, paths.dbFile, paths.keyFile);
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
    // Only the process holding the data folder's lock gets here: what a crash left is stale.
    removeLeftovers(this.paths.dataDir, this.paths.dbFile, this.paths.keyFile);
    if (options.create) createPrivateFile(this.paths.dbFile);
    tightenPermissions(this.paths.dataDir, this.paths.dbFile, this.paths.keyFile);
    for (const [index, key] of candidates.entries()) {
      let raw: RawDatabase;
      try {
        raw = openRaw({ file: this.paths.dbFile, key, nativeBinding: this.nativeBinding });
      } catch (error) {
        if (error instanceof AppError && error.code === 'DB_KEY_INVALID') continue;
        throw error;
      }
      let schemaProblems: SchemaProblems;
      try {
        migrate(raw, this.paths.dbFile, this.migrations);
        schemaProblems = checkAuditSchema(raw);
        if (hasSchemaProblems(schemaProblems)) repairAuditSchema(raw, schemaProblems);
      } catch (error) {
        raw.close();
        throw error;
      }
      this.current = { raw, db: toKysely(raw), dataKey: Buffer.from(key) };
      tightenPermissions(this.paths.dataDir, this.paths.dbFile, this.paths.keyFile);
      this.reconcileSlots();
      this.removeStaleBackups([key]);
      if (hasSchemaProblems(schemaProblems)) {
        // Loud and permanent: the finding goes into the chain, and verify counts these entries.
        await appendAudit(this.current.db, { action: 'audit.schemaRepaired', details: { ...schemaProblems } });
      }
      await this.flushPendingAudit();
      this.onOpen?.(this.current);
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
    // The second reader first: it holds the file and the key too.
    this.secondReader?.close();
    this.secondReader = null;
    raw.close();
    dataKey.fill(0);
  }

  private secondReader: ReadWorker | null = null;
  /** Where a failure of the second reader is logged (the core sets it). */
  logReaderFailure?: (error: unknown) => void;
  /** Run each time the database opens (the core warms the case list's pages: cases/warm.ts). */
  onOpen?: (open: OpenStore) => void;
  /** The warming of the last opening, for benchmarks and tests to wait for (null when none ran). */
  warming: Promise<WarmResult | null> | null = null;

  /**
   * Reads shared with a second read-only connection on its own thread (started at the first call;
   * closed with the database). Reports use it to take both cores.
   */
  sharedReads(): SharedReads {
    return this.reader().reads;
  }

  /** The second reader itself (started if it is not running). */
  reader(): ReadWorker {
    const { dataKey } = this.get();
    if (!this.secondReader?.alive) {
      this.secondReader?.close(0);
      this.secondReader = new ReadWorker({
        file: this.paths.dbFile,
        key: dataKey,
        nativeBinding: this.nativeBinding,
        onFailure: (error) => this.logReaderFailure?.(error),
      });
    }
    return this.secondReader;
  }

  /**
   * The database is the source of truth for who may hold a key slot: a slot of a user who is not
   * in it (a creation cut before its commit) or who was removed (a removal cut before the slot
   * went) is dropped. Active users without a slot are reported by `admin.listUsers` for a reset.
   */
  private reconcileSlots(): void {
    // A password change or reset is real once its audit entry committed (session/password.ts):
    // its staged slot is promoted then, and dropped otherwise — never a change without its entry.
    const committed = this.get().raw.prepare(
      `SELECT 1 FROM audit_log WHERE action IN ('user.passwordChange', 'user.passwordReset') AND entity_type = 'user' AND entity_id = ? AND json_extract(details, '$.changeId') = ?`,
    );
    this.vault.reconcileStagedSlots((slot) => committed.get(slot.id, slot.changeId) !== undefined);
    const rows = this.get().raw.prepare('SELECT id FROM users WHERE removed_at IS NULL').all() as { id: string }[];
    // No user at all: the office is being set up (its first slot is written before its row).
    if (rows.length === 0) return;
    this.vault.reconcileSlots(new Set(rows.map((r) => r.id)));
  }

  /** Folds the WAL into the main file (before a copy of the file is taken). */
  checkpoint(): void {
    this.get().raw.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Bytes of live pages, for a copy's progress figure. */
  liveBytes(): number {
    const { raw } = this.get();
    const pages = (raw.pragma('page_count', { simple: true }) as number) - (raw.pragma('freelist_count', { simple: true }) as number);
    return pages * (raw.pragma('page_size', { simple: true }) as number);
  }

  /**
   * Closes the connection for a file swap; throws if SQLite left a WAL behind (its frames would be
   * replayed over the new file under the wrong key).
   */
  closeForSwap(): void {
    this.close();
    const wal = `${this.paths.dbFile}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) throw new Error('the WAL was not folded in at close');
    for (const file of sidecars(this.paths.dbFile)) fs.rmSync(file, { force: true });
  }

  /**
   * Migration backups the given keys cannot open were made under a key no slot holds any more
   * (before a rotation): useless to the office, readable to whoever kept that old key. Removed.
   */
  removeStaleBackups(keys: Buffer[]): string[] {
    const removed: string[] = [];
    for (const file of migrationBackups(this.paths.dbFile)) {
      const opens = keys.some((key) => {
        try {
          openRaw({ file, key, readonly: true, nativeBinding: this.nativeBinding, cacheKiB: 64 }).close();
          return true;
        } catch {
          return false;
        }
      });
      if (!opens) {
        fs.rmSync(file, { force: true });
        removed.push(file);
      }
    }
    return removed;
  }
}
