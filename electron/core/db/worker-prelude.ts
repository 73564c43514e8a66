// Node-only. What every worker thread that opens the office's database starts with (the backup's
// copy and check, the reports' second reader): worker threads run plain CommonJS text (the core is
// bundled or run through tsx, so a separate worker file would need its own build entry), and
// `open(file, readonly)` keys a connection as db/open.ts does — cipher settings before the key, and
// a first read that proves it.
import { createRequire } from 'node:module';

/** Defines `parentPort`, `workerData`, `fs`, `Database` and `open(file, readonly)` (workerData: modulePath, keyHex, nativeBinding). */
export const workerPrelude = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(workerData.modulePath);
function open(file, readonly) {
  const db = new Database(file, { readonly, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma('key="x\\'' + workerData.keyHex + '\\'"');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  return db;
}
`;

/** The database module's resolved path, for `workerData.modulePath`. */
export const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
