// Build helpers shared by `npm start`, `npm run web` and the e2e global set-up: build with
// electron-vite only when out/ is missing or older than its sources (or HOMEWARD_BUILD=1).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Everything the build reads. (electron/ includes the core, bundled into out/main.) */
export const buildInputs = ['renderer', 'electron', 'shared', 'locales', 'migrations', 'electron.vite.config.ts', 'package.json', 'tsconfig.json'];
export const buildOutputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** Newest modification time under the given paths (0 when none exist). */
export function newestMtime(root, relativePaths) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(path.join(p, entry));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const rel of relativePaths) visit(path.join(root, rel));
  return newest;
}

export function isBuildStale(root = repoRoot) {
  let oldestOutput = Infinity;
  for (const rel of buildOutputs) {
    try {
      oldestOutput = Math.min(oldestOutput, fs.statSync(path.join(root, rel)).mtimeMs);
    } catch {
      return true;
    }
  }
  return newestMtime(root, buildInputs) > oldestOutput;
}

/** Runs `electron-vite build`; returns true on success. */
export function runBuild(root = repoRoot) {
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  return result.status === 0;
}

/** Builds when needed. Returns true when out/ is usable. */
export function ensureBuilt({ root = repoRoot, force = process.env.HOMEWARD_BUILD === '1', log = console.log } = {}) {
  if (!force && !isBuildStale(root)) return true;
  log(force ? 'Building Homeward (HOMEWARD_BUILD=1)…' : 'Building Homeward (out/ is missing or older than the sources)…');
  return runBuild(root);
}
