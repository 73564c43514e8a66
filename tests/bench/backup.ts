// Prints backup figures on a seeded office: `npx tsx tests/bench/backup.ts --dir .homeward-data/seed-20000
// [--recovery-key KEY] [--out /tmp/usb]`. Times the copy (VACUUM INTO in its worker), the checks,
// and the whole backup; with the recovery key, also the restore-side check of the same backup.
// While the backup runs, the main thread's event loop is sampled: its worst stall shows whether
// the app stays responsive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeBackup } from '../../electron/core/backup/backup';
import { checkBackup } from '../../electron/core/backup/restore';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { seedPasswords } from '../../scripts/generator';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, 'recovery-key': { type: 'string' }, out: { type: 'string' } },
});
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

const started = performance.now();
let copiedAt = 0;
let lastPrint = 0;
const outcome = await makeBackup({
  folder: out,
  dbFile: core.paths.dbFile,
  dataKey: Buffer.from(core.store.get().dataKey),
  slots: JSON.parse(JSON.stringify(core.vault.require())),
  office: core.vault.require().office,
  createdBy: 'admin',
  keep: 3,
  now: () => new Date(),
  onProgress(phase, done, total) {
    if (phase === 'verifying' && !copiedAt) copiedAt = performance.now();
    const t = performance.now();
    if (phase === 'copying' && t - lastPrint > 2000) {
      lastPrint = t;
      process.stdout.write(`\rcopying ${(done / 1e6).toFixed(0)} / ${(total / 1e6).toFixed(0)} MB`);
    }
  },
});
const finished = performance.now();
clearInterval(sampler);
process.stdout.write('\n');
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
console.log(`live database: ${mb(size)}; backup: ${mb(outcome.manifest.database.bytes)}; audit entries: ${outcome.manifest.audit.count}`);
console.log(`copy (VACUUM INTO): ${((copiedAt - started) / 1000).toFixed(1)} s`);
console.log(`integrity check + chain verify + hashes + manifest: ${((finished - copiedAt) / 1000).toFixed(1)} s`);
console.log(`whole backup: ${((finished - started) / 1000).toFixed(1)} s (${(size / 1e6 / ((finished - started) / 1000)).toFixed(1)} MB/s)`);
console.log(`worst event-loop stall during the backup: ${worstStall.toFixed(0)} ms`);
if (values['recovery-key']) {
  const t0 = performance.now();
  const checked = await checkBackup(outcome.dir, values['recovery-key']);
  checked.dataKey.fill(0);
  console.log(`restore-side check of the backup: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
admin.close();
core.close();
if (!values.out) fs.rmSync(out, { recursive: true, force: true });
