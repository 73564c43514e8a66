// Node-only. Checking a backup's database file, in worker threads (worker.ts): it opens with the
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
  if (workerData.part === 'chain') {
    const chain = walkChain(copy);
    copy.close();
    parentPort.postMessage({ type: 'done', chain });
  } else {
    parentPort.postMessage({ type: 'integrity', bytes: copy.pragma('page_count', { simple: true }) * copy.pragma('page_size', { simple: true }) });
    const rows = copy.pragma(workerData.check === 'quick' ? 'quick_check(100)' : 'integrity_check(100)', { simple: false });
    const version = copy.pragma('user_version', { simple: true });
    const problems = rows.map((r) => r.integrity_check !== undefined ? r.integrity_check : r.quick_check).filter((m) => m !== 'ok');
    copy.close();
    parentPort.postMessage({ type: 'done', problems, version });
  }
} catch (error) {
  try { if (copy) copy.close(); } catch {}
  fail(error);
}
`;

/**
 * What the progress of a check rests on. The chain walk counts its entries; integrity_check says
 * nothing until it ends, so its share is reckoned by time: 1 − e^(−t/T), with T the file's size at
 * this rate (a 20 000-case office on a quiet machine, tests/bench/backup.ts). The bar keeps moving
 * however loaded the machine is, slower as it nears the end, and never claims the step is done.
 */
export const integrityBytesPerSecond = 25e6;
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
  /** Milliseconds from the start of the check to the end of integrity_check, and of the chain walk (they run at once). */
  timings: { integrityMs: number; chainMs: number };
}

/** The integrity check's share of the check's progress (the rest is the chain walk). */
const integrityShare = 0.8;

/**
 * integrity_check and the chain walk run at once, each in its own worker on its own read-only
 * connection: on two cores the walk costs no time, and on a loaded machine two threads get twice
 * the share of it. The walk's verdict counts only if the integrity check passed.
 */
export async function verifyDatabase(options: VerifyOptions): Promise<VerifyResult> {
  const started = performance.now();
  let integrityMs = 0;
  let chainMs = 0;
  let integrity = 0;
  let chainDone = 0;
  const report = (step: 'integrity' | 'chain') => options.onProgress?.(integrityShare * integrity + (1 - integrityShare) * chainDone, step);
  let timer: NodeJS.Timeout | undefined;
  const common = { key: options.key, nativeBinding: options.nativeBinding, target: options.target, genesis: GENESIS, cacheKiB: options.cacheKiB ?? 65536 };
  try {
    const checking = runBackupWorker<{ type: 'done'; problems: string[]; version: number }>(
      verifySource,
      { ...common, part: 'integrity', check: options.check ?? 'integrity' },
      (message) => {
        if (message.type !== 'integrity') return;
        const expectedMs = Math.max(1, (Number(message.bytes) / integrityBytesPerSecond) * 1000);
        const from = performance.now();
        timer = setInterval(() => {
          integrity = 1 - Math.exp(-(performance.now() - from) / expectedMs);
          report('integrity');
        }, 250);
      },
    ).finally(() => {
      integrityMs = performance.now() - started;
      if (timer) clearInterval(timer);
      integrity = 1;
      report('integrity');
    });
    const walking = runBackupWorker<{ type: 'done'; chain: VerifyResult['chain'] }>(verifySource, { ...common, part: 'chain' }, (message) => {
      if (message.type !== 'chain') return;
      chainDone = Number(message.done) / Math.max(1, Number(message.total));
      report('chain');
    }).finally(() => {
      chainMs = performance.now() - started;
    });
    // Both settle before anything returns or throws: a failed check's folder is removed next, and
    // a file still open in the other worker could not be removed on Windows.
    const [checkedResult, walkedResult] = await Promise.allSettled([checking, walking]);
    if (checkedResult.status === 'rejected') throw checkedResult.reason;
    if (walkedResult.status === 'rejected') throw walkedResult.reason;
    const checked = checkedResult.value;
    const walked = walkedResult.value;
    return {
      problems: checked.problems,
      schemaVersion: checked.version,
      chain: checked.problems.length === 0 ? walked.chain : null,
      timings: { integrityMs, chainMs },
    };
  } finally {
    if (timer) clearInterval(timer);
  }
}
