// `npm start`: the desktop app. Builds (when stale), finds or fetches Electron's binary, makes sure
// the Electron-ABI SQLite binding exists, then runs Electron. Where Electron cannot run here (no
// binary and no internet, or no binding), it says so plainly and opens browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, repoRoot } from './lib/build.mjs';
import { ensureElectronNative } from './native-electron.mjs';
import { runBrowserMode } from './web.mjs';

/** The Electron executable if it is installed, else null. Reads path.txt rather than requiring
 *  the electron package, because requiring it starts a download with no time limit. */
export function findElectronBinary(root = repoRoot, env = process.env) {
  const pkg = path.join(root, 'node_modules', 'electron');
  let relative;
  try {
    relative = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkg, 'dist');
  const full = path.join(dist, relative);
  return fs.existsSync(full) ? full : null;
}

export function installElectronBinary(root = repoRoot, { timeoutMs = 120_000, run = spawnSync, log = console.log } = {}) {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return false;
  log('Downloading Electron’s binary (first start only; up to two minutes)…');
  const result = run(process.execPath, [installer], { cwd: root, encoding: 'utf8', timeout: timeoutMs });
  if (result.status === 0) return true;
  // One line, not the downloader's stack trace.
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const reason = result.error?.code === 'ETIMEDOUT' ? `no answer in ${timeoutMs / 1000} s` : output.split('\n').map((l) => l.trim()).find(Boolean);
  log(`  (download failed: ${reason ?? `exit ${result.status}`})`);
  return false;
}

/** Electron 45's installer (@electron/get) and packaging (@electron/fuses) declare Node 22.12+. */
export const electronInstallerNode = '22.12.0';

/** Why Electron's binary cannot be downloaded with this Node, or null. */
export function electronInstallerBlockedReason(nodeVersion = process.versions.node) {
  const [major, minor] = nodeVersion.split('.').map(Number);
  const [needMajor, needMinor] = electronInstallerNode.split('.').map(Number);
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return null;
  return `Electron’s installer needs Node ${electronInstallerNode} or newer (this is Node ${nodeVersion})`;
}

/** Chromium refuses to run as root unless its sandbox is turned off; Homeward never turns it off. */
export function electronBlockedReason({ platform = process.platform, uid = process.getuid?.() } = {}) {
  if (platform === 'linux' && uid === 0) {
    return 'Electron will not run as root without turning off its sandbox, and Homeward keeps the sandbox on. Start it as a normal user';
  }
  return null;
}

async function fallBackToBrowser(reason) {
  console.log('');
  console.log(`${reason} — opening Homeward in browser mode instead.`);
  console.log('');
  return runBrowserMode();
}

async function main() {
  if (!ensureBuilt()) {
    console.error('The build failed: fix the errors above and run npm start again.');
    return 1;
  }

  let electron = findElectronBinary();
  if (!electron) {
    const tooOld = electronInstallerBlockedReason();
    if (tooOld) return fallBackToBrowser(tooOld);
  }
  if (!electron && installElectronBinary()) electron = findElectronBinary();
  if (!electron) return fallBackToBrowser('Electron’s binary could not be downloaded on this machine (no internet?)');

  const blocked = electronBlockedReason();
  if (blocked) return fallBackToBrowser(blocked);

  const native = ensureElectronNative();
  if (!native.ok) {
    return fallBackToBrowser(`The database module could not be built for Electron on this machine (${native.reason})`);
  }

  const env = { ...process.env, HOMEWARD_NATIVE_BINDING: native.file };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [repoRoot], { cwd: repoRoot, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Electron could not start: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main();
}
