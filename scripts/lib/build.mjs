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

/**
 * Runs `electron-vite build`; returns true on success. The build's own output (module lists, chunk
 * sizes, third-party annotation warnings) is kept back and shown only when the build fails: a person
 * starting Homeward needs one line, not sixty. HOMEWARD_BUILD_VERBOSE=1 shows it all as it comes.
 */
export function runBuild(root = repoRoot, { verbose = process.env.HOMEWARD_BUILD_VERBOSE === '1', write = (text) => process.stderr.write(text) } = {}) {
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (verbose) return spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' }).status === 0;
  const result = spawnSync(process.execPath, [cli, 'build'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  if (result.status === 0) return true;
  write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.error) write(`${result.error.message}\n`);
  return false;
}

/** Builds when needed. Returns true when out/ is usable. */
export function ensureBuilt({ root = repoRoot, force = process.env.HOMEWARD_BUILD === '1', log = console.log, build = runBuild } = {}) {
  if (!force && !isBuildStale(root)) return true;
  const started = Date.now();
  log(force ? 'Building Homeward (HOMEWARD_BUILD=1)…' : 'Building Homeward (out/ is missing or older than the sources)…');
  const ok = build(root);
  if (ok) log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
  return ok;
}
