// Node-only (no electron import). Where the Electron-ABI build of better-sqlite3 lives. The build in
// node_modules is for Node (tests, browser mode); Electron needs its own, kept in a separate folder
// so neither ever overwrites the other. scripts/native-electron.mjs builds it at the same path
// (a test checks that both agree).
import fs from 'node:fs';
import path from 'node:path';

export function electronNativeBindingPath(root: string, electronVersion: string, platform: string = process.platform, arch: string = process.arch): string {
  return path.join(root, 'native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

/**
 * The binding to pass to the core, or undefined to let better-sqlite3 find its own (a packaged app
 * whose module was rebuilt for Electron in place). The environment override is honoured only in
 * development: a packaged app must not load native code named by an environment variable.
 */
export function resolveNativeBinding(options: {
  appPath: string;
  electronVersion: string;
  isPackaged: boolean;
  env?: NodeJS.ProcessEnv;
}): string | undefined {
  const fromEnv = options.env?.HOMEWARD_NATIVE_BINDING;
  if (!options.isPackaged && fromEnv) return fromEnv;
  const candidate = electronNativeBindingPath(options.appPath, options.electronVersion);
  return fs.existsSync(candidate) ? candidate : undefined;
}
