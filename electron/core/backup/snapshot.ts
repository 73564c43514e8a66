// Node-only. The copy step of a backup, in a worker thread with its own connection (worker.ts).
//
// 'pages' (the default) copies the database file's encrypted pages as they are, at the speed of
// the disks, with no decryption, re-encryption or b-tree rebuilding — so the copy is opened by the
// same key and slots. It is consistent because it is taken under a read transaction that reads the
// database file alone: the worker folds the WAL into the file (`wal_checkpoint(TRUNCATE)`), begins
// a read, and checks that the WAL is still empty. A reader that begins while the WAL is empty holds
// SQLite's read lock 0, which ignores the WAL, and "holding READ_LOCK(0) prevents a checkpoint"
// (sqlite3.c, walTryBeginRead; walCheckpoint takes an exclusive lock on slot 0 before it writes a
// page into the database file): until the read ends, the file does not change by a byte while the
// app goes on committing into the WAL. An empty WAL is observable as its file being 0 bytes long:
// TRUNCATE leaves it so, any commit grows it first, and only another TRUNCATE (nothing else in the
// app runs one while a backup runs: key rotation waits for it) could empty it again.
//
// 'vacuum' is `VACUUM INTO` (SQLite3MultipleCiphers writes the copy encrypted with the same cipher
// and key): the fallback when the app never lets the WAL be emptied (a writer that never pauses),
// and the measured alternative in tests/bench/backup.ts. It rebuilds every table and index, so it
// decrypts, re-encrypts and sorts: 3 to 10 times slower. SQLite's online backup API is not an
// option: better-sqlite3 opens its target itself, without a key ("incompatible source and target
// databases": the page reserve of the cipher differs).
//
// Either way the copy is left a self-contained rollback-journal file (no -wal beside it to lose).
import fs from 'node:fs';
import { runBackupWorker } from './worker';

export type CopyMethod = 'pages' | 'vacuum';

const copySource = `
const { source, target, method, attempts, chunkBytes } = workerData;
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
function walBytes() {
  try { return fs.statSync(source + '-wal').size; } catch (e) { if (e.code === 'ENOENT') return 0; throw e; }
}
// A read transaction on the database file alone (see snapshot.ts), or false when the app kept the
// WAL busy through every attempt. No busy wait: a TRUNCATE checkpoint that waits holds the app's
// writers meanwhile, so a busy attempt gives way at once and the worker sleeps before the next.
function fileOnlyRead(db) {
  db.pragma('busy_timeout = 0');
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      // PASSIVE first, which never holds the app's writers: TRUNCATE holds them while it copies, so
      // it is left only what was committed since.
      db.pragma('wal_checkpoint(PASSIVE)');
      const row = db.pragma('wal_checkpoint(TRUNCATE)')[0];
      if (row.busy === 0 && walBytes() === 0) {
        db.exec('BEGIN');
        db.prepare('SELECT count(*) FROM sqlite_master').get();
        if (walBytes() === 0) return true;
        db.exec('COMMIT');
      }
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      if (!String(error && error.code).startsWith('SQLITE_BUSY')) throw error;
    }
    sleep(Math.min(250, 10 * (attempt + 1)));
  }
  return false;
}
function copyFile() {
  const input = fs.openSync(source, 'r');
  let output;
  try {
    output = fs.openSync(target, 'wx', 0o600);
    const total = fs.fstatSync(input).size;
    parentPort.postMessage({ type: 'size', bytes: total });
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let done = 0;
    let posted = 0;
    for (;;) {
      const n = fs.readSync(input, buffer, 0, buffer.length, done);
      if (n === 0) break;
      for (let w = 0; w < n; ) w += fs.writeSync(output, buffer, w, n - w, done + w);
      done += n;
      if (done - posted >= 16 * chunkBytes) {
        posted = done;
        parentPort.postMessage({ type: 'progress', done });
      }
    }
    return done;
  } finally {
    fs.closeSync(input);
    if (output !== undefined) fs.closeSync(output);
  }
}
let db;
try {
  db = open(source, false);
  let used = 'vacuum';
  if (method === 'pages' && fileOnlyRead(db)) {
    used = 'pages';
    copyFile();
    db.exec('COMMIT');
  } else {
    parentPort.postMessage({ type: 'size', bytes: db.pragma('page_count', { simple: true }) * db.pragma('page_size', { simple: true }), poll: true });
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(target);
  }
  db.close();
  db = undefined;
  // Self-contained: a copy of the live file still says "WAL" in its header.
  const copy = open(target, false);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  fs.chmodSync(target, 0o600);
  const syncStarted = performance.now();
  const fd = fs.openSync(target, 'r+');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
  parentPort.postMessage({ type: 'done', method: used, bytes: fs.statSync(target).size, syncMs: performance.now() - syncStarted });
} catch (error) {
  try { if (db) db.close(); } catch {}
  fail(error);
}
`;

export interface CopyOptions {
  source: string;
  target: string;
  key: Buffer;
  nativeBinding?: string;
  method?: CopyMethod;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

export interface CopyResult {
  /** The method that made the copy ('vacuum' also when 'pages' fell back). */
  method: CopyMethod;
  bytes: number;
  /** Of which, flushing the copy to the drive. */
  syncMs: number;
}

export async function copyDatabase(options: CopyOptions): Promise<CopyResult> {
  let total = 0;
  let poll: NodeJS.Timeout | undefined;
  try {
    const result = await runBackupWorker<{ type: 'done'; method: CopyMethod; bytes: number; syncMs: number }>(
      copySource,
      {
        key: options.key,
        nativeBinding: options.nativeBinding,
        source: options.source,
        target: options.target,
        method: options.method ?? 'pages',
        attempts: 40,
        chunkBytes: 4 << 20,
      },
      (message) => {
        if (message.type === 'size') {
          total = Number(message.bytes);
          options.onProgress?.(0, total);
          // VACUUM INTO reports nothing while it runs: its target's size on disk is the progress.
          if (message.poll && !poll) {
            poll = setInterval(() => {
              const size = fs.statSync(options.target, { throwIfNoEntry: false })?.size ?? 0;
              options.onProgress?.(Math.min(size, total), total);
            }, 200);
          }
        } else if (message.type === 'progress') options.onProgress?.(Number(message.done), total);
      },
    );
    options.onProgress?.(total, total);
    return { method: result.method, bytes: result.bytes, syncMs: result.syncMs };
  } finally {
    if (poll) clearInterval(poll);
  }
}
