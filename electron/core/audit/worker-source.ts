// Node-only. The full audit check's worker threads, as plain JavaScript text (see full-check.ts for
// why text). Two run side by side (one per core), each with its own read-only connection and ONE
// read transaction (a consistent snapshot, while the app keeps writing through WAL):
//   - part 'chain' walks the chain up to `upTo` (mirrors `entryHash`/`verifyAudit` in audit.ts);
//   - part 'records' hashes every audited case's rows and compares each with its last audited state hash
//      (mirrors `allCaseStateHashes`/`verifyCaseStates` in state.ts and records.ts; the covered
//      tables come in `workerData.tables`, from state.ts, so the list lives in one place).
// A test checks that both halves give the main-thread functions' verdicts.
export const fullCheckWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const Database = require(workerData.module);
const db = new Database(workerData.file, { readonly: true, nativeBinding: workerData.nativeBinding });
const sha = () => crypto.createHash('sha256');

function walkChain(upTo) {
  let prevHash = workerData.genesis;
  let lastId = 0;
  let checked = 0;
  const rows = db.prepare('SELECT id, at, user_id, username, action, entity_type, entity_id, details, prev_hash, hash, state_hash FROM audit_log WHERE id <= ? ORDER BY id').raw(true);
  for (const r of rows.iterate(upTo)) {
    const [id, at, userId, username, action, entityType, entityId, details, prev, hash, stateHash] = r;
    if (prev !== prevHash || id !== lastId + 1) return { checked, lastId, lastHash: prevHash, verdict: { brokenAtId: id, problem: id !== lastId + 1 ? 'deleted' : 'edited' } };
    const fields = [prev, at, userId, username, action, entityType, entityId, details];
    if (stateHash !== null && stateHash !== undefined) fields.push(stateHash);
    if (crypto.hash('sha256', JSON.stringify(fields)) !== hash) return { checked, lastId, lastHash: prevHash, verdict: { brokenAtId: id, problem: 'edited' } };
    prevHash = hash;
    lastId = id;
    checked += 1;
    if (checked % 50000 === 0) parentPort.postMessage({ type: 'progress', phase: 'chain', checked });
  }
  return { checked, lastId, lastHash: prevHash, verdict: null };
}

function canonicalValue(value) {
  if (Buffer.isBuffer(value)) return { blob: sha().update(value).digest('hex') };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
const canonicalRow = (row) => JSON.stringify(Object.keys(row).sort().map((c) => [c, canonicalValue(row[c])]));
function tableDigest(rows) {
  rows.sort();
  const hash = sha();
  for (const row of rows) hash.update(row).update('\\n');
  return hash.digest('hex');
}

function checkRecords() {
  const tables = workerData.tables;
  const combine = (digests) => sha().update(JSON.stringify(tables.map((t, i) => [t.table, digests[i]]))).digest('hex');
  const audited = db.prepare("SELECT entity_id AS caseId, state_hash AS stateHash, max(id) AS auditId FROM audit_log WHERE entity_type = 'case' AND state_hash IS NOT NULL AND entity_id IS NOT NULL GROUP BY entity_id").all();
  const wanted = new Set(audited.map((a) => a.caseId));
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  const empty = tableDigest([]);
  const perCase = new Map();
  let scanned = 0;
  tables.forEach(({ table, caseColumn }, index) => {
    if (!present.has(table)) return;
    let current = null;
    let rows = [];
    const flush = () => {
      if (current === null) return;
      if (wanted.has(current)) {
        let digests = perCase.get(current);
        if (!digests) { digests = tables.map(() => empty); perCase.set(current, digests); }
        digests[index] = tableDigest(rows);
      }
      rows = [];
    };
    for (const row of db.prepare('SELECT * FROM "' + table + '" ORDER BY "' + caseColumn + '"').iterate()) {
      const caseId = String(row[caseColumn]);
      if (caseId !== current) { flush(); current = caseId; }
      if (wanted.has(caseId)) rows.push(canonicalRow(row));
      scanned += 1;
      if (scanned % 20000 === 0) parentPort.postMessage({ type: 'progress', phase: 'records', checked: scanned });
    }
    flush();
  });
  const absent = combine(tables.map(() => empty));
  const changed = [];
  let changedCount = 0;
  for (const entry of audited) {
    const digests = perCase.get(entry.caseId);
    if ((digests ? combine(digests) : absent) !== entry.stateHash) {
      changedCount += 1;
      if (changed.length < 100) changed.push({ caseId: entry.caseId, auditId: entry.auditId });
    }
  }
  let unanchored = 0;
  for (const id of db.prepare('SELECT id FROM cases').pluck().iterate()) if (!wanted.has(id)) unanchored += 1;
  return { checked: audited.length, changed, changedCount, unanchored };
}

try {
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma('key="x\\'' + workerData.keyHex + '\\'"');
  // The chain is read in order (a small cache serves it); the records are read table by table in
  // case order through an index, which jumps around the table: a large cache keeps each page
  // decrypted once (39 s → 16 s for 2.5 million rows at 100 000 cases). It is freed when the worker ends.
  db.pragma(workerData.part === 'chain' ? 'cache_size = -16384' : 'cache_size = -524288');
  db.exec('BEGIN');
  if (workerData.part === 'chain') {
    const chain = walkChain(workerData.upTo);
    db.exec('COMMIT');
    parentPort.postMessage({ type: 'done', chain });
  } else {
    let rowsTotal = 0;
    const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    for (const { table } of workerData.tables) if (present.has(table)) rowsTotal += db.prepare('SELECT count(*) FROM "' + table + '"').pluck().get();
    parentPort.postMessage({ type: 'progress', phase: 'records', checked: 0, total: rowsTotal });
    const records = checkRecords();
    db.exec('COMMIT');
    parentPort.postMessage({ type: 'done', records });
  }
} catch (error) {
  parentPort.postMessage({ type: 'error', message: String(error && error.message || error) });
} finally {
  db.close();
}
`;
