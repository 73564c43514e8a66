// Node-only. The plumbing shared by the backup's two worker threads (snapshot.ts copies, verify.ts
// checks): each runs plain CommonJS evaluated in a worker (the core is bundled or run through tsx,
// so a separate worker file would need its own build entry), with its own SQLite connections, so
// the app keeps answering — and writing — meanwhile.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Prepended to every worker source: `open(file, readonly)` with the data key, as db/open.ts does. */
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
function fail(error) {
  parentPort.postMessage({ type: 'error', code: String((error && error.code) || ''), message: String((error && error.message) || error) });
}
`;

const modulePath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly sqliteCode: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

export interface WorkerMessage {
  type: string;
  [field: string]: unknown;
}

/**
 * Runs `source` (after the prelude) in a worker. Every message but `done` and `error` goes to
 * `onMessage`; `done` resolves with its message, `error` (or the worker dying) rejects.
 */
export function runBackupWorker<T extends WorkerMessage>(
  source: string,
  data: { key: Buffer; nativeBinding?: string } & Record<string, unknown>,
  onMessage: (message: WorkerMessage) => void,
): Promise<T> {
  const { key, ...rest } = data;
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPrelude + source, {
      eval: true,
      workerData: { ...rest, modulePath, keyHex: key.toString('hex') },
    });
    let settled = false;
    const finish = (work: () => void) => {
      if (settled) return;
      settled = true;
      work();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'done') finish(() => resolve(message as T));
      else if (message.type === 'error') finish(() => reject(new SnapshotError(String(message.message ?? 'backup worker failed'), String(message.code ?? ''))));
      else if (!settled) onMessage(message);
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new SnapshotError(`backup worker exited (${code})`, 'EXIT'))));
  });
}
