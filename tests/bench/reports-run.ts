// npm run bench:reports [-- --dir PATH --iterations 30 --only all|profile|dashboard|export --runs 3]: the M&E dashboard and the exports alone,
// on an office seeded by `npm run seed` (the full `npm run bench` runs the same figures).
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { seedPasswords } from '../../scripts/generator';
import { benchExport, benchReports, profileIndicators } from './reports';

const { values } = parseArgs({
  options: { dir: { type: 'string', default: '.homeward-data/seed-100000' }, iterations: { type: 'string', default: '30' }, only: { type: 'string', default: 'all' }, runs: { type: 'string', default: '3' } },
});
const core = createCore({ dataDir: path.resolve(values.dir) });
const supervisor = createInProcessClient(core);
await supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
const f1 = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
async function measure(name: string, count: number, work: (i: number) => Promise<unknown>, options: { goal?: string } = {}) {
  const t0 = performance.now();
  await work(-1);
  const cold = performance.now() - t0;
  const samples: number[] = [];
  // CPU time of this process per call: the figure a busy machine does not inflate as it does the clock's.
  const cpu: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const s = performance.now();
    const c = process.cpuUsage();
    await work(i);
    const used = process.cpuUsage(c);
    samples.push(performance.now() - s);
    cpu.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  console.log(
    `${name}: cold ${f1(cold)} ms, p50 ${f1(at(samples, 0.5))}, p95 ${f1(at(samples, 0.95))}, max ${f1(samples[samples.length - 1])} ms; CPU p50 ${f1(at(cpu, 0.5))}, p95 ${f1(at(cpu, 0.95))} ms (n=${count}, load ${os.loadavg()[0].toFixed(1)}) ${options.goal ?? ''}`,
  );
}
if (values.only === 'all' || values.only === 'profile') {
  console.log(`Each indicator alone (median of ${values.runs} quarters), slowest first: total ms / mean ms per split`);
  for (const r of await profileIndicators(core.store.get().db, Number(values.runs))) console.log(`  ${r.id}: ${f1(r.ms)} / ${f1(r.splitMs)}`);
}
if (values.only === 'all' || values.only === 'dashboard') await benchReports(supervisor, measure, Number(values.iterations));
for (const sealed of values.only === 'all' || values.only === 'export' ? [false, true] : []) {
  const e = await benchExport(supervisor, sealed);
  console.log(`de-identified export of ${e.rows} cases${sealed ? ', sealed' : ''}: ${e.seconds.toFixed(1)} s (goal ≤ 30), ${(e.bytes / 1048576).toFixed(1)} MiB, peak RSS ${e.peakRssMiB.toFixed(0)} MiB (from ${e.startRssMiB.toFixed(0)} MiB)`);
}
supervisor.close();
core.close();
