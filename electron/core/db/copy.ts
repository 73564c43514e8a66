// Node-only. Copies the live database into a new file under another key, off the main thread.
// `VACUUM old INTO target` on a connection whose main database is keyed with the new key writes a
// complete, compact copy encrypted with that key (SQLite3MultipleCiphers encrypts the target with
// the main database's cipher), reading the source through its own consistent snapshot. A worker
// thread runs it so a 2 GB copy never blocks the event loop: the window stays responsive and the
// progress can be polled.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// CommonJS, evaluated in the worker: no bundler entry needed (the same code runs under vitest,
// tsx and the electron-vite build), the database module is required by its resolved path.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const { source, target, keyholder, oldKey, newKey, nativeBinding } = workerData;
const keyed = (conn, hex) => {
  conn.pragma("cipher='sqlcipher'");
  conn.pragma('legacy=4');
  conn.pragma('key="x' + String.fromCharCode(39) + hex + String.fromCharCode(39) + '"');
};
let db;
try {
  db = new Database(keyholder, nativeBinding ? { nativeBinding } : {});
  keyed(db, newKey);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.prepare('ATTACH DATABASE ? AS old KEY ?').run(source, "x'" + oldKey + "'");
  db.prepare('SELECT count(*) FROM old.sqlite_master').get();
  // Folded here, not on the main thread: the swap's close then has no WAL left to fold.
  db.pragma('old.wal_checkpoint(TRUNCATE)');
  parentPort.postMessage({ phase: 'copy' });
  db.prepare('VACUUM old INTO ?').run(target);
  parentPort.postMessage({ phase: 'check' });
  db.exec('DETACH DATABASE old');
  db.close();
  db = undefined;
  // The copy must open with the new key and be whole before it may replace anything.
  const check = new Database(target, Object.assign({ readonly: true }, nativeBinding ? { nativeBinding } : {}));
  try {
    keyed(check, newKey);
    const result = check.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw Object.assign(new Error('the copy failed its check: ' + result), { code: 'COPY_CHECK' });
  } finally {
    check.close();
  }
  parentPort.postMessage({ ok: true });
} catch (error) {
  try { if (db) db.close(); } catch {}
  parentPort.postMessage({ ok: false, code: error && error.code, message: String(error && error.message) });
}
`;

export interface CopyOptions {
  source: string;
  target: string;
  /** An empty scratch file (removed afterwards) keyed with the new key. */
  keyholder: string;
  oldKey: Buffer;
  newKey: Buffer;
  nativeBinding?: string;
  /** Bytes the copy is expected to reach, for the progress figure. */
  expectedBytes: number;
  onProgress?: (fraction: number) => void;
}

const modulePath = (): string => createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

export async function copyUnderNewKey(options: CopyOptions): Promise<void> {
  for (const file of [options.target, options.keyholder]) fs.rmSync(file, { force: true });
  // Created 0600 before SQLite writes a byte into them.
  for (const file of [options.target, options.keyholder]) fs.closeSync(fs.openSync(file, 'w', 0o600));
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: {
      modulePath: modulePath(),
      source: options.source,
      target: options.target,
      keyholder: options.keyholder,
      oldKey: options.oldKey.toString('hex'),
      newKey: options.newKey.toString('hex'),
      nativeBinding: options.nativeBinding,
    },
  });
  // Progress: the copy (0–85 %) by the size the target reached; the check (85–99 %) by time,
  // reckoned at about half the copy's duration (it reads every page once, writes nothing).
  let phase: 'prepare' | 'copy' | 'check' = 'prepare';
  let copyStarted = 0;
  let checkStarted = 0;
  const timer = setInterval(() => {
    if (phase === 'copy') {
      const size = fs.statSync(options.target, { throwIfNoEntry: false })?.size ?? 0;
      options.onProgress?.(0.85 * Math.min(1, size / Math.max(1, options.expectedBytes)));
    } else if (phase === 'check') {
      const expected = Math.max(200, (checkStarted - copyStarted) / 2);
      options.onProgress?.(0.85 + 0.14 * Math.min(1, (Date.now() - checkStarted) / expected));
    }
  }, 100);
  try {
    const result = await new Promise<{ ok: boolean; code?: string; message?: string }>((resolve, reject) => {
      worker.on('message', (message: { phase?: 'copy' | 'check'; ok?: boolean }) => {
        if (message.phase === 'copy') copyStarted = Date.now();
        if (message.phase === 'check') checkStarted = Date.now();
        if (message.phase) phase = message.phase;
        else resolve(message as { ok: boolean });
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`copy worker exited with code ${code}`)));
    });
    if (!result.ok) throw new Error(`copy under the new key failed: ${result.code ?? ''} ${result.message ?? ''}`);
  } finally {
    clearInterval(timer);
    await worker.terminate().catch(() => undefined);
    fs.rmSync(options.keyholder, { force: true });
  }
  options.onProgress?.(1);
}
