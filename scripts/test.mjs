// `npm test`: every check, cheapest first, stopping at the first failure with a clear summary.
//   lint → typecheck → build → electronegativity (scans the built page too) → vitest → Playwright e2e
// The last line is the combined test count: "N passed, M failed".
// `npm test -- --keep-going` runs every step even after a failure (still exits 1).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './lib/build.mjs';

const reports = path.join(repoRoot, '.tmp', 'test-reports');
const vitestReport = path.join(reports, 'vitest.json');
const e2eReport = path.join(reports, 'e2e.json');
const bin = (...parts) => path.join(repoRoot, 'node_modules', ...parts);

const steps = [
  // Caches only speed up repeated local runs; a fresh clone (CI) checks everything.
  { name: 'lint', args: [bin('eslint', 'bin', 'eslint.js'), '--cache', '--cache-location', path.join(repoRoot, '.tmp', 'eslintcache'), '.'] },
  {
    name: 'typecheck',
    args: [bin('typescript', 'bin', 'tsc'), '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', path.join(repoRoot, '.tmp', 'tsbuildinfo')],
  },
  { name: 'build', args: [bin('electron-vite', 'bin', 'electron-vite.js'), 'build'] },
  { name: 'electronegativity', args: [path.join(repoRoot, 'scripts', 'electronegativity.mjs')] },
  {
    name: 'unit+integration',
    args: [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
    counts: () => {
      const r = readJson(vitestReport);
      return r && { passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests + r.numTodoTests };
    },
  },
  {
    name: 'e2e',
    args: [bin('@playwright', 'test', 'cli.js'), 'test'],
    env: { HOMEWARD_E2E_REPORT: e2eReport },
    counts: () => {
      const s = readJson(e2eReport)?.stats;
      return s && { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
    },
  },
];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const seconds = (ms) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

const keepGoing = process.argv.includes('--keep-going');
const started = Date.now();
const results = [];
const failedSteps = [];
for (const step of steps) {
  console.log(`\n━━ ${step.name} ━━`);
  const t0 = Date.now();
  const result = spawnSync(process.execPath, step.args, {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = result.status === 0;
  results.push({ name: step.name, ok, ms: Date.now() - t0, counts: step.counts?.() ?? null });
  if (!ok) {
    failedSteps.push(step.name);
    if (!keepGoing) break;
  }
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n━━ summary ━━');
for (const r of results) {
  const c = r.counts ? ` (${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped)` : '';
  console.log(`  ${r.ok ? '✔' : '✘'} ${r.name.padEnd(18)} ${seconds(r.ms).padStart(9)}${c}`);
  if (r.counts) for (const k of Object.keys(total)) total[k] += r.counts[k] ?? 0;
}
for (const step of steps.slice(results.length)) console.log(`  – ${step.name.padEnd(18)} not run`);
console.log(`  total ${seconds(Date.now() - started)}`);
if (failedSteps.length > 0) console.log(`\nnpm test FAILED at: ${failedSteps.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = failedSteps.length > 0 ? 1 : 0;
