// Node-only. The full check of the audit chain, off the main thread: a worker thread opens its own
// read-only connection to the database (WAL lets it read while the app writes) and walks every
// entry, reporting progress, so a log of a million entries never holds up the app's calls. The
// worker is plain JavaScript passed as text, so it runs the same under tsx, vitest and the bundled
// Electron main process (no extra entry file for the bundler to find).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { AuditChainStatus } from '../../../shared/audit/contract';
import { GENESIS } from './audit';

/** Mirrors `entryHash` and `verifyAudit` in audit.ts; a test checks the verdicts agree. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const Database = require(workerData.module);
const db = new Database(workerData.file, { readonly: true, nativeBinding: workerData.nativeBinding });
try {
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma('key="x\\'' + workerData.keyHex + '\\'"');
  db.pragma('cache_size = -16384');
  const upTo = workerData.upTo;
  let prevHash = workerData.genesis;
  let lastId = 0;
  let checked = 0;
  let verdict = null;
  const rows = db.prepare('SELECT id, at, user_id, username, action, entity_type, entity_id, details, prev_hash, hash FROM audit_log WHERE id <= ? ORDER BY id').raw(true);
  for (const r of rows.iterate(upTo)) {
    const [id, at, userId, username, action, entityType, entityId, details, prev, hash] = r;
    if (prev !== prevHash || id !== lastId + 1) { verdict = { brokenAtId: id, problem: id !== lastId + 1 ? 'deleted' : 'edited' }; break; }
    const own = crypto.createHash('sha256').update(JSON.stringify([prev, at, userId, username, action, entityType, entityId, details])).digest('hex');
    if (own !== hash) { verdict = { brokenAtId: id, problem: 'edited' }; break; }
    prevHash = hash;
    lastId = id;
    checked += 1;
    if (checked % 50000 === 0) parentPort.postMessage({ type: 'progress', checked });
  }
  parentPort.postMessage({ type: 'done', checked, lastId, lastHash: prevHash, verdict });
} catch (error) {
  parentPort.postMessage({ type: 'error', message: String(error && error.message || error) });
} finally {
  db.close();
}
`;

export interface FullCheckResult {
  status: AuditChainStatus;
  /** The last entry verified, when the chain was intact up to it (the new checkpoint). */
  verifiedTo: { id: number; hash: string } | null;
}

export interface FullCheckOptions {
  file: string;
  key: Buffer;
  nativeBinding?: string;
  /** The last entry id at the start: entries appended while the check runs are left to the next one. */
  upTo: number;
  onProgress?: (checked: number) => void;
}

export function runFullCheck(options: FullCheckOptions): Promise<FullCheckResult> {
  const require = createRequire(import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        module: require.resolve('better-sqlite3-multiple-ciphers'),
        file: options.file,
        keyHex: options.key.toString('hex'),
        nativeBinding: options.nativeBinding,
        upTo: options.upTo,
        genesis: GENESIS,
      },
    });
    worker.on('message', (message: { type: string; checked: number; lastId: number; lastHash: string; message?: string; verdict: { brokenAtId: number; problem: 'edited' | 'deleted' } | null }) => {
      if (message.type === 'progress') options.onProgress?.(message.checked);
      else if (message.type === 'error') reject(new Error(message.message));
      else if (message.type === 'done') {
        const { verdict, checked } = message;
        resolve(
          verdict
            ? { status: { intact: false, checked, brokenAtId: verdict.brokenAtId, problem: verdict.problem }, verifiedTo: null }
            : {
                status: { intact: true, checked, brokenAtId: null, problem: null },
                verifiedTo: message.lastId > 0 ? { id: message.lastId, hash: message.lastHash } : null,
              },
        );
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`audit check worker stopped with code ${code}`));
    });
  });
}
