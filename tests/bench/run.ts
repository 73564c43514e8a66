// npm run bench [-- --cases 100000 --dir PATH --iterations 200]
// Prints figures, asserts nothing: the case-list query (search + 2 filters + sort, first page of
// 50) in the core and through the channel, the same query on an unencrypted copy and the ratio,
// opening a full case file, unlocking (the KDF), and seeding time when the office is new.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInProcessClient, type InProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { listCases } from '../../electron/core/cases/list';
import { openRaw, toKysely } from '../../electron/core/db/open';
import type { Session } from '../../electron/core/handler';
import { caseListInput } from '../../shared/cases/contract';
import { channelNames, type ChannelName } from '../../shared/contract';
import { generateOffice, seedPasswords } from '../../scripts/generator';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    dir: { type: 'string' },
    iterations: { type: 'string', default: '200' },
  },
});
const caseCount = Number(values.cases);
const iterations = Number(values.iterations);
const dir = path.resolve(values.dir ?? path.join('.homeward-data', `bench-${caseCount}`));

const figures: [string, string][] = [];
const report = (name: string, value: string) => {
  figures.push([name, value]);
  console.log(`${name}: ${value}`);
};

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

if (!fs.existsSync(path.join(dir, 'homeward.keys.json'))) {
  console.log(`generating ${caseCount.toLocaleString('en')} cases into ${dir} …`);
  const generated = await generateOffice({ dir, cases: caseCount, seed: 42 });
  generated.core.close();
  report(`seeding ${caseCount.toLocaleString('en')} cases`, `${generated.seconds.toFixed(1)} s`);
}

const core = createCore({ dataDir: dir });
const supervisor = createInProcessClient(core);
const [unlockMs] = await time(() => supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff }));
report('unlock (Argon2id 128 MiB, t=10) + open database', ms(unlockMs));

const searches = ['mar', 'moha', 'garc', 'okel', 'fatou', 'ana', 'nhan', 'جو', 'jose', 'amel', 'sofi', 'gon'];
const stageSets = [['tracing_assessment', 'preparation'], ['reunification'], ['follow_up', 'reunification']] as const;
const query = (i: number) =>
  caseListInput.parse({
    search: searches[i % searches.length],
    stages: [...stageSets[i % stageSets.length]],
    riskLevels: i % 2 ? ['high'] : ['medium', 'high'],
    sort: { by: i % 3 === 0 ? 'name' : 'updatedAt', dir: i % 2 ? 'asc' : 'desc' },
    limit: 50,
  });

const status = await supervisor.ok('session.status', {});
const session: Session = {
  userId: status.session!.userId,
  username: 'supervisor1',
  displayName: status.session!.displayName,
  role: 'supervisor',
  language: 'en',
  locked: false,
  mustChangePassword: false,
  startedAt: Date.now(),
  lastActivityAt: Date.now(),
};
const encrypted = core.store.get();
const now = new Date();

async function measureList(db: typeof encrypted.db, label: string) {
  for (let i = 0; i < 20; i += 1) await listCases(db, query(i), session, now);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < iterations; i += 1) {
    const [t, result] = await time(() => listCases(db, query(i), session, now));
    samples.push(t);
    rows += result.rows.length;
  }
  const s = stats(samples);
  report(`${label} case list (search + 2 filters + sort, 50 rows)`, `median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)} (avg ${(rows / iterations).toFixed(0)} rows)`);
  return s;
}

const enc = await measureList(encrypted.db, 'encrypted, core');

// The same call through the channel: validation, scope, audit entry (an fsync'd write) included.
{
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const input = query(i);
    const [t] = await time(() => supervisor.ok('cases.list', input));
    samples.push(t);
  }
  const s = stats(samples);
  report('encrypted, through the channel (incl. audit write)', `median ${ms(s.median)}, p95 ${ms(s.p95)}`);
}

// An unencrypted copy of the same database, for the cost of encryption.
const plainFile = path.join(dir, 'bench-plain.db');
fs.rmSync(plainFile, { force: true });
encrypted.raw.pragma('wal_checkpoint(TRUNCATE)');
fs.copyFileSync(path.join(dir, 'homeward.db'), plainFile);
{
  // Decrypt the copy in place: rekeying to an empty key removes SQLCipher's encryption.
  const copy = openRaw({ file: plainFile, key: encrypted.dataKey });
  copy.pragma('journal_mode = DELETE');
  copy.pragma(`rekey=''`);
  copy.close();
}
const plainRaw = openRaw({ file: plainFile, key: null });
if (fs.readFileSync(plainFile).subarray(0, 15).toString() !== 'SQLite format 3') throw new Error('the copy is still encrypted');
const plain = await measureList(toKysely(plainRaw), 'unencrypted copy, core');
report('encrypted / unencrypted (p95)', `${(enc.p95 / plain.p95).toFixed(2)} (median ${(enc.median / plain.median).toFixed(2)})`);
plainRaw.close();
fs.rmSync(plainFile, { force: true });

// Opening a case file as the app does: the header with its gates and "what's next", and the
// timeline. Then every tab's read as well (the app loads a tab when it is opened). Each read is an
// audited view: one fsync'd write each.
const tabReads = channelNames.filter((n) =>
  /^(family|consents|notes|tracing|assessments|safety|bid|plans|preparation|contacts|reunification)\.(list|get)$/.test(n),
);
async function openCaseFile(client: InProcessClient, caseId: string) {
  await client.ok('cases.get', { caseId });
  await client.ok('cases.timeline', { caseId, limit: 100 });
}
async function readEveryTab(client: InProcessClient, caseId: string) {
  for (const name of tabReads) {
    const result = await client.call(name as ChannelName, { caseId } as never);
    // `*.get` channels keyed by a record id answer VALIDATION to a bare caseId: skip them.
    if (!result.ok && result.error.code !== 'VALIDATION') throw new Error(`${name}: ${result.error.code}`);
  }
}
{
  const ids = encrypted.raw
    .prepare(`SELECT id FROM cases WHERE stage = 'follow_up' ORDER BY seq LIMIT 60`)
    .all()
    .map((r) => (r as { id: string }).id);
  for (const id of ids.slice(0, 10)) await openCaseFile(supervisor, id);
  const header: number[] = [];
  const tabs: number[] = [];
  for (const id of ids.slice(10)) {
    header.push((await time(() => openCaseFile(supervisor, id)))[0]);
    tabs.push((await time(() => readEveryTab(supervisor, id)))[0]);
  }
  const h = stats(header);
  const t = stats(tabs);
  report('open a case file (header, gates, what\'s next, timeline)', `median ${ms(h.median)}, p95 ${ms(h.p95)}`);
  report(`read every tab of a case (${tabReads.length} channels, each an audited view)`, `median ${ms(t.median)}, p95 ${ms(t.p95)}`);
}

const count = encrypted.raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
report('cases in the database', count.n.toLocaleString('en'));
report('database file size', `${(fs.statSync(path.join(dir, 'homeward.db')).size / 1024 / 1024).toFixed(0)} MiB`);
supervisor.close();
core.close();

console.log('\n| figure | value |\n|---|---|');
for (const [name, value] of figures) console.log(`| ${name} | ${value} |`);
