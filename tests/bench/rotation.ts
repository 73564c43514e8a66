// npx tsx tests/bench/rotation.ts [DIR] — rotates the data key of a seeded office (default
// .homeward-data/seed-20000) and prints: database size, rotation time, how often the status
// answered meanwhile, the longest event-loop stall, and the progress figures seen.
import fs from 'node:fs';
import path from 'node:path';
import { createInProcessClient } from '../../electron/core/client';
import { createCore } from '../../electron/core/core';
import { seedPasswords } from '../../scripts/generator';

const dir = path.resolve(process.argv[2] ?? path.join('.homeward-data', 'seed-20000'));
const core = createCore({ dataDir: dir, log: (m, e) => console.error(m, e) });
const admin = createInProcessClient(core);
await admin.ok('session.login', { username: 'admin', password: seedPasswords.admin });
const other = createInProcessClient(core);
await other.ok('session.login', { username: 'admin', password: seedPasswords.admin });
const size = fs.statSync(core.paths.dbFile).size;

let maxLag = 0;
let last = Date.now();
const ticker = setInterval(() => {
  const now = Date.now();
  maxLag = Math.max(maxLag, now - last - 20);
  last = now;
}, 20);
const started = Date.now();
const rotation = admin.ok('admin.rotateDataKey', {});
const seen = new Set<number>();
let polls = 0;
let slowestPoll = 0;
for (;;) {
  await new Promise((r) => setTimeout(r, 250));
  const t = Date.now();
  const status = await other.ok('session.status', {});
  slowestPoll = Math.max(slowestPoll, Date.now() - t);
  polls += 1;
  if (!status.maintenance) break;
  seen.add(status.maintenance.percent);
}
await rotation;
const seconds = (Date.now() - started) / 1000;
clearInterval(ticker);
console.log(`database ${(size / 1e9).toFixed(2)} GB; rotation ${seconds.toFixed(1)} s (${(size / 1e6 / seconds).toFixed(0)} MB/s)`);
console.log(`status answered ${polls} times during it, slowest ${slowestPoll} ms; longest event-loop stall ${maxLag} ms`);
console.log(`progress seen: ${[...seen].join(' ')} %`);
admin.close();
other.close();
core.close();
