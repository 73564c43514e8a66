// Node-only. Opens the SQLCipher database. Cipher settings must be applied on every connection
// before the key, or the library silently falls back to its default cipher.
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import type { DB } from './schema';

export type RawDatabase = Database.Database;

export interface OpenOptions {
  file: string;
  /** 32-byte data key; null opens a plain (unencrypted) database, used only by benchmarks. */
  key: Buffer | null;
  /** Path to a better_sqlite3.node built for the running runtime (Electron has its own ABI). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Page cache in KiB (default 256 MiB). */
  cacheKiB?: number;
}

export function applyKey(raw: RawDatabase, key: Buffer): void {
  if (key.length !== 32) throw new AppError('DB_KEY_INVALID', 'data key must be 32 bytes');
  raw.pragma(`cipher='sqlcipher'`);
  raw.pragma('legacy=4');
  raw.pragma(`key="x'${key.toString('hex')}'"`);
}

export function openRaw(options: OpenOptions): RawDatabase {
  const raw = new Database(options.file, {
    readonly: options.readonly ?? false,
    nativeBinding: options.nativeBinding,
  });
  try {
    if (options.key) applyKey(raw, options.key);
    // The first real read proves the key: SQLCipher only fails here, not at PRAGMA key.
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    raw.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new AppError('DB_KEY_INVALID', 'the database key is wrong or the file is not a Homeward database');
    }
    throw error;
  }
  if (!options.readonly) {
    raw.pragma('journal_mode = WAL');
  }
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Every page read from disk is decrypted; a large page cache keeps the case list's hot pages
  // decrypted in memory (measured: p95 of the 100 000-case list query falls about tenfold).
  raw.pragma(`cache_size = -${options.cacheKiB ?? 262144}`);
  raw.pragma('temp_store = MEMORY');
  return raw;
}

/** How many prepared statements a connection keeps for Kysely (the app runs a few hundred distinct ones). */
const STATEMENT_CACHE = 500;

/**
 * The connection as Kysely sees it. Its transactions take the write lock when they begin (Kysely's
 * SQLite driver says `begin`, deferred, and has no setting for it: kysely-org/kysely#1152): a
 * deferred transaction that has read cannot wait for a lock held by another connection — SQLite
 * answers SQLITE_BUSY at once rather than call the busy handler — and the backup's TRUNCATE
 * checkpoint holds the write lock for a moment: registering a child during a backup failed.
 * `begin immediate` waits for it (busy_timeout) like any single write.
 *
 * It also keeps its prepared statements by their text: Kysely's SQLite
 * driver prepares every statement each time it runs, which was about 2 ms of the 35 ms My work took
 * for a worker with 1 400 open cases. A statement still being iterated (a streamed query) is never
 * handed out twice: a fresh one is prepared. SQLite re-prepares a kept statement itself after a
 * schema change.
 */
function withStatementCache(raw: RawDatabase): Pick<RawDatabase, 'prepare' | 'close'> {
  const kept = new Map<string, Database.Statement>();
  return {
    prepare(sqlText: string) {
      const text = sqlText === 'begin' ? 'begin immediate' : sqlText;
      const hit = kept.get(text);
      kept.delete(text);
      const statement = hit && !hit.busy ? hit : raw.prepare(text);
      kept.set(text, statement); // the most recently used last
      if (kept.size > STATEMENT_CACHE) kept.delete(kept.keys().next().value!);
      return statement;
    },
    close: () => raw.close(),
  } as Pick<RawDatabase, 'prepare' | 'close'>;
}

export function toKysely(raw: RawDatabase): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) as RawDatabase }) });
}
