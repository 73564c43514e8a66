// Node-only. The full check — the whole audit chain and the case data against its audited states —
// off the main thread: a worker thread opens its own read-only connection (WAL lets it read while
// the app writes) and reports progress, so neither a log of a million entries nor 20 000 cases'
// rows to hash ever hold up the app's calls (which run one at a time). The worker is plain
// JavaScript passed as text (worker-source.ts), so it runs the same under tsx, vitest and the
// bundled Electron main process (no extra entry file for the bundler to find).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AuditChainStatus } from '../../../shared/audit/contract';
import { GENESIS } from './audit';
import type { RecordsStatus } from './records';
import { coveredTables } from './state';
import { fullCheckWorkerSource } from './worker-source';

export interface FullCheckResult {
  status: AuditChainStatus;
  /** The last entry verified, when the chain was intact up to it (the new checkpoint). */
  verifiedTo: { id: number; hash: string } | null;
  /** The case data compared with each case's last audited state, in the same snapshot. */
  records: RecordsStatus;
}

export interface FullCheckProgress {
  phase: 'chain' | 'records';
  /** Entries (chain) or rows of the covered tables (records) done so far. */
  checked: number;
  /** Rows of the covered tables, known when the records phase begins. */
  total?: number;
}

export interface FullCheckOptions {
  file: string;
  key: Buffer;
  nativeBinding?: string;
  /** The last entry id at the start: entries appended while the check runs are left to the next one. */
  upTo: number;
  onProgress?: (progress: FullCheckProgress) => void;
}

interface ChainDone {
  checked: number;
  lastId: number;
  lastHash: string;
  verdict: { brokenAtId: number; problem: 'edited' | 'deleted' } | null;
}
type WorkerMessage =
  | { type: 'done'; chain?: ChainDone; records?: RecordsStatus }
  | ({ type: 'progress' } & FullCheckProgress)
  | { type: 'error'; message: string };

/** One part of the check in its own worker thread; resolves with the worker's 'done' message. */
function runPart(part: 'chain' | 'records', options: FullCheckOptions): Promise<{ chain?: ChainDone; records?: RecordsStatus }> {
  const require = createRequire(import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(fullCheckWorkerSource, {
      eval: true,
      workerData: {
        part,
        module: require.resolve('better-sqlite3-multiple-ciphers'),
        file: options.file,
        keyHex: options.key.toString('hex'),
        nativeBinding: options.nativeBinding,
        upTo: options.upTo,
        genesis: GENESIS,
        tables: coveredTables,
      },
    });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.({ phase: message.phase, checked: message.checked, total: message.total });
      else if (message.type === 'error') {
        settled = true;
        reject(new Error(message.message));
      } else {
        settled = true;
        resolve(message);
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0 || !settled) reject(new Error(`audit check worker (${part}) stopped with code ${code}`));
    });
  });
}

/**
 * The chain and the records are independent (the records part reads the audited state hashes
 * itself), so they run at once on the two halves of a 2-core machine: at 100 000 cases (1.5 million
 * entries, 2.5 million rows) 24 s one after the other became the longer of the two.
 */
export async function runFullCheck(options: FullCheckOptions): Promise<FullCheckResult> {
  const chainPart = runPart('chain', options).then((done) => {
    options.onProgress?.({ phase: 'chain', checked: done.chain!.checked });
    return done.chain!;
  });
  const [chain, { records }] = await Promise.all([chainPart, runPart('records', options)]);
  const { verdict, checked } = chain;
  return verdict
    ? { status: { intact: false, checked, brokenAtId: verdict.brokenAtId, problem: verdict.problem }, verifiedTo: null, records: records! }
    : {
        status: { intact: true, checked, brokenAtId: null, problem: null },
        verifiedTo: chain.lastId > 0 ? { id: chain.lastId, hash: chain.lastHash } : null,
        records: records!,
      };
}
