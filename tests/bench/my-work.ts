// npm run bench:mywork -- --dir .homeward-data/seed-100000 [--calls 200] [--who worker|supervisor]
//
// My work alone (issue 9), on an office already seeded (it is opened in place: each call writes
// its audit entry, as in the app): the case worker with the most open cases, or supervisor1.
// Prints wall time and — the figure that does not depend on what else runs on the machine — CPU
// time per call (process.cpuUsage, this process only), the garbage collector's pauses that fell
// inside the calls, and the load average. `npm run bench` measures My work too, among the list
// queries; this one is the quick check of a change to My work.
import os from 'node:os';
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { seedPasswords } from '../../scripts/generator';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, calls: { type: 'string', default: '200' }, who: { type: 'string', default: 'worker' } },
});
if (!values.dir) throw new Error('--dir: a seeded office (npm run seed, or the folder `npm run bench` generated)');
const calls = Number(values.calls);

const core = createCore({ dataDir: values.dir });
const supervisor = createInProcessClient(core);
await supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
const busiest = core.store
  .get()
  .raw.prepare(`SELECT u.username AS username, count(*) AS n FROM cases c JOIN users u ON u.id = c.worker_id WHERE c.status = 'open' GROUP BY u.id ORDER BY n DESC LIMIT 1`)
  .get() as { username: string; n: number };
const worker = createInProcessClient(core);
await worker.ok('session.login', { username: busiest.username, password: seedPasswords.staff });
const client = values.who === 'supervisor' ? supervisor : worker;

const gcs: PerformanceEntry[] = [];
const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries()));
observer.observe({ entryTypes: ['gc'] });
// The event loop turns between calls (as between IPC messages in the app), so GC entries arrive.
const turn = () => new Promise((resolve) => setImmediate(resolve));

const cold = performance.now();
await client.ok('cases.myWork', {});
const coldMs = performance.now() - cold;
for (let i = 0; i < 20; i += 1) await client.ok('cases.myWork', {});
await turn();
gcs.length = 0;

const load = os.loadavg()[0];
const runs: { start: number; wall: number; cpu: number }[] = [];
for (let i = 0; i < calls; i += 1) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await client.ok('cases.myWork', {});
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  runs.push({ start, wall, cpu: (used.user + used.system) / 1000 });
  await turn();
}
observer.disconnect();
core.close();

const gcIn = (r: (typeof runs)[number]) => gcs.filter((g) => g.startTime >= r.start && g.startTime < r.start + r.wall).reduce((sum, g) => sum + g.duration, 0);
const at = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))];
const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
const line = (list: number[]) => `p50 ${at(list, 0.5).toFixed(1)} / p95 ${at(list, 0.95).toFixed(1)} / max ${Math.max(...list).toFixed(1)} / mean ${mean(list).toFixed(1)} ms`;
const who = values.who === 'supervisor' ? 'supervisor1' : `case worker ${busiest.username} with ${busiest.n} open cases`;
console.log(`My work, ${who}: ${calls} calls (first call ${coldMs.toFixed(0)} ms)`);
console.log(`  wall: ${line(runs.map((r) => r.wall))}`);
console.log(`  CPU:  ${line(runs.map((r) => r.cpu))}`);
const slowest = [...runs].sort((a, b) => b.wall - a.wall).slice(0, Math.ceil(calls / 20));
console.log(`  GC inside the calls: ${mean(runs.map(gcIn)).toFixed(2)} ms per call; in the slowest 5 %: ${slowest.map((r) => `${r.wall.toFixed(0)} ms (CPU ${r.cpu.toFixed(0)}, GC ${gcIn(r).toFixed(1)})`).join(', ')}`);
console.log(`  load average ${load.toFixed(2)} → ${os.loadavg()[0].toFixed(2)} (2 cores)`);
