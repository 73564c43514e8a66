// Prints backup figures on a seeded office: `npx tsx tests/bench/backup.ts --dir .homeward-data/seed-20000
// [--method pages|vacuum] [--check integrity|quick] [--cache KiB] [--recovery-key KEY] [--out /tmp/usb]`.
// Times the copy (in its worker), the checks (integrity_check, the chain walk, the file's hash),
// and the whole backup, with the load average beside them (the machine is shared); with the
// recovery key, also the restore-side check of the same backup. While the backup runs, the main
// thread's event loop is sampled (its worst stall shows whether the app stays responsive), and
// the progress the Backups page shows is printed as it moves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeBackup, overallProgress } from '../../electron/core/backup/backup';
import type { CopyMethod } from '../../electron/core/backup/snapshot';
import { checkBackup } from '../../electron/core/backup/restore';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { seedPasswords } from '../../scripts/generator';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    'recovery-key': { type: 'string' },
    out: { type: 'string' },
    method: { type: 'string', default: 'pages' },
    check: { type: 'string', default: 'integrity' },
    cache: { type: 'string' },
    writes: { type: 'boolean', default: false },
  },
});
const method = values.method as CopyMethod;
const check = values.check as 'integrity' | 'quick';
const load = () => os.loadavg().map((n) => n.toFixed(1)).join(' ');
if (!values.dir) throw new Error('--dir is required');
const dir = path.resolve(values.dir);
const out = values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-bench-usb-'));

const core = createCore({ dataDir: dir, log: () => undefined });
const admin = createInProcessClient(core);
await admin.ok('session.login', { username: 'admin', password: seedPasswords.admin });
const size = fs.statSync(core.paths.dbFile).size + (fs.existsSync(`${core.paths.dbFile}-wal`) ? fs.statSync(`${core.paths.dbFile}-wal`).size : 0);

let worstStall = 0;
let last = performance.now();
const sampler = setInterval(() => {
  const now = performance.now();
  worstStall = Math.max(worstStall, now - last - 50);
  last = now;
}, 50);

// With --writes, the app keeps committing (an audited settings change every 20 ms) during the
// backup: the copy must stay consistent, and the writes' worst latency shows they are not held up.
let writing = true;
let writes = 0;
let worstWrite = 0;
const writer = (async () => {
  while (values.writes && writing) {
    const t0 = performance.now();
    await admin.ok('backup.setSettings', { keep: 3, reminderDays: 7 + (writes % 2) });
    worstWrite = Math.max(worstWrite, performance.now() - t0);
    writes += 1;
    await new Promise((r) => setTimeout(r, 20));
  }
})();

const loadBefore = load();
const started = performance.now();
let lastPrint = 0;
let lastShown = -1;
const outcome = await makeBackup({
  folder: out,
  dbFile: core.paths.dbFile,
  dataKey: Buffer.from(core.store.get().dataKey),
  slots: JSON.parse(JSON.stringify(core.vault.require())),
  office: core.vault.require().office,
  createdBy: 'admin',
  keep: 3,
  now: () => new Date(),
  tuning: { method, check, cacheKiB: values.cache ? Number(values.cache) : undefined },
  onProgress({ phase, fraction }) {
    const t = performance.now();
    const shown = Math.round(overallProgress(phase, fraction) * 100);
    if (t - lastPrint > 5000 && shown !== lastShown) {
      lastPrint = t;
      lastShown = shown;
      console.log(`  ${((t - started) / 1000).toFixed(1)} s: ${phase} ${shown} %`);
    }
  },
});
const finished = performance.now();
clearInterval(sampler);
writing = false;
await writer;
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const { timings } = outcome;
console.log(`live database: ${mb(size)}; backup: ${mb(outcome.manifest.database.bytes)}; audit entries: ${outcome.manifest.audit.count}`);
console.log(`load average (1, 5, 15 min) before: ${loadBefore}; after: ${load()}; ${os.cpus().length} cores`);
console.log(`copy (${timings.method}${timings.method !== method ? `, fell back from ${method}` : ''}): ${s(timings.copyMs)} (${(size / 1e6 / (timings.copyMs / 1000)).toFixed(0)} MB/s), of which fsync ${s(timings.syncMs)}`);
console.log(`check (three at once): ${check}_check ${s(timings.integrityMs)}, chain walk ${s(timings.chainMs)}, SHA-256 of the file ${s(timings.hashMs)}; check step ${s(timings.verifyMs)}`);
console.log(`whole backup: ${s(finished - started)} (${(size / 1e6 / ((finished - started) / 1000)).toFixed(1)} MB/s)`);
console.log(`worst event-loop stall during the backup: ${worstStall.toFixed(0)} ms`);
if (values.writes) console.log(`app writes during the backup: ${writes}, worst ${worstWrite.toFixed(0)} ms`);
if (values['recovery-key']) {
  const t0 = performance.now();
  const checked = await checkBackup(outcome.dir, values['recovery-key']);
  checked.dataKey.fill(0);
  console.log(`restore-side check of the backup: ${s(performance.now() - t0)} (load ${load()})`);
}
admin.close();
core.close();
if (!values.out) fs.rmSync(out, { recursive: true, force: true });
