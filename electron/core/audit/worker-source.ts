// Node-only. The full audit check's worker threads, as plain JavaScript text (see full-check.ts for
// why text). One per core runs at once, each with its own read-only connection and ONE read
// transaction (a consistent snapshot, while the app keeps writing through WAL):
//   - part 'chain' walks one slice of the chain, ids (from, upTo] (mirrors `entryHash`/`verifyAudit`
//      in audit.ts);
//   - part 'records' hashes the rows of one slice of the cases (ids [lo, hi)) and compares each
//      audited case with its last audited state hash
//      (mirrors `allCaseStateHashes`/`verifyCaseStates` in state.ts and records.ts; the covered
//      tables come in `workerData.tables`, from state.ts, so the list lives in one place).
// A test checks that both halves give the main-thread functions' verdicts.
export const fullCheckWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const Database = require(workerData.module);
const db = new Database(workerData.file, { readonly: true, nativeBinding: workerData.nativeBinding });
const sha = () => crypto.createHash('sha256');

// One slice of the chain, ids (from, upTo]. Each entry's hash covers its own prev_hash, so slices
// verify on their own; the links between slices (first id and prev_hash of one against the last of
// the one before) are checked by full-check.ts, in the order a single walk would meet them.
function walkChain(from, upTo) {
  let prevHash = null;
  let lastId = null;
  let firstId = null;
  let firstPrev = null;
  let checked = 0;
  const rows = db.prepare('SELECT id, at, user_id, username, action, entity_type, entity_id, details, prev_hash, hash, state_hash FROM audit_log WHERE id > ? AND id <= ? ORDER BY id').raw(true);
  const done = (verdict) => ({ checked, firstId, firstPrev, lastId, lastHash: prevHash, verdict });
  for (const r of rows.iterate(from, upTo)) {
    const [id, at, userId, username, action, entityType, entityId, details, prev, hash, stateHash] = r;
    if (firstId === null) { firstId = id; firstPrev = prev; }
    else if (prev !== prevHash || id !== lastId + 1) return done({ brokenAtId: id, problem: id !== lastId + 1 ? 'deleted' : 'edited' });
    const fields = [prev, at, userId, username, action, entityType, entityId, details];
    if (stateHash !== null && stateHash !== undefined) fields.push(stateHash);
    if (crypto.hash('sha256', JSON.stringify(fields)) !== hash) return done({ brokenAtId: id, problem: 'edited' });
    prevHash = hash;
    lastId = id;
    checked += 1;
    if (checked % 50000 === 0) parentPort.postMessage({ type: 'progress', phase: 'chain', checked });
  }
  return done(null);
}

// Where the records are cut between the workers: case ids at equal steps, read once in one snapshot
// so every worker uses the same cuts and each case falls in exactly one slice.
function caseCuts(parts) {
  const count = db.prepare('SELECT count(*) FROM cases').pluck().get();
  const at = db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1 OFFSET ?').pluck();
  const cuts = [];
  for (let i = 1; i < parts; i += 1) cuts.push(at.get(Math.floor((count * i) / parts)) ?? null);
  return cuts.filter((cut, i) => cut !== null && (i === 0 || cut !== cuts[i - 1]));
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

// The case-id slice [lo, hi) (null: unbounded) as SQL, for the column that names the case.
function sliceWhere(column) {
  const { lo, hi } = workerData.slice;
  const parts = [];
  if (lo !== null) parts.push('"' + column + '" >= ?');
  if (hi !== null) parts.push('"' + column + '" < ?');
  return { sql: parts.length ? ' WHERE ' + parts.join(' AND ') : '', params: [lo, hi].filter((v) => v !== null) };
}

function checkRecords(present) {
  const tables = workerData.tables;
  const auditedWhere = sliceWhere('entity_id');
  const combine = (digests) => sha().update(JSON.stringify(tables.map((t, i) => [t.table, digests[i]]))).digest('hex');
  const audited = db.prepare("SELECT entity_id AS caseId, state_hash AS stateHash, max(id) AS auditId FROM audit_log" + auditedWhere.sql + (auditedWhere.sql ? ' AND' : ' WHERE') + " entity_type = 'case' AND state_hash IS NOT NULL AND entity_id IS NOT NULL GROUP BY entity_id").all(...auditedWhere.params);
  const wanted = new Set(audited.map((a) => a.caseId));
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
    const where = sliceWhere(caseColumn);
    for (const row of db.prepare('SELECT * FROM "' + table + '"' + where.sql + ' ORDER BY "' + caseColumn + '"').iterate(...where.params)) {
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
  const casesWhere = sliceWhere('id');
  for (const id of db.prepare('SELECT id FROM cases' + casesWhere.sql).pluck().iterate(...casesWhere.params)) if (!wanted.has(id)) unanchored += 1;
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
    const chain = walkChain(workerData.from, workerData.upTo);
    const cuts = workerData.cutsFor ? caseCuts(workerData.cutsFor) : null;
    db.exec('COMMIT');
    parentPort.postMessage({ type: 'done', chain, cuts });
  } else {
    let rowsTotal = 0;
    const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    for (const { table, caseColumn } of workerData.tables) {
      if (!present.has(table)) continue;
      const where = sliceWhere(caseColumn);
      rowsTotal += db.prepare('SELECT count(*) FROM "' + table + '"' + where.sql).pluck().get(...where.params);
    }
    parentPort.postMessage({ type: 'progress', phase: 'records', checked: 0, total: rowsTotal });
    const records = checkRecords(present);
    db.exec('COMMIT');
    parentPort.postMessage({ type: 'done', records });
  }
} catch (error) {
  parentPort.postMessage({ type: 'error', message: String(error && error.message || error) });
} finally {
  db.close();
}
`;
