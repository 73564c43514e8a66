// The app's transactions take the write lock when they begin (db/open.ts). Another connection (the
// backup's checkpoint, in the app) that takes the write lock between a transaction's first read and
// its first write made SQLite answer SQLITE_BUSY at once — a child's registration during a backup
// failed. Here a second connection on another thread tries to take the write lock in the middle of
// a transaction that has read: with the app's connection it cannot (the transaction holds it) and
// the transaction commits; with a deferred `begin`, it can, and the write fails.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDatabase } from '../../electron/core/db/open';
import type { DB } from '../../electron/core/db/schema';
import { setUpStaffedOffice } from '../fixtures/core';

const lockTaker = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma('key="x\\'' + workerData.keyHex + '\\'"');
db.pragma('busy_timeout = 0');
try { db.exec('BEGIN IMMEDIATE'); } catch (e) { parentPort.postMessage(false); process.exit(0); }
parentPort.postMessage(true);
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
db.exec('COMMIT');
db.close();
`;

let office: Awaited<ReturnType<typeof setUpStaffedOffice>>;
beforeAll(async () => {
  office = await setUpStaffedOffice();
});
afterAll(() => office?.cleanup());

/** Another connection tries to take the write lock (no waiting); true once it holds it (for 300 ms). */
function takeWriteLock(): Promise<boolean> {
  const require = createRequire(import.meta.url);
  const worker = new Worker(lockTaker, {
    eval: true,
    workerData: { module: require.resolve('better-sqlite3-multiple-ciphers'), file: office.core.store.paths.dbFile, keyHex: office.core.store.get().dataKey.toString('hex') },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function readThenWrite(db: Kysely<DB>): Promise<{ lockTaken: boolean; error: string | null }> {
  let lockTaken = false;
  try {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT count(*) FROM users`.execute(trx);
      lockTaken = await takeWriteLock();
      await sql`UPDATE office SET name = name`.execute(trx);
    });
    return { lockTaken, error: null };
  } catch (error) {
    return { lockTaken, error: (error as { code?: string }).code ?? String(error) };
  }
}

describe('transactions and another connection’s write lock', () => {
  it('the app’s connection holds the write lock from the start of a transaction: nobody takes it in between, the write succeeds', async () => {
    expect(await readThenWrite(office.core.store.get().db)).toEqual({ lockTaken: false, error: null });
  });

  it('a deferred begin (Kysely’s own) lets another connection take the lock after the read, and the write fails at once', async () => {
    const raw: RawDatabase = office.core.store.get().raw;
    const deferred = new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
    const outcome = await readThenWrite(deferred);
    expect(outcome.lockTaken).toBe(true);
    expect(String(outcome.error)).toMatch(/^SQLITE_BUSY/);
  });
});
