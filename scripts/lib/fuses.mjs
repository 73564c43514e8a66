// Electron fuses for a packaged Homeward: switches compiled into the Electron binary that no
// environment variable or command-line flag can turn back on. Applied to the packaged executable
// (electron-builder's afterPack hook, scripts/after-pack.mjs, or `npm run package -- <binary>`);
// never to node_modules/electron, which `npm start` and the tests run unpackaged.
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';

/** What each fuse must be, and why. Fuses not named keep Electron's default. */
export const homewardFuses = {
  version: FuseVersion.V1,
  // `ELECTRON_RUN_AS_NODE=1 Homeward.exe script.js` would run any script with the app's identity.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS (--require, --inspect…) would inject code into the main process, where the core
  // holds the data key.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app's code is checked against the hash recorded at packaging (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded: a loose app/ folder dropped beside it is ignored.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Chromium's cookie store (browser caches only; no case data) is encrypted with the OS keystore.
  [FuseV1Options.EnableCookieEncryption]: true,
  // The app is served from app://homeward; file:// needs none of its old extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The fuses Homeward relies on, by name, with the state each must have. */
export function requiredFuseStates() {
  const states = {};
  for (const [key, value] of Object.entries(homewardFuses)) {
    if (key === 'version') continue;
    states[FuseV1Options[Number(key)]] = value ? 'enabled' : 'disabled';
  }
  return states;
}

/** Reads a binary's fuses back as { name: 'enabled' | 'disabled' | … }. */
export async function readFuses(binary) {
  const wire = await getCurrentFuseWire(binary);
  const states = {};
  for (const [key, value] of Object.entries(wire)) {
    if (key === 'version') continue;
    const name = FuseV1Options[Number(key)] ?? `fuse${key}`;
    states[name] = value === 49 ? 'enabled' : value === 48 ? 'disabled' : value === 114 ? 'removed' : String(value);
  }
  return states;
}

/** The fuses that are not as Homeward requires, as ["Name: is x, must be y"]. */
export function fuseProblems(states) {
  const problems = [];
  for (const [name, wanted] of Object.entries(requiredFuseStates())) {
    if (states[name] !== wanted) problems.push(`${name}: is ${states[name] ?? 'missing'}, must be ${wanted}`);
  }
  return problems;
}

/** Flips the fuses on a packaged Electron executable, then reads them back; throws if any is wrong. */
export async function applyHomewardFuses(binary, { platform = process.platform } = {}) {
  await flipFuses(binary, { ...homewardFuses, resetAdHocDarwinSignature: platform === 'darwin' });
  const problems = fuseProblems(await readFuses(binary));
  if (problems.length > 0) throw new Error(`fuses not applied to ${binary}: ${problems.join('; ')}`);
  return readFuses(binary);
}
