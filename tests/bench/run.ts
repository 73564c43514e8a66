// npm run bench [-- --cases 100000 --dir PATH --iterations 60]   (or -- --report: the goals from bench-results.json)
// Prints figures, then each goal of issue 9 beside its figure with PASS/FAIL and the load average
// during the run (tests/bench/goals.ts); asserts nothing. Every path of the case list (filters × sorts, deep and last
// pages, searches of four kinds from the name pools of all five languages), My work, the duplicate
// check, the audit check (incremental and full), scrolling to row 10 000 and opening a case file —
// each cold (first call after opening) and warm (p50/p95/max). Encrypted and plain are measured
// interleaved, query by query, on a plain copy in a temp folder that is always removed. Results go
// to bench-results.json (one entry per case count, so 10k and 100k runs give the growth).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { cursorAt, listCases } from '../../electron/core/cases/list';
import { openRaw, toKysely } from '../../electron/core/db/open';
import type { Session } from '../../electron/core/handler';
import { caseListInput, caseSortFields, type CaseListInput } from '../../shared/cases/contract';
import { generateOffice, seedPasswords } from '../../scripts/generator';
import { sessionOf } from '../fixtures/session';
import { mainChunk } from './chunks';
import { interleavedGrowth, openOffice, searchQueries } from './interleave';
import { loadNow, printGoals, printGrowth, type Figure, type Run } from './goals';
import { benchExport, benchReports } from './reports';
import { searchTerms, type TermKind } from './terms';
import { benchServices } from './services';
import { benchTransfer } from './transfer';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    dir: { type: 'string' },
    iterations: { type: 'string', default: '60' },
    out: { type: 'string', default: 'bench-results.json' },
    report: { type: 'boolean', default: false },
    // The office the list queries' growth is measured against, interleaved (default: the 10 000-case
    // seed, when it exists and this run is larger).
    against: { type: 'string' },
  },
});
const outFile = path.resolve(values.out);
type Results = { runs: Record<string, Run> };
const readResults = (): Results => (fs.existsSync(outFile) ? (JSON.parse(fs.readFileSync(outFile, 'utf8')) as Results) : { runs: {} });
/** The run to measure growth from: the largest one with fewer cases (10k for a 100k run). */
const smallerRun = (results: Results, cases: number) => {
  const counts = Object.keys(results.runs).map(Number).filter((n) => n < cases).sort((a, b) => b - a);
  return counts.length > 0 ? results.runs[String(counts[0])] : undefined;
};
if (values.report) {
  const results = readResults();
  for (const n of Object.keys(results.runs).map(Number).sort((a, b) => a - b)) printGoals(results.runs[String(n)], n, smallerRun(results, n));
  process.exit(0);
}
const loadAtStart = loadNow();
const caseCount = Number(values.cases);
const iterations = Number(values.iterations);
const seeded = path.resolve('.homeward-data', `seed-${caseCount}`);
const dir = path.resolve(values.dir ?? (fs.existsSync(path.join(seeded, 'homeward.keys.json')) ? seeded : path.join('.homeward-data', `bench-${caseCount}`)));

const figures: Figure[] = [];
const notes: [string, string][] = [];

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}
const f1 = (n: number | null) => (n === null ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

/** Runs `work(i)` once cold (if asked) and for each warm i, and records the figure. */
async function measure(name: string, count: number, work: (i: number) => Promise<unknown>, options: { cold?: boolean; goal?: string; note?: string } = {}) {
  let cold: number | null = null;
  if (options.cold !== false) cold = (await time(() => work(-1)))[0];
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) samples.push((await time(() => work(i)))[0]);
  const s = stats(samples);
  const figure = { path: name, cold, ...s, n: samples.length, goal: options.goal, note: options.note };
  figures.push(figure);
  console.log(`${name}: cold ${f1(cold)} ms, p50 ${f1(s.p50)}, p95 ${f1(s.p95)}, max ${f1(s.max)} ms (n=${samples.length})${options.note ? ` — ${options.note}` : ''}`);
  return figure;
}

if (!fs.existsSync(path.join(dir, 'homeward.keys.json'))) {
  console.log(`generating ${caseCount.toLocaleString('en')} cases into ${dir} …`);
  const generated = await generateOffice({ dir, cases: caseCount, seed: 42 });
  generated.core.close();
  notes.push([`seeding ${caseCount.toLocaleString('en')} cases`, `${generated.seconds.toFixed(0)} s`]);
}

const core = createCore({ dataDir: dir });
const supervisor = createInProcessClient(core);
const [unlockMs] = await time(() => supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff }));
notes.push(['unlock (Argon2id) + open database (+ migrations on first open)', `${unlockMs.toFixed(0)} ms`]);
// The case list's pages are read into the page cache after unlock, in the background (cases/warm.ts):
// the figures below come after it, as a user's first search comes after the screen has loaded.
const warm = await core.store.warming;
notes.push(['case list warmed into the page cache after unlock (background, in slices)', warm ? `${warm.ms.toFixed(0)} ms, ${warm.slices} slices` : 'not run']);
const encrypted = core.store.get();
const now = new Date();
const supervisorSession = await sessionOf(supervisor, 'supervisor1', 'supervisor');

// The case worker with the most open cases, for My work and the duplicate check.
const busiest = encrypted.raw
  .prepare(`SELECT u.username AS username, count(*) AS n FROM cases c JOIN users u ON u.id = c.worker_id WHERE c.status = 'open' GROUP BY u.id ORDER BY n DESC LIMIT 1`)
  .get() as { username: string; n: number };
const worker = createInProcessClient(core);
await worker.ok('session.login', { username: busiest.username, password: seedPasswords.staff });

const stageSets = [['tracing_assessment'], ['preparation', 'reunification'], ['follow_up'], ['tracing_assessment', 'preparation']] as const;
const area = (encrypted.raw.prepare(`SELECT area FROM cases WHERE area != '' GROUP BY area ORDER BY count(*) DESC LIMIT 1`).get() as { area: string }).area;
const filterSets: CaseListInput[] = [
  {},
  { stages: [...stageSets[0]], riskLevels: ['high'] },
  { stages: [...stageSets[1]] },
  { status: 'open', priority: 'urgent' },
  { riskLevels: ['medium', 'high'], overdue: true },
  { area },
  { area, riskLevels: ['high'] },
  { stages: [...stageSets[2]], priority: 'high' },
  { status: 'halted' },
  { overdue: true },
  { stages: [...stageSets[3]], riskLevels: ['low'], priority: 'normal' },
];
const sorts = caseSortFields.filter((s) => s !== 'relevance').flatMap((by) => (['asc', 'desc'] as const).map((dir) => ({ by, dir })));
const browse: CaseListInput[] = filterSets.flatMap((f) => sorts.map((sort) => ({ ...f, sort })));
const list = (db: typeof encrypted.db, input: CaseListInput, session: Session = supervisorSession) =>
  listCases(db, caseListInput.parse({ limit: 50, ...input }), session, now);

console.log(`\n${caseCount.toLocaleString('en')} cases; busiest worker ${busiest.username} with ${busiest.n} open cases\n`);

// --- The case list ---------------------------------------------------------------------------
await measure('list: two filters, no search, first page (channel, with its audit entry)', iterations, (i) =>
  supervisor.ok('cases.list', { stages: [...stageSets[(i + 4) % 4]], riskLevels: i % 2 ? ['high'] : ['medium', 'high'], limit: 50 }),
  { goal: '≤ 50' },
);
await measure(`list: ${filterSets.length} filter sets × ${sorts.length} sorts, first page with total`, browse.length, (i) => list(encrypted.db, browse[Math.max(0, i)]), { goal: '≤ 50' });
// The same as the busiest case worker: their caseload only (the list a case worker sees).
const workerSession = await sessionOf(worker, busiest.username, 'caseworker');
await measure(`list: a case worker's caseload, ${filterSets.length} filter sets × ${sorts.length} sorts, first page with total`, browse.length, (i) =>
  list(encrypted.db, browse[Math.max(0, i)], workerSession), { goal: '≤ 50' });

// Deep pages: walk by cursor to row 5 000 (not timed), then time the next page.
const deepStarts: { input: CaseListInput; cursor: string }[] = [];
for (const input of browse.filter((_, i) => i % 7 === 0)) {
  let page = await list(encrypted.db, { ...input, limit: 200 });
  let depth = page.rows.length;
  while (page.nextCursor && depth < 5000) {
    page = await list(encrypted.db, { ...input, cursor: page.nextCursor, limit: 200 });
    depth += page.rows.length;
  }
  if (page.nextCursor && depth >= 5000) deepStarts.push({ input, cursor: page.nextCursor });
}
if (deepStarts.length > 0) {
  await measure('list: page at row 5 000 (cursor)', deepStarts.length * 3, (i) => {
    const start = deepStarts[Math.max(0, i) % deepStarts.length];
    return list(encrypted.db, { ...start.input, cursor: start.cursor });
  }, { goal: '≤ 50', note: `${deepStarts.length} filter/sort pairs deep enough` });
}
// The last page: the cursor of the row before the last 50, found by reading the reverse order.
const lastStarts: { input: CaseListInput; cursor: string }[] = [];
for (const input of browse.filter((_, i) => i % 5 === 0)) {
  const first = await list(encrypted.db, { ...input, limit: 50 });
  if (!first.nextCursor || (first.total ?? 0) <= 2000) continue; // Small sets are ordered in memory: no index walk to measure.
  const parsed = caseListInput.parse({ ...input, limit: 50 });
  const reversed = await list(encrypted.db, { ...input, sort: { by: parsed.sort.by, dir: parsed.sort.dir === 'asc' ? 'desc' : 'asc' }, limit: 51 });
  const before = reversed.rows[50];
  // Sorts with an empty-last segment are not mirror images: skip them for this figure.
  if (before && !['reviewDue', 'age'].includes(parsed.sort.by)) lastStarts.push({ input, cursor: cursorAt(before, parsed, supervisorSession) });
}
if (lastStarts.length > 0) {
  await measure('list: last page (cursor)', lastStarts.length * 3, (i) => {
    const start = lastStarts[Math.max(0, i) % lastStarts.length];
    return list(encrypted.db, { ...start.input, cursor: start.cursor });
  }, { goal: '≤ 50', note: `${lastStarts.length} filter/sort pairs` });
}

// Searches: every term once, by kind; hits counted.
const terms = searchTerms();
const byKind = new Map<TermKind, string[]>();
for (const term of terms) byKind.set(term.kind, [...(byKind.get(term.kind) ?? []), term.text]);
for (const [kind, texts] of byKind) {
  let found = 0;
  await measure(`list: search "${kind}" terms, first page, best match first`, texts.length, async (i) => {
    const page = await list(encrypted.db, { search: texts[Math.max(0, i)], sort: { by: 'relevance', dir: 'desc' } });
    if (i >= 0 && page.rows.length > 0) found += 1;
  }, { goal: '≤ 20' });
  const figure = figures[figures.length - 1];
  figure.note = `${texts.length} terms; ${found} of them found something`;
  console.log(`  ${figure.note}`);
}
await measure('list: search + 2 filters + sort, first page', 120, (i) => {
  const t = terms[Math.max(0, i) % terms.length].text;
  return list(encrypted.db, { search: t, stages: [...stageSets[(i + 4) % 4]], riskLevels: ['medium', 'high'], sort: { by: i % 2 ? 'name' : 'updatedAt', dir: 'desc' } });
}, { goal: '≤ 20' });
console.log(`search terms: ${terms.length} (${[...byKind].map(([k, v]) => `${v.length} ${k}`).join(', ')})`);

// Scrolling to row 10 000 as the app does: a first page of 50, then pages of 200 by cursor.
await measure('list: scroll to row 10 000 (channel: 1 + 50 pages)', 3, async (i) => {
  const sort = sorts[(i + 3) % sorts.length];
  let page = await supervisor.ok('cases.list', { sort, limit: 50 });
  let rows = page.rows.length;
  while (page.nextCursor && rows < 10_000) {
    page = await supervisor.ok('cases.list', { sort, cursor: page.nextCursor, limit: 200 });
    rows += page.rows.length;
  }
}, { goal: '≤ 5 000', note: 'in the core, without the browser' });

// --- My work and the duplicate check ---------------------------------------------------------
await measure(`My work: case worker with ${busiest.n} open cases`, iterations, () => worker.ok('cases.myWork', {}), { goal: '≤ 50' });
await measure('My work: supervisor', iterations, () => supervisor.ok('cases.myWork', {}), { goal: '≤ 50' });
const dupTerms = terms.filter((t) => t.kind !== 'nomatch' && t.kind !== 'prefix');
await measure('duplicate check at registration', Math.min(dupTerms.length, iterations * 2), (i) => {
  const t = dupTerms[Math.max(0, i) % dupTerms.length].text;
  const other = dupTerms[(Math.max(0, i) * 7 + 3) % dupTerms.length].text;
  return worker.ok('cases.checkDuplicates', { givenName: t, familyName: other, sex: i % 2 ? 'female' : 'male', estimatedAgeYears: 6 + (i % 10) });
}, { goal: '≤ 30' });

// --- The M&E dashboard (reports) ------------------------------------------------------------
await benchReports(supervisor, measure, iterations, now);
for (const sealed of [false, true]) {
  const e = await benchExport(supervisor, sealed, now);
  const label = `de-identified export of ${e.rows.toLocaleString('en')} cases${sealed ? ', sealed (age scrypt)' : ''}`;
  figures.push({ path: label, cold: e.seconds * 1000, p50: e.seconds * 1000, p95: e.seconds * 1000, max: e.seconds * 1000, n: 1, goal: '≤ 30 000', note: `${(e.bytes / 1048576).toFixed(1)} MiB; peak RSS ${e.peakRssMiB.toFixed(0)} MiB (from ${e.startRssMiB.toFixed(0)})` });
  console.log(`${label}: ${e.seconds.toFixed(1)} s, ${(e.bytes / 1048576).toFixed(1)} MiB, peak RSS ${e.peakRssMiB.toFixed(0)} MiB (from ${e.startRssMiB.toFixed(0)} MiB)`);
}

// --- Opening a case file ----------------------------------------------------------------------
const fileIds = (encrypted.raw.prepare(`SELECT id FROM cases WHERE stage = 'follow_up' ORDER BY seq LIMIT 40`).all() as { id: string }[]).map((r) => r.id);
await measure('open a case file (header, gates, what\'s next, timeline)', fileIds.length - 1, async (i) => {
  const id = fileIds[i + 1];
  await supervisor.ok('cases.get', { caseId: id });
  await supervisor.ok('cases.timeline', { caseId: id, limit: 100 });
});

// --- Audit ------------------------------------------------------------------------------------
const admin = createInProcessClient(core);
await admin.ok('session.login', { username: 'admin', password: seedPasswords.admin });
const entries = (encrypted.raw.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
{
  // The full check in its worker thread, while list queries keep running on the main thread.
  const start = performance.now();
  let progress = await admin.ok('audit.verifyFull', { start: true });
  const during: number[] = [];
  let i = 0;
  let chainMs: number | null = null;
  while (progress.state === 'running') {
    during.push((await time(() => list(encrypted.db, browse[i++ % browse.length])))[0]);
    // better-sqlite3 is synchronous: without a turn of the event loop the worker's progress
    // messages are never delivered and this loop never ends (the app's calls each yield).
    await new Promise((resolve) => setImmediate(resolve));
    progress = await admin.ok('audit.verifyFull', {});
    if (chainMs === null && progress.phase === 'records') chainMs = performance.now() - start;
  }
  const fullMs = performance.now() - start;
  chainMs ??= fullMs;
  // The issue's goal is the chain: ≤ 3 s per million entries. The case data (every audited case's
  // rows hashed and compared with its last audited state) comes after it, measured apart.
  const perMillion = (chainMs * 1_000_000) / entries;
  const fig = (path: string, ms: number, goal: string | undefined, note: string) => figures.push({ path, cold: ms, p50: ms, p95: ms, max: ms, n: 1, goal, note });
  fig(`audit: full check while the app answers, chain per 1 000 000 entries (worker threads, ${entries.toLocaleString('en')} entries in ${(chainMs / 1000).toFixed(1)} s)`, perMillion, '≤ 3 000', `${progress.state}, intact: ${progress.result?.intact}`);
  fig(`audit: full check while the app answers, case data after the chain (${progress.records?.checked.toLocaleString('en') ?? 0} audited cases hashed)`, fullMs - chainMs, undefined, `changed: ${progress.records?.changedCount ?? '?'}`);
  fig(`audit: full check while the app answers, whole (chain and case data)`, fullMs, undefined, `${progress.state}`);
  console.log(`audit full check: chain ${chainMs.toFixed(0)} ms (${perMillion.toFixed(0)} ms per million), whole ${fullMs.toFixed(0)} ms (${progress.state}, intact ${progress.result?.intact}, ${progress.records?.checked ?? 0} cases)`);
  const s = stats(during);
  figures.push({ path: 'list queries while the full audit check runs', cold: null, ...s, n: during.length, goal: '≤ 50', note: 'the app is not blocked' });
  console.log(`list queries during the check: p50 ${f1(s.p50)}, p95 ${f1(s.p95)} ms (n=${during.length})`);
}
{
  // The same check again with the app idle (nothing else asking for a core): what the check itself
  // costs, against the issue's goal; the figure above is the check while the app answers non-stop.
  const start = performance.now();
  let progress = await admin.ok('audit.verifyFull', { start: true });
  let chainMs: number | null = null;
  while (progress.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    progress = await admin.ok('audit.verifyFull', {});
    if (chainMs === null && progress.phase === 'records') chainMs = performance.now() - start;
  }
  const fullMs = performance.now() - start;
  chainMs ??= fullMs;
  const perMillion = (chainMs * 1_000_000) / entries;
  figures.push({ path: `audit: full check alone, chain per 1 000 000 entries (${entries.toLocaleString('en')} entries in ${(chainMs / 1000).toFixed(1)} s; whole check ${(fullMs / 1000).toFixed(1)} s)`, cold: perMillion, p50: perMillion, p95: perMillion, max: perMillion, n: 1, goal: '≤ 3 000', note: `${progress.state}, intact: ${progress.result?.intact}` });
  console.log(`audit full check alone: chain ${chainMs.toFixed(0)} ms (${perMillion.toFixed(0)} ms per million), whole ${fullMs.toFixed(0)} ms`);
}
await measure('audit: incremental check (a list view since the last)', 20, async () => {
  await supervisor.ok('cases.list', { limit: 50 });
  return admin.ok('audit.verify', {});
}, { note: 'includes one list call' });

// --- Encrypted vs plain, interleaved query by query ---------------------------------------------
let ratio: Run['ratio'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-'));
const cleanUp = () => fs.rmSync(tmp, { recursive: true, force: true });
process.once('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
try {
  const plainFile = path.join(tmp, 'plain.db');
  encrypted.raw.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(path.join(dir, 'homeward.db'), plainFile);
  const copy = openRaw({ file: plainFile, key: encrypted.dataKey });
  copy.pragma('journal_mode = DELETE');
  copy.pragma(`rekey=''`); // Rekeying to an empty key removes SQLCipher's encryption.
  copy.close();
  const header = Buffer.alloc(16);
  const fd = fs.openSync(plainFile, 'r');
  fs.readSync(fd, header, 0, 16, 0);
  fs.closeSync(fd);
  if (!header.toString('latin1').startsWith('SQLite format 3')) throw new Error('the copy is still encrypted');
  const plainRaw = openRaw({ file: plainFile, key: null });
  const plain = toKysely(plainRaw);
  const queries: CaseListInput[] = [...browse, ...terms.map((t) => ({ search: t.text, sort: { by: 'relevance' as const, dir: 'desc' as const } }))];
  await list(plain, queries[0]);
  const enc: number[] = [];
  const pla: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < queries.length; i += 1) {
    // Alternate which goes first, so neither always meets the other's warmed caches.
    const a = i % 2 === 0;
    const first = (await time(() => list(a ? encrypted.db : plain, queries[i])))[0];
    const second = (await time(() => list(a ? plain : encrypted.db, queries[i])))[0];
    const e = a ? first : second;
    const p = a ? second : first;
    enc.push(e);
    pla.push(p);
    ratios.push(e / Math.max(p, 0.01));
  }
  const se = stats(enc);
  const sp = stats(pla);
  const paired = stats(ratios).p50;
  figures.push({ path: 'list (browse + search), encrypted, interleaved', cold: null, ...se, n: enc.length });
  figures.push({ path: 'list (browse + search), plain copy, interleaved', cold: null, ...sp, n: pla.length });
  ratio = { paired, p95: se.p95 / sp.p95 };
  notes.push(['encrypted / plain: paired median ratio, p95 ratio', `${paired.toFixed(2)}, ${ratio.p95.toFixed(2)} (goal ≤ 1.3)`]);
  console.log(`encrypted / plain, interleaved over ${enc.length} queries: paired median ratio ${paired.toFixed(2)}, p95 ${f1(se.p95)} / ${f1(sp.p95)} ms = ${ratio.p95.toFixed(2)} (goal ≤ 1.3)`);
  plainRaw.close();
} finally {
  cleanUp();
}

// --- Growth of the list queries, interleaved with a smaller office ------------------------------
// The growth between two runs minutes apart moves with the machine (up to 1.8× for the same code,
// README); each query is run on both offices one after the other instead.
let interleaved: Run['interleaved'];
const againstDir = values.against ?? path.join('.homeward-data', 'seed-10000');
if ((values.against || caseCount > 10_000) && fs.existsSync(path.join(againstDir, 'homeward.db'))) {
  const small = await openOffice(againstDir);
  const large = { core, db: encrypted.db, session: supervisorSession, cases: caseCount, warmMs: warm?.ms ?? null };
  const queries = [...browse.map((input) => ({ figure: `list: ${filterSets.length} filter sets × ${sorts.length} sorts, first page with total`, input })), ...searchQueries()];
  const growth = await interleavedGrowth(small, large, queries, 2);
  small.core.close();
  interleaved = { against: small.cases, figures: growth };
  console.log(`
growth ${small.cases.toLocaleString('en')} → ${caseCount.toLocaleString('en')} cases, interleaved (2 rounds after the first calls):`);
  printGrowth(growth);
}

// --- Sizes -------------------------------------------------------------------------------------
notes.push(['cases in the database', (encrypted.raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n.toLocaleString('en')]);
notes.push(['audit entries', entries.toLocaleString('en')]);
notes.push(['database file size', `${(fs.statSync(path.join(dir, 'homeward.db')).size / 1024 / 1024).toFixed(0)} MiB`]);
const chunk = mainChunk();
const mainChunkKB = chunk?.kb;
if (chunk) notes.push(['renderer main chunk (minified, from out/)', `${chunk.kb.toFixed(0)} KB (${chunk.file})`]);
admin.close();
worker.close();
supervisor.close();
core.close();

// --- Service directory and coverage gaps (an office of their own, built in a temp folder) -----
figures.push(...(await benchServices(caseCount, Math.min(iterations, 40))));

// --- Transfer files beside the age command (50 MB, interleaved rounds) -------------------------
const transferRun = await benchTransfer();
if (transferRun) figures.push(...transferRun.figures);

// --- Report --------------------------------------------------------------------------------------
console.log(`\n| path (${caseCount.toLocaleString('en')} cases, ms) | cold | p50 | p95 | max | goal | n | note |\n|---|---|---|---|---|---|---|---|`);
for (const f of figures) console.log(`| ${f.path} | ${f1(f.cold)} | ${f1(f.p50)} | ${f1(f.p95)} | ${f1(f.max)} | ${f.goal ?? ''} | ${f.n} | ${f.note ?? ''} |`);
console.log('\n| figure | value |\n|---|---|');
for (const [name, value] of notes) console.log(`| ${name} | ${value} |`);

const results = readResults();
const loadAtEnd = loadNow();
const run: Run = {
  date: now.toISOString(),
  machine: `${os.cpus().length} cores, load ${loadAtStart[0]} at the start, ${loadAtEnd[0]} at the end`,
  load: { start: loadAtStart, end: loadAtEnd, cores: os.cpus().length },
  figures,
  notes,
  ratio,
  mainChunkKB,
  transfer: transferRun?.transfer,
  interleaved,
};
results.runs[String(caseCount)] = run;
fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
printGoals(run, caseCount, smallerRun(results, caseCount));
console.log(`\nwritten to ${outFile}; \`npm run bench -- --report\` prints the goals of every run in it again`);
