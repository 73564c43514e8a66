// Node-only. The long SQLite work of a backup, in a worker thread with its own connections so the
// app keeps answering (and keeps writing) meanwhile:
//  - `VACUUM INTO` from a second connection to the live database: it reads one consistent snapshot
//    (WAL lets the app commit meanwhile) and, with SQLite3MultipleCiphers, writes the copy
//    encrypted with the same cipher and key. (better-sqlite3's `db.backup()` — SQLite's online
//    backup API — refuses here: it opens the target without a key, "incompatible source and
//    target databases"; the library's author recommends VACUUM INTO.)
//  - `PRAGMA integrity_check` of the copy, opened read-only with the key, then its audit chain.
// Progress is the copy's size on disk against the source's page count × page size, polled.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { GENESIS } from '../audit/audit';

// Plain CommonJS run by the worker (`eval`): the core is bundled or run through tsx, so a separate
// worker file would need its own build entry; this stays one file and type-free on purpose.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
function open(file, readonly) {
  const db = new Database(file, { readonly, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma('key="x\\'' + workerData.keyHex + '\\'"');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  return db;
}
// The copy's audit chain from its first entry (mirrors entryHash/verifyAudit in audit/audit.ts;
// a test checks the verdicts agree): here, not on the main thread, where a walk of 250 000 entries
// held the app for most of a minute (the database calls never yield to the event loop).
function walkChain(db) {
  const crypto = require('node:crypto');
  const hasState = db.prepare("SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'state_hash'").pluck().get() > 0;
  const rows = db.prepare('SELECT id, at, user_id, username, action, entity_type, entity_id, details, prev_hash, hash' + (hasState ? ', state_hash' : ', NULL') + ' FROM audit_log ORDER BY id').raw(true);
  let prevHash = workerData.genesis;
  let lastId = 0;
  for (const r of rows.iterate()) {
    const [id, at, userId, username, action, entityType, entityId, details, prev, hash, stateHash] = r;
    if (prev !== prevHash || id !== lastId + 1) return { intact: false, brokenAtId: id, lastId, lastHash: prevHash };
    const fields = [prev, at, userId, username, action, entityType, entityId, details];
    if (stateHash !== null && stateHash !== undefined) fields.push(stateHash);
    if (crypto.createHash('sha256').update(JSON.stringify(fields)).digest('hex') !== hash) return { intact: false, brokenAtId: id, lastId, lastHash: prevHash };
    prevHash = hash;
    lastId = id;
  }
  return { intact: true, brokenAtId: null, lastId, lastHash: prevHash };
}
try {
  if (workerData.source) {
    const source = open(workerData.source, false);
    source.pragma('busy_timeout = 10000');
    const pages = source.pragma('page_count', { simple: true });
    const pageSize = source.pragma('page_size', { simple: true });
    parentPort.postMessage({ type: 'size', bytes: pages * pageSize });
    source.prepare('VACUUM INTO ?').run(workerData.target);
    source.close();
    parentPort.postMessage({ type: 'copied' });
  }
  const copy = open(workerData.target, true);
  const rows = copy.pragma('integrity_check(100)', { simple: false });
  const version = copy.pragma('user_version', { simple: true });
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  const chain = problems.length === 0 ? walkChain(copy) : null;
  copy.close();
  parentPort.postMessage({ type: 'done', problems, version, chain });
} catch (error) {
  parentPort.postMessage({ type: 'error', code: String(error && error.code || ''), message: String(error && error.message || error) });
}
`;

const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

export interface SnapshotOptions {
  /** The live database; omit to only check `target` (restore). */
  source?: string;
  target: string;
  key: Buffer;
  nativeBinding?: string;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Called once the copy is complete, before its integrity check. */
  onCopied?: () => void;
}

export interface SnapshotResult {
  /** Empty when integrity_check answered "ok". */
  problems: string[];
  schemaVersion: number;
  /**
   * The copy's audit chain walked from its first entry (null when the integrity check failed):
   * intact, and its last entry — ids run 1…lastId without a gap, so lastId is also the count.
   */
  chain: { intact: boolean; brokenAtId: number | null; lastId: number; lastHash: string } | null;
}

export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly sqliteCode: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

export function runSnapshot(options: SnapshotOptions): Promise<SnapshotResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        modulePath,
        nativeBinding: options.nativeBinding,
        source: options.source ?? null,
        target: options.target,
        keyHex: options.key.toString('hex'),
        genesis: GENESIS,
      },
    });
    let total = 0;
    let settled = false;
    let copied = false;
    const poll = setInterval(() => {
      if (!total || copied) return;
      try {
        const done = fs.statSync(options.target).size;
        options.onProgress?.(Math.min(done, total), total);
      } catch {
        // not created yet
      }
    }, 200);
    const finish = (work: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      work();
    };
    worker.on('message', (message: { type: string; bytes?: number; problems?: string[]; version?: number; chain?: SnapshotResult['chain']; code?: string; message?: string }) => {
      if (message.type === 'size') total = message.bytes ?? 0;
      else if (message.type === 'copied') {
        copied = true;
        if (total) options.onProgress?.(total, total);
        options.onCopied?.();
      } else if (message.type === 'done') {
        finish(() => resolve({ problems: message.problems ?? [], schemaVersion: message.version ?? 0, chain: message.chain ?? null }));
      } else if (message.type === 'error') {
        finish(() => reject(new SnapshotError(message.message ?? 'snapshot failed', message.code ?? '')));
      }
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new SnapshotError(`snapshot worker exited (${code})`, 'EXIT'))));
  });
}
