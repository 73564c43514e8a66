// The Electron-ABI build of better-sqlite3-multiple-ciphers, kept in native/electron-<version>-<platform>-<arch>/
// so the Node build in node_modules (used by tests and browser mode) is never touched: `npm test` and
// `npm start` work in any order with no manual rebuild. electron/main/native-binding.ts reads the
// same path (a test checks they agree). Run directly to build it: node scripts/native-electron.mjs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './lib/build.mjs';

export const sqlitePackage = 'better-sqlite3-multiple-ciphers';

export function electronNativeBindingPath(root, electronVersion, platform = process.platform, arch = process.arch) {
  return path.join(root, 'native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** npm exports these to scripts; node-gyp would obey them (nodedir=/usr means "Node's headers") and
 *  build for the wrong ABI, so they are removed and the Electron target is given explicitly. */
export function cleanBuildEnv(env) {
  const out = { ...env };
  for (const key of Object.keys(out)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|build_from_source|devdir)$/i.test(key)) delete out[key];
  }
  return out;
}

/** How to run node-gyp: the copy npm ships with, else npx. */
export function nodeGypCommand(env = process.env) {
  const candidates = [
    env.npm_config_node_gyp,
    env.npm_execpath && path.join(path.dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  const found = candidates.find((c) => fs.existsSync(c));
  return found ? [process.execPath, [found]] : ['npx', ['--yes', 'node-gyp']];
}

const defaultRun = (command, args, options) => {
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: 15 * 60_000, ...options });
  return { status: result.status ?? 1, error: result.error };
};

/**
 * Makes sure the Electron build exists; builds it if not. Returns { ok, file, built, reason }.
 * Tries prebuild-install (a download of the published Electron binary) first, then node-gyp from
 * source against Electron's headers. Both work in a copy of the package in a temporary folder.
 */
export function ensureElectronNative({
  root = repoRoot,
  electronVersion,
  platform = process.platform,
  arch = process.arch,
  env = process.env,
  run = defaultRun,
  log = console.log,
} = {}) {
  const pkgDir = path.join(root, 'node_modules', sqlitePackage);
  const pkgVersion = readJson(path.join(pkgDir, 'package.json')).version;
  electronVersion ??= readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
  const file = electronNativeBindingPath(root, electronVersion, platform, arch);
  const stampFile = path.join(path.dirname(file), 'build-info.json');
  const stamp = { package: sqlitePackage, packageVersion: pkgVersion, electronVersion, platform, arch };

  if (fs.existsSync(file)) {
    try {
      const existing = readJson(stampFile);
      if (existing.packageVersion === pkgVersion) return { ok: true, file, built: false };
    } catch {
      // No stamp: rebuild.
    }
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-native-'));
  try {
    const copy = path.join(work, sqlitePackage);
    fs.cpSync(pkgDir, copy, {
      recursive: true,
      filter: (src) => {
        const rel = path.relative(pkgDir, src);
        return rel !== 'build' && !rel.startsWith(`build${path.sep}`) && rel !== 'node_modules';
      },
    });
    const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
    const buildEnv = cleanBuildEnv(env);
    const attempts = [];

    const prebuild = path.join(root, 'node_modules', 'prebuild-install', 'bin.js');
    if (fs.existsSync(prebuild)) {
      log(`Fetching the Electron ${electronVersion} build of ${sqlitePackage} ${pkgVersion}…`);
      const r = run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform], {
        cwd: copy,
        env: buildEnv,
        timeout: 120_000,
      });
      attempts.push(`prebuild-install exited ${r.status}`);
    }
    if (!fs.existsSync(built)) {
      log(`Building ${sqlitePackage} for Electron ${electronVersion} from source (a few minutes)…`);
      const [command, prefix] = nodeGypCommand(env);
      const r = run(
        command,
        [...prefix, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
        { cwd: copy, env: buildEnv },
      );
      attempts.push(`node-gyp exited ${r.status}`);
    }
    if (!fs.existsSync(built)) return { ok: false, file, built: false, reason: attempts.join('; ') || 'no build tool found' };

    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Copy then rename, so a half-written file is never mistaken for a good one.
    fs.copyFileSync(built, `${file}.tmp`);
    fs.renameSync(`${file}.tmp`, file);
    fs.writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
    return { ok: true, file, built: true };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = ensureElectronNative();
  if (result.ok) console.log(`${result.built ? 'Built' : 'Up to date'}: ${result.file}`);
  else console.error(`Could not build the Electron binding (${result.reason}).`);
  process.exitCode = result.ok ? 0 : 1;
}
