// npm run seed -- --cases 100000 [--dir PATH] [--seed 42]
// Fills a new encrypted office database with generated cases for tests, demos and benchmarks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateOffice, seedPasswords } from './generator';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000' },
    dir: { type: 'string' },
    seed: { type: 'string', default: '42' },
    force: { type: 'boolean', default: false },
  },
});
const cases = Number(values.cases);
if (!Number.isInteger(cases) || cases < 1 || cases > 2_000_000) {
  console.error('--cases must be a whole number from 1 to 2 000 000');
  process.exit(2);
}
const dir = path.resolve(values.dir ?? path.join('.homeward-data', `seed-${cases}`));
if (fs.existsSync(path.join(dir, 'homeward.keys.json'))) {
  if (!values.force) {
    console.error(`${dir} already holds an office; pass --force to replace it`);
    process.exit(2);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
let lastPrint = 0;
const result = await generateOffice({
  dir,
  cases,
  seed: Number(values.seed),
  onProgress(done, total) {
    const nowMs = Date.now();
    if (nowMs - lastPrint > 1000 || done === total) {
      lastPrint = nowMs;
      process.stdout.write(`\rseeding: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases`);
    }
  },
});
process.stdout.write('\n');
result.core.close();
console.log(`seeded ${cases.toLocaleString('en')} cases in ${result.seconds.toFixed(1)} s into ${dir} (load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs)`);
console.log(
  `of which the features' contributors: ${Object.entries(result.contributorSeconds)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
    .join(', ')}`,
);
console.log(`log in as "admin" / "${seedPasswords.admin}", or supervisor1, worker1… / "${seedPasswords.staff}"`);
console.log(`recovery key: ${result.recoveryKey}`);
console.log(`open it in browser mode: HOMEWARD_DATA_DIR=${dir} npm run web`);
