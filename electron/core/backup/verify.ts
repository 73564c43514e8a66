// Node-only. Checking a backup's database file, in a worker thread (worker.ts): it opens with the
// key, passes `PRAGMA integrity_check` (every b-tree page and overflow page is read — and each
// read checks the page's HMAC, so a flipped bit anywhere in use is found — the page accounting,
// and every index against its table), and its audit chain verifies from the first entry. Used
// after a backup is written and before a restore installs one.
import { GENESIS } from '../audit/audit';
import { runBackupWorker } from './worker';

const verifySource = `
// The copy's audit chain from its first entry (mirrors entryHash/verifyAudit in audit/audit.ts;
// a test checks the verdicts agree): here, not on the main thread, where a walk of 250 000 entries
// held the app for most of a minute (the database calls never yield to the event loop).
function walkChain(db) {
  const crypto = require('node:crypto');
  const hasState = db.prepare("SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'state_hash'").pluck().get() > 0;
  const total = db.prepare('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get();
  parentPort.postMessage({ type: 'chain', done: 0, total });
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
    if (id % 65536 === 0) parentPort.postMessage({ type: 'chain', done: id, total });
  }
  return { intact: true, brokenAtId: null, lastId, lastHash: prevHash };
}
let copy;
try {
  copy = open(workerData.target, true);
  copy.pragma('cache_size = -' + workerData.cacheKiB);
  parentPort.postMessage({ type: 'integrity', bytes: copy.pragma('page_count', { simple: true }) * copy.pragma('page_size', { simple: true }) });
  const rows = copy.pragma(workerData.check === 'quick' ? 'quick_check(100)' : 'integrity_check(100)', { simple: false });
  const version = copy.pragma('user_version', { simple: true });
  const problems = rows.map((r) => r.integrity_check !== undefined ? r.integrity_check : r.quick_check).filter((m) => m !== 'ok');
  const chain = problems.length === 0 ? walkChain(copy) : null;
  copy.close();
  parentPort.postMessage({ type: 'done', problems, version, chain });
} catch (error) {
  try { if (copy) copy.close(); } catch {}
  fail(error);
}
`;

/**
 * What the progress of a check rests on. The chain walk counts its entries; integrity_check says
 * nothing until it ends, so its share is reckoned by time at this rate (measured by
 * tests/bench/backup.ts, rounded down so the bar waits at the end of the step rather than jumping).
 */
export const integrityBytesPerSecond = 40e6;

export interface VerifyOptions {
  target: string;
  key: Buffer;
  nativeBinding?: string;
  /** 'quick' only for the benchmark's comparison: backups and restores run the full check. */
  check?: 'integrity' | 'quick';
  /** Page cache of the checking connection. */
  cacheKiB?: number;
  /** 0..1 through the check: integrity (reckoned by time) then the chain walk (counted). */
  onProgress?: (fraction: number, step: 'integrity' | 'chain') => void;
}

export interface VerifyResult {
  /** Empty when integrity_check answered "ok". */
  problems: string[];
  schemaVersion: number;
  /**
   * The copy's audit chain walked from its first entry (null when the integrity check failed):
   * intact, and its last entry — ids run 1…lastId without a gap, so lastId is also the count.
   */
  chain: { intact: boolean; brokenAtId: number | null; lastId: number; lastHash: string } | null;
  /** Milliseconds spent in integrity_check and in the chain walk. */
  timings: { integrityMs: number; chainMs: number };
}

/** The integrity step's share of the whole check's progress (the rest is the chain walk). */
const integrityShare = 0.8;

export async function verifyDatabase(options: VerifyOptions): Promise<VerifyResult> {
  let integrityStarted = 0;
  let chainStarted = 0;
  let expectedMs = 0;
  let timer: NodeJS.Timeout | undefined;
  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  try {
    const result = await runBackupWorker<{ type: 'done'; problems: string[]; version: number; chain: VerifyResult['chain'] }>(
      verifySource,
      {
        key: options.key,
        nativeBinding: options.nativeBinding,
        target: options.target,
        genesis: GENESIS,
        check: options.check ?? 'integrity',
        cacheKiB: options.cacheKiB ?? 65536,
      },
      (message) => {
        if (message.type === 'integrity') {
          integrityStarted = performance.now();
          expectedMs = (Number(message.bytes) / integrityBytesPerSecond) * 1000;
          options.onProgress?.(0, 'integrity');
          timer = setInterval(() => {
            const share = Math.min(0.95, (performance.now() - integrityStarted) / Math.max(1, expectedMs));
            options.onProgress?.(share * integrityShare, 'integrity');
          }, 250);
        } else if (message.type === 'chain') {
          if (!chainStarted) {
            chainStarted = performance.now();
            stopTimer();
          }
          const total = Math.max(1, Number(message.total));
          options.onProgress?.(integrityShare + (1 - integrityShare) * (Number(message.done) / total), 'chain');
        }
      },
    );
    const ended = performance.now();
    return {
      problems: result.problems,
      schemaVersion: result.version,
      chain: result.chain,
      timings: {
        integrityMs: (chainStarted || ended) - integrityStarted,
        chainMs: chainStarted ? ended - chainStarted : 0,
      },
    };
  } finally {
    stopTimer();
  }
}
