// `npm run web`: Homeward in the system browser, through the loopback bridge (electron/web).
// Builds first when out/ is missing or stale (HOMEWARD_BUILD=1 forces it), then runs the server.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, repoRoot } from './lib/build.mjs';

/** Starts browser mode in a child process; resolves with its exit code. */
export function runBrowserMode({ root = repoRoot, env = process.env } = {}) {
  if (!ensureBuilt({ root })) {
    console.error('The build failed; browser mode cannot start.');
    return Promise.resolve(1);
  }
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'web', 'server.ts')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  // Pass signals on (Ctrl+C may reach the child twice, through the terminal too: it stops once).
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runBrowserMode();
}
