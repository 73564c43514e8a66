// Follow-up figures on a real encrypted office (issue 10). Run: npm run bench:followup. Prints
// figures and asserts nothing (beside tests/bench/run.ts, which another module owns):
//   - a case's well-being history with 30 re-scores and 30 visits: followup.wellbeing and
//     followup.get through the in-process client (scope check, audit entry included), p50/p95;
//   - schedule generation for 10 000 reunified cases: the office protocol planned for each case
//     and every contact row written, in one transaction, into the encrypted database (set-based:
//     electron/core/followup/bulk.ts);
//   - a protocol change over those cases: the preview a supervisor confirms, then the save that
//     re-plans every case it changes (one transaction, a timeline and audit entry per case).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { insertSchedules } from '../../electron/core/followup/bulk';
import { planMany } from '../../electron/core/followup/plan';
import { readProtocol } from '../../electron/core/followup/protocol';
import { toKysely } from '../../electron/core/db/open';

const CASES = 10_000;
const RESCORES = 30;
const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'homeward-bench-followup-'));
const password = 'bench office long passphrase 1';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const load = () => `(load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs)`;

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
}

async function main() {
  const core = createCore({ dataDir: dir, kdfCost: { memoryKiB: 1024, iterations: 1, parallelism: 1 }, log: () => undefined });
  const setup = createInProcessClient(core);
  await setup.ok('session.setupOffice', { office: { name: 'Bench Office', code: 'BEN', country: 'UG', defaultLanguage: 'en' }, admin: { username: 'admin', displayName: 'Admin', password } });
  await setup.ok('session.login', { username: 'admin', password });
  await setup.ok('admin.createUser', { username: 'worker', displayName: 'Bench Worker', role: 'caseworker', password: `${password} given` });
  await setup.ok('admin.createUser', { username: 'supervisor', displayName: 'Bench Supervisor', role: 'supervisor', password: `${password} given` });
  await setup.ok('session.logout', {});
  const worker = createInProcessClient(core);
  await worker.ok('session.login', { username: 'worker', password: `${password} given` });
  await worker.ok('session.changePassword', { currentPassword: `${password} given`, newPassword: password });

  // One case with 30 re-scores and 30 visits over a year of follow-up.
  const kase = await worker.ok('cases.register', {
    child: { givenName: 'Akello', familyName: 'Bench', sex: 'female', estimatedAgeYears: 11, separationReasons: ['poverty'], separationDate: daysAgo(800) },
    spontaneous: { kind: 'returned_alone', reunifiedOn: daysAgo(400), caregiverNames: 'Mother', notes: '' },
  });
  const raw = core.store.get().raw;
  raw.prepare('UPDATE cases SET registered_at = ? WHERE id = ?').run(new Date(Date.now() - 400 * 86_400_000).toISOString(), kase.id);
  const csi = (await worker.ok('assessments.templates', { kind: 'wellbeing' })).find((t) => t.key === 'csi')!;
  for (let i = 0; i < RESCORES; i += 1) {
    const date = daysAgo(390 - i * 13);
    const answers: Record<string, number> = {};
    for (const d of csi.definition.domains) for (const q of d.questions) if (q.type === 'scale') answers[q.id] = 1 + ((i + q.id.length) % 4);
    const a = await worker.ok('assessments.save', { caseId: kase.id, templateKey: 'csi', templateVersion: csi.version, date, answers, complete: true });
    await worker.ok('followup.recordVisit', {
      caseId: kase.id,
      visit: { date, mode: i % 3 === 0 ? 'phone' : 'in_person', spokeWith: [{ role: 'child', view: '' }], childWords: 'Fine', wellbeingAssessmentId: a.id },
    });
  }
  const chartTimes: number[] = [];
  const summaryTimes: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    let t = performance.now();
    const chart = await worker.ok('followup.wellbeing', { caseId: kase.id });
    chartTimes.push(performance.now() - t);
    if (chart.points.length !== RESCORES) throw new Error(`expected ${RESCORES} points, got ${chart.points.length}`);
    t = performance.now();
    await worker.ok('followup.get', { caseId: kase.id });
    summaryTimes.push(performance.now() - t);
  }
  console.log(`well-being history, ${RESCORES} re-scores × ${csi.definition.domains.flatMap((d) => d.questions).length} factors (followup.wellbeing): ${stats(chartTimes)} — goal ≤ 30 ms`);
  console.log(`follow-up summary with ${RESCORES} visits (followup.get): ${stats(summaryTimes)}`);

  // 10 000 reunified cases: copies of the case row (the insert triggers keep the search index).
  const columns = (raw.prepare(`SELECT name FROM pragma_table_xinfo('cases') WHERE hidden = 0`).all() as { name: string }[]).map((c) => c.name);
  const copy = raw.prepare(
    `INSERT INTO cases (${columns.join(', ')}) SELECT ${columns
      .map((c) => (c === 'id' ? '@id' : c === 'number' ? '@number' : c === 'seq' ? '@seq' : c === 'risk_level' ? '@risk' : c))
      .join(', ')} FROM cases WHERE id = @from`,
  );
  // Spread over 40 workers (250 cases each: a heavy caseload), the bench worker being one of them.
  const workerIds = [(raw.prepare(`SELECT id FROM users WHERE username = 'worker'`).get() as { id: string }).id];
  const addUser = raw.prepare(`INSERT INTO users (id, username, display_name, role, language, active, created_at) VALUES (?, ?, ?, 'caseworker', 'en', 1, ?)`);
  for (let w = 1; w < 40; w += 1) {
    const id = crypto.randomUUID();
    addUser.run(id, `bench${w}`, `Bench ${w}`, new Date().toISOString());
    workerIds.push(id);
  }
  const ids: { id: string; highRisk: boolean; start: string }[] = [];
  // Each copy returned home on its own day (the event follow-up counts from, as for a spontaneous return).
  const returned = raw.prepare(`INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, NULL, 'case.spontaneousReunification', ?)`);
  raw.transaction(() => {
    for (let i = 0; i < CASES; i += 1) {
      const id = crypto.randomUUID();
      const high = i % 5 === 0;
      copy.run({ id, number: `BEN-B-${i}`, seq: 100 + i, risk: high ? 'high' : 'medium', from: kase.id });
      ids.push({ id, highRisk: high, start: daysAgo(i % 365) });
      returned.run(id, new Date().toISOString(), JSON.stringify({ reunifiedOn: daysAgo(i % 365) }));
    }
  })();
  const assign = raw.prepare('UPDATE cases SET worker_id = ? WHERE id = ?');
  raw.transaction(() => ids.forEach((c, i) => assign.run(workerIds[i % workerIds.length], c.id)))();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const db = toKysely(raw);
  const protocol = await readProtocol(db);
  const t1 = performance.now();
  const schedules = planMany(protocol.definition, ids);
  const dates = performance.now() - t1;
  const rows = await db.transaction().execute((trx) => insertSchedules(trx, ids.map((c, i) => ({ caseId: c.id, steps: schedules[i] })), new Date().toISOString(), null));
  const planned = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `schedule generation, ${CASES.toLocaleString('en')} reunified cases → ${rows.toLocaleString('en')} planned contacts written (encrypted, one transaction): ${(planned / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU — goal ≤ 5 s (dates: ${dates.toFixed(0)} ms) ${load()}`,
  );

  // A protocol change re-plans all of them: the preview the supervisor reads, then the save
  // (one transaction: contacts replaced and planned, a timeline entry and audit entry per case).
  const supervisor = createInProcessClient(core);
  await supervisor.ok('session.login', { username: 'supervisor', password: `${password} given` });
  await supervisor.ok('session.changePassword', { currentPassword: `${password} given`, newPassword: password });
  // The last visit (month 12) a month earlier: every case whose month 12 is still ahead changes.
  const last = protocol.definition.steps.length - 1;
  const changed = { ...protocol.definition, steps: protocol.definition.steps.map((s, i) => (i === last ? { ...s, amount: s.amount - 1 } : s)) };
  let t = performance.now();
  const counts = await supervisor.ok('followup.previewProtocolChange', { definition: changed });
  const preview = performance.now() - t;
  const cpu1 = process.cpuUsage();
  t = performance.now();
  await supervisor.ok('followup.saveProtocol', { definition: changed, basedOnVersion: protocol.version, replan: counts });
  const saved = performance.now() - t;
  const cpuSave = process.cpuUsage(cpu1);
  console.log(
    `protocol change over ${CASES.toLocaleString('en')} cases in follow-up (${counts.cases.toLocaleString('en')} cases change: ${counts.cancelled.toLocaleString('en')} contacts replaced, ${counts.added.toLocaleString('en')} planned): preview ${(preview / 1000).toFixed(2)} s, save ${(saved / 1000).toFixed(2)} s wall / ${((cpuSave.user + cpuSave.system) / 1e6).toFixed(2)} s CPU ${load()}`,
  );
  supervisor.close();

  // The set-based queries over the office now holding 10 000 cases in follow-up.
  const mine = [] as number[];
  for (let i = 0; i < 20; i += 1) {
    const t = performance.now();
    await worker.ok('followup.myWork', {});
    mine.push(performance.now() - t);
  }
  console.log(`My work's follow-up part for a worker with ${CASES / 40} of the office's ${CASES.toLocaleString('en')} cases in follow-up (followup.myWork): ${stats(mine)}`);
  console.log(`load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs`);
  worker.close();
  setup.close();
  core.close();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
