// npm start's and npm test's helper logic, without Electron: where the Electron-ABI SQLite binding
// lives and how it is built (never touching node_modules), finding Electron's binary, the build
// freshness check, the data-folder lock and the Electronegativity verdict.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronNativeBindingPath as mainBindingPath, resolveNativeBinding } from '../../electron/main/native-binding';
import { acquireInstanceLock, lockFileFor } from '../../electron/web/instance-lock';
import { ensureBuilt, isBuildStale, runBuild } from '../../scripts/lib/build.mjs';
import { judge, toFindings } from '../../scripts/electronegativity.mjs';
import { cleanBuildEnv, electronNativeBindingPath as scriptBindingPath, ensureElectronNative, type Run } from '../../scripts/native-electron.mjs';
import { electronBlockedReason, findElectronBinary, installElectronBinary } from '../../scripts/start.mjs';

const dirs: string[] = [];
function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-launcher-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function write(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** A project folder with just enough of node_modules for the native build logic. */
function fakeProject(options: { prebuild?: boolean } = {}): string {
  const root = scratch();
  const pkg = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
  write(path.join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3-multiple-ciphers', version: '12.11.1' }));
  write(path.join(pkg, 'binding.gyp'), '{}');
  write(path.join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
  write(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'NODE-ABI BUILD');
  write(path.join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  if (options.prebuild) write(path.join(root, 'node_modules', 'prebuild-install', 'bin.js'), '');
  return root;
}

const producing =
  (content: string): Run =>
  (_command, _args, options) => {
    write(path.join(options.cwd, 'build', 'Release', 'better_sqlite3.node'), content);
    return { status: 0 };
  };

describe('the Electron-ABI SQLite binding', () => {
  it('lives at the same path for the launcher script and the main process', () => {
    expect(scriptBindingPath('/app', '45.4.1', 'linux', 'x64')).toBe(mainBindingPath('/app', '45.4.1', 'linux', 'x64'));
    expect(mainBindingPath('/app', '45.4.1', 'linux', 'x64')).toBe(path.join('/app', 'native', 'electron-45.4.1-linux-x64', 'better_sqlite3.node'));
  });

  it('is built from a copy of the package with node-gyp for Electron, leaving the Node build untouched', () => {
    const root = fakeProject();
    const calls: { command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv }[] = [];
    const run: Run = (command, args, options) => {
      calls.push({ command, args, cwd: options.cwd, env: options.env });
      return producing('ELECTRON-ABI BUILD')(command, args, options);
    };
    const result = ensureElectronNative({
      root,
      platform: 'linux',
      arch: 'x64',
      env: { PATH: '/usr/bin', npm_config_nodedir: '/usr', npm_config_runtime: 'node' },
      run,
      log: () => undefined,
    });
    expect(result).toMatchObject({ ok: true, built: true });
    expect(fs.readFileSync(result.file, 'utf8')).toBe('ELECTRON-ABI BUILD');
    expect(result.file).toBe(mainBindingPath(root, '45.4.1', 'linux', 'x64'));
    expect(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('NODE-ABI BUILD');

    expect(calls).toHaveLength(1);
    expect(calls[0]!.cwd.startsWith(root)).toBe(false);
    expect(calls[0]!.args).toEqual(expect.arrayContaining(['rebuild', '--release', '--runtime=electron', '--target=45.4.1', '--arch=x64']));
    expect(calls[0]!.env.npm_config_nodedir).toBeUndefined();
    expect(calls[0]!.env.npm_config_runtime).toBeUndefined();
    expect(fs.existsSync(calls[0]!.cwd)).toBe(false);

    // Second start: nothing to do.
    const again = ensureElectronNative({ root, platform: 'linux', arch: 'x64', run, log: () => undefined });
    expect(again).toMatchObject({ ok: true, built: false });
    expect(calls).toHaveLength(1);
  });

  it('prefers a published Electron prebuild when prebuild-install can fetch one', () => {
    const root = fakeProject({ prebuild: true });
    const commands: string[][] = [];
    const run: Run = (command, args, options) => {
      commands.push(args);
      return producing('PREBUILT')(command, args, options);
    };
    const result = ensureElectronNative({ root, platform: 'linux', arch: 'x64', run, log: () => undefined });
    expect(result.ok).toBe(true);
    expect(commands).toHaveLength(1);
    expect(commands[0]).toEqual(expect.arrayContaining(['--runtime', 'electron', '--target', '45.4.1']));
  });

  it('reports failure without leaving a half-made binding behind', () => {
    const root = fakeProject({ prebuild: true });
    const result = ensureElectronNative({ root, platform: 'linux', arch: 'x64', run: () => ({ status: 1 }), log: () => undefined });
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('node-gyp exited 1');
    expect(fs.existsSync(path.join(root, 'native'))).toBe(false);
  });

  it('is rebuilt when better-sqlite3 is upgraded', () => {
    const root = fakeProject();
    ensureElectronNative({ root, platform: 'linux', arch: 'x64', run: producing('v1'), log: () => undefined });
    write(
      path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'package.json'),
      JSON.stringify({ name: 'better-sqlite3-multiple-ciphers', version: '12.12.0' }),
    );
    const result = ensureElectronNative({ root, platform: 'linux', arch: 'x64', run: producing('v2'), log: () => undefined });
    expect(result.built).toBe(true);
    expect(fs.readFileSync(result.file, 'utf8')).toBe('v2');
  });

  it('drops the npm settings that would make node-gyp target Node instead of Electron', () => {
    const env = cleanBuildEnv({ PATH: 'x', npm_config_nodedir: '/usr', npm_config_target: '20', npm_config_cache: '/c' });
    expect(env).toEqual({ PATH: 'x', npm_config_cache: '/c' });
  });

  it('is taken from HOMEWARD_NATIVE_BINDING only in development', () => {
    const env = { HOMEWARD_NATIVE_BINDING: '/somewhere/else.node' };
    expect(resolveNativeBinding({ appPath: '/nope', electronVersion: '45.4.1', isPackaged: false, env })).toBe('/somewhere/else.node');
    expect(resolveNativeBinding({ appPath: '/nope', electronVersion: '45.4.1', isPackaged: true, env })).toBeUndefined();
    const root = scratch();
    const file = mainBindingPath(root, '45.4.1');
    write(file, 'x');
    expect(resolveNativeBinding({ appPath: root, electronVersion: '45.4.1', isPackaged: true, env })).toBe(file);
  });
});

describe('npm start', () => {
  it('finds Electron through path.txt and reports a missing binary as null', () => {
    const root = scratch();
    expect(findElectronBinary(root, {})).toBeNull();
    write(path.join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toBeNull();
    write(path.join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary(root, {})).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('tries Electron\'s own installer once with a time limit and reports a failure in one line', () => {
    const root = scratch();
    write(path.join(root, 'node_modules', 'electron', 'install.js'), '');
    const lines: string[] = [];
    const calls: object[] = [];
    const failed = installElectronBinary(root, {
      log: (l) => lines.push(l),
      run: (_c, _a, options) => {
        calls.push(options);
        return { status: 1, stderr: 'TypeError: fetch failed\n    at node:internal/deps/undici\n' };
      },
    });
    expect(failed).toBe(false);
    expect(calls).toEqual([expect.objectContaining({ timeout: 120_000 })]);
    expect(lines.at(-1)).toBe('  (download failed: TypeError: fetch failed)');
    expect(installElectronBinary(root, { log: () => undefined, run: () => ({ status: 0 }) })).toBe(true);
  });

  it('does not run Electron as root on Linux, because that would need the sandbox off', () => {
    expect(electronBlockedReason({ platform: 'linux', uid: 0 })).toMatch(/sandbox/);
    expect(electronBlockedReason({ platform: 'linux', uid: 1000 })).toBeNull();
    expect(electronBlockedReason({ platform: 'darwin', uid: 0 })).toBeNull();
  });

  it('rebuilds when out/ is missing or older than a source file', () => {
    const root = scratch();
    write(path.join(root, 'renderer', 'index.html'), 'x');
    expect(isBuildStale(root)).toBe(true);
    for (const out of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) write(path.join(root, out), 'x');
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(root, 'renderer', 'index.html'), past, past);
    expect(isBuildStale(root)).toBe(false);
    write(path.join(root, 'shared', 'x.ts'), 'changed');
    const future = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, 'shared', 'x.ts'), future, future);
    expect(isBuildStale(root)).toBe(true);
  });
});

describe('a quiet build', () => {
  /** A project whose "electron-vite" prints what the real one prints, then exits with `code`. */
  function noisyProject(code: number): string {
    const root = scratch();
    write(
      path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
      `console.log('vite v7.3.8 building client environment for production...');
       console.warn('node_modules/zod/v4/core/util.js (400:0): A comment contains an annotation that Rollup cannot interpret');
       console.log('(!) Some chunks are larger than 500 kB after minification.');
       process.exit(${code});`,
    );
    return root;
  }

  it('shows nothing of a build that succeeds, and all of one that fails', () => {
    const shown: string[] = [];
    expect(runBuild(noisyProject(0), { verbose: false, write: (t) => shown.push(t) })).toBe(true);
    expect(shown).toEqual([]);
    expect(runBuild(noisyProject(1), { verbose: false, write: (t) => shown.push(t) })).toBe(false);
    expect(shown.join('')).toContain('Rollup cannot interpret');
    expect(shown.join('')).toContain('vite v7.3.8');
  });

  it('says it builds, then one line when done', () => {
    const lines: string[] = [];
    expect(ensureBuilt({ root: scratch(), force: true, log: (l) => lines.push(l), build: () => true })).toBe(true);
    expect(lines).toEqual(['Building Homeward (HOMEWARD_BUILD=1)…', expect.stringMatching(/^Built in \d+ s\.$/)]);
  });
});

describe('one process per data folder', () => {
  it('lets a second process see the first, and takes over a lock left by a dead process', () => {
    const dir = scratch();
    const first = acquireInstanceLock(dir, 'web');
    expect(first.acquired).toBe(true);
    if (!first.acquired) return;
    first.lock.update({ mode: 'web' });
    // Same pid in the file, so pretend to be another process by rewriting the owner.
    fs.writeFileSync(lockFileFor(dir), JSON.stringify({ pid: process.ppid, mode: 'electron', startedAt: '' }));
    const second = acquireInstanceLock(dir, 'web');
    expect(second).toMatchObject({ acquired: false, owner: { pid: process.ppid, mode: 'electron' } });

    fs.writeFileSync(lockFileFor(dir), JSON.stringify({ pid: 2 ** 22 + 12345, mode: 'web', startedAt: '' }));
    const third = acquireInstanceLock(dir, 'electron');
    expect(third.acquired).toBe(true);
    if (third.acquired) third.lock.release();
    expect(fs.existsSync(lockFileFor(dir))).toBe(false);
  });
});

describe('the Electronegativity gate', () => {
  const issue = (id: string, severity: string) => ({
    id,
    severity: { name: severity },
    confidence: { name: 'FIRM' },
    file: 'electron/main/window.ts',
    location: { line: 1, column: 0 },
    description: 'd',
  });

  it('passes LOW findings and the documented preload exclusion', () => {
    const findings = toFindings([issue('PRELOAD_JS_CHECK', 'MEDIUM'), issue('CSP_GLOBAL_CHECK', 'LOW')]);
    expect(findings.map((f) => [f.check, f.severity, f.location])).toEqual([
      ['PRELOAD_JS_CHECK', 'MEDIUM', '1:0'],
      ['CSP_GLOBAL_CHECK', 'LOW', '1:0'],
    ]);
    expect(judge(findings).failing).toEqual([]);
  });

  it('fails on any other MEDIUM or HIGH finding, and on a severity it does not know', () => {
    const findings = toFindings([
      issue('CSP_GLOBAL_CHECK', 'LOW'),
      issue('SANDBOX_JS_CHECK', 'HIGH'),
      issue('AUXCLICK_JS_CHECK', 'MEDIUM'),
      issue('NEW_CHECK', 'CRITICAL'),
    ]);
    expect(judge(findings).failing.map((f) => f.check)).toEqual(['SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK', 'NEW_CHECK']);
  });
});
