// npm run bench:review [-- --cases 100000 --iterations 60] [-- --copy-of PATH]
// Supervision at office scale: the one approvals queue (what My work and the supervisor's page
// read), My work for a supervisor (its three channels: cases.myWork, tasks.due, followup.myWork),
// the caseload view per worker and picking a review session, on a generated office with thousands
// of decisions waiting (BIDs and plans from the generator, plus halts and closure recommendations
// added here). Prints cold / p50 / p95 / max and the load average beside each; asserts nothing.
// Goal (issue 10): the review queue and My work for a supervisor at 100 000 cases, p95 ≤ 50 ms.
// --copy-of PATH: measure a copy of an office already generated (e.g. .homeward-data/seed-100000):
// the copy is made afresh into .homeward-data/bench-review-copy and only the copy is opened —
// opening runs migrations and writes audit entries, and this bench adds halts and closures.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { generateOffice, seedPasswords } from '../../scripts/generator';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '100000' }, iterations: { type: 'string', default: '60' }, 'copy-of': { type: 'string' } },
});
const caseCount = Number(values.cases);
const iterations = Number(values.iterations);
const load = () => `load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} CPUs`;
let dir = path.resolve('.homeward-data', `bench-review-${caseCount}`);

if (values['copy-of']) {
  const source = path.resolve(values['copy-of']);
  if (!fs.existsSync(path.join(source, 'homeward.keys.json'))) throw new Error(`${source} holds no office`);
  dir = path.resolve('.homeward-data', 'bench-review-copy');
  if (dir === source) throw new Error('the copy would be the office itself');
  fs.rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  fs.cpSync(source, dir, { recursive: true, filter: (from) => !from.endsWith('.lock') && !/\.v\d+\..*\.bak$/u.test(from) });
  console.log(`copied ${source} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
} else if (!fs.existsSync(path.join(dir, 'homeward.keys.json'))) {
  fs.mkdirSync(dir, { recursive: true });
  const t = performance.now();
  await generateOffice({ dir, cases: caseCount, seed: 42 });
  console.log(`generated ${caseCount} cases in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
const core = createCore({ dataDir: dir });
const supervisor = createInProcessClient(core);
await supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
const raw = core.store.get().raw;
// Thousands waiting: every 40th open case halted unconfirmed, every 50th with a closure recommended.
const now = new Date().toISOString();
raw.exec(`UPDATE cases SET status = 'halted', halted_at = '${now}', halt_alternative = 'temporary_alternative_care', halt_confirmed_at = NULL WHERE status = 'open' AND seq % 40 = 0`);
const insert = raw.prepare(`INSERT OR IGNORE INTO case_closures (id, case_id, status, reason, observations_reviewed, progress_reviewed, providers_consulted, risks, child_views, family_views, stage_before, status_before, recommended_at)
  VALUES (?, ?, 'recommended', 'reintegrated', 1, 1, 'Teacher', '[]', 'x', 'y', 'follow_up', 'open', ?)`);
const open = raw.prepare(`SELECT id FROM cases WHERE status = 'open' AND seq % 50 = 1 AND id NOT IN (SELECT case_id FROM case_closures WHERE status = 'recommended')`).all() as { id: string }[];
raw.transaction(() => open.forEach((r, i) => insert.run(crypto.randomUUID(), r.id, new Date(Date.now() - i * 60_000).toISOString())))();
const waiting = (await supervisor.ok('approvals.pending', { kinds: undefined })).items.length;
const counts = raw.prepare(`SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM bids WHERE status = 'submitted') AS bids, (SELECT count(*) FROM case_closures WHERE status = 'recommended') AS closures, (SELECT count(*) FROM cases WHERE status = 'halted' AND halt_confirmed_at IS NULL) AS halts`).get();
console.log('office', counts, `queue page: ${waiting} items`);

async function measure(label: string, work: () => Promise<unknown>, goal?: number) {
  const t0 = performance.now();
  await work();
  const cold = performance.now() - t0;
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await work();
    samples.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuPerCall = (cpu.user + cpu.system) / 1000 / iterations;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const p95 = at(0.95);
  console.log(
    `${label.padEnd(48)} cold ${cold.toFixed(1).padStart(7)} ms  p50 ${at(0.5).toFixed(1).padStart(6)}  p95 ${p95.toFixed(1).padStart(6)}  max ${samples[samples.length - 1].toFixed(1).padStart(6)}  CPU/call ${cpuPerCall.toFixed(1)} ms${goal ? `  (goal p95 ≤ ${goal} ms: ${p95 <= goal ? 'met' : 'NOT met'})` : ''}  [${load()}]`,
  );
}

await measure('approvals queue (supervisor, every kind)', () => supervisor.ok('approvals.pending', {}), 50);
await measure('approvals queue (closures only)', () => supervisor.ok('approvals.pending', { kinds: ['closure'] }), 50);
await measure('case list filter "awaiting approval" (page 1)', () => supervisor.ok('cases.list', { awaitingApproval: true, limit: 50 }));
await measure('My work (supervisor): cases.myWork', () => supervisor.ok('cases.myWork', {}), 50);
await measure('My work (supervisor): tasks.due', () => supervisor.ok('tasks.due', {}), 50);
await measure('My work (supervisor): followup.myWork', () => supervisor.ok('followup.myWork', {}), 50);
// The page asks for the three at once; the core answers them one after another.
await measure('My work (supervisor): the whole page', () => Promise.all([supervisor.ok('cases.myWork', {}), supervisor.ok('tasks.due', {}), supervisor.ok('followup.myWork', {})]), 50);
await measure('caseload per worker', () => supervisor.ok('review.caseload', {}));
await measure('start a review session (3 rules + 10 sampled)', () =>
  supervisor.ok('review.startSession', { heldOn: now.slice(0, 10), kind: 'supervisor', rules: ['high_risk', 'overdue', 'closure_requested'], sampleSize: 10 }),
);
await supervisor.ok('session.logout', {});
core.close();
