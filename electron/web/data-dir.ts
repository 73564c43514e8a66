// Node-only (no electron import). Where an office's data lives when nobody says otherwise. Browser
// mode uses the same folder as the desktop app (Electron's userData for the name "Homeward"), so an
// office that started in browser mode keeps its data once the desktop app runs; the instance lock
// keeps the two from opening it at once.
import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'Homeward';

/** Mirrors Electron's app.getPath('appData') for each platform. */
export function appDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA || path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  return path.join(appDataDir(platform, env, home), appFolderName);
}
