// npm run bench:growth [-- --small .homeward-data/seed-10000 --large .homeward-data/seed-100000 --rounds 3]
//
// The growth 10 000 -> 100 000 cases of every search of the case list (issue 9: at most 2×), with
// both offices open in one process and the calls interleaved — the same query on the small office
// and then on the large one, term by term — so that a machine that is slower in one minute than in
// the next (this shared one is: the same code measured 1.2 and 1.7 ms an hour apart) cannot make a
// ratio. Each query's first call after the offices opened (the warming round) is reported apart:
// `npm run bench` runs each term once. `npm run bench` gives the growth from two runs minutes apart; this one is the check of a
// change to the search. Prints, per kind of term, both offices' median and p95 and their ratios,
// wall time and CPU time of this process (process.cpuUsage) per call. Asserts nothing.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { listCases } from '../../electron/core/cases/list';
import { sessionOf } from '../fixtures/session';
import { caseListInput, type CaseListInput } from '../../shared/cases/contract';
import { seedPasswords } from '../../scripts/generator';
import { searchTerms, type TermKind } from './terms';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: path.join('.homeward-data', 'seed-10000') },
    large: { type: 'string', default: path.join('.homeward-data', 'seed-100000') },
    rounds: { type: 'string', default: '3' },
  },
});

async function open(dir: string) {
  const core = createCore({ dataDir: path.resolve(dir) });
  const client = createInProcessClient(core);
  await client.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
  const session = await sessionOf(client, 'supervisor1', 'supervisor');
  const cases = core.store.get().raw.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  return { core, session, cases, db: core.store.get().db };
}
const offices = [await open(values.small), await open(values.large)];
// The case list's pages are read into the page cache after unlock, in the background (cases/warm.ts);
// measured after it, as a user's first search comes after the screen has loaded.
for (const office of offices) {
  const warm = await office.core.store.warming;
  console.log(`${office.cases.toLocaleString('en')} cases: case list warmed after unlock in ${warm?.ms.toFixed(0)} ms (${warm?.slices} slices)`);
}
const now = new Date();
const stageSets = [['tracing_assessment'], ['preparation', 'reunification'], ['follow_up'], ['tracing_assessment', 'preparation']] as const;
const terms = searchTerms();

/** The queries, as `npm run bench` makes them: each kind of term alone by relevance, and with two filters and a sort. */
const queries: { figure: string; input: CaseListInput }[] = [
  ...terms.map((t) => ({ figure: `search "${t.kind}" terms, best match first`, input: { search: t.text, sort: { by: 'relevance', dir: 'desc' } } as CaseListInput })),
  ...terms.slice(0, 120).map((t, i) => ({
    figure: 'search + 2 filters + sort',
    input: { search: t.text, stages: [...stageSets[i % 4]], riskLevels: ['medium', 'high'], sort: { by: i % 2 ? 'name' : 'updatedAt', dir: 'desc' } } as CaseListInput,
  })),
];

type Sample = { wall: number; cpu: number };
const samples = new Map<string, Sample[][]>();
const rounds = Number(values.rounds);
for (let round = 0; round <= rounds; round += 1) {
  for (const { figure, input } of queries) {
    const parsed = caseListInput.parse({ limit: 50, ...input });
    const pair: Sample[] = [];
    for (const office of offices) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      await listCases(office.db, parsed, office.session, now);
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      pair.push({ wall, cpu: (used.user + used.system) / 1000 });
    }
    // Round 0 is each query's first call since the offices opened (their caches cold for it): it
    // warms them and is reported apart.
    const name = round === 0 ? `${figure}, first call` : figure;
    (samples.get(name) ?? samples.set(name, [[], []]).get(name)!).forEach((list, i) => list.push(pair[i]));
  }
}

const at = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))];
const f = (n: number) => n.toFixed(2);
console.log(`\n${offices[0].cases.toLocaleString('en')} → ${offices[1].cases.toLocaleString('en')} cases, ${rounds} rounds interleaved, load average ${os.loadavg()[0].toFixed(1)}\n`);
console.log('| list query | small p50 / p95 ms | large p50 / p95 ms | growth p50 / p95 (wall) | growth p50 (CPU) | goal |');
console.log('|---|---|---|---|---|---|');
const kinds: TermKind[] = ['name', 'misspelt', 'prefix', 'nomatch'];
const warm = [...kinds.map((k) => `search "${k}" terms, best match first`), 'search + 2 filters + sort'];
const order = [...warm, ...warm.map((figure) => `${figure}, first call`)];
for (const figure of order) {
  const [small, large] = samples.get(figure)!;
  const wall = [small, large].map((list) => list.map((s) => s.wall));
  const cpu = [small, large].map((list) => list.map((s) => s.cpu));
  const growth = at(wall[1], 0.5) / at(wall[0], 0.5);
  console.log(
    `| ${figure} | ${f(at(wall[0], 0.5))} / ${f(at(wall[0], 0.95))} | ${f(at(wall[1], 0.5))} / ${f(at(wall[1], 0.95))} | ×${growth.toFixed(1)} / ×${(at(wall[1], 0.95) / at(wall[0], 0.95)).toFixed(1)} | ×${(at(cpu[1], 0.5) / at(cpu[0], 0.5)).toFixed(1)} | ≤ 2× ${growth <= 2 ? 'PASS' : 'FAIL'} |`,
  );
}
for (const office of offices) office.core.close();
