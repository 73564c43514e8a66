// Node-only. The plumbing shared by the backup's two worker threads (snapshot.ts copies, verify.ts
// checks): each runs plain CommonJS evaluated in a worker (the core is bundled or run through tsx,
// so a separate worker file would need its own build entry), with its own SQLite connections, so
// the app keeps answering — and writing — meanwhile.
import { Worker } from 'node:worker_threads';
import { modulePath, workerPrelude } from '../db/worker-prelude';

/** Prepended to every backup worker's source: the database prelude, and `fail(error)`. */
const backupPrelude = `${workerPrelude}
function fail(error) {
  parentPort.postMessage({ type: 'error', code: String((error && error.code) || ''), message: String((error && error.message) || error) });
}
`;

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
    const worker = new Worker(backupPrelude + source, {
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
