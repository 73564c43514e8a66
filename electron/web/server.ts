// Node-only. `npm run web`: runs Homeward in the system browser. Reads HOMEWARD_DATA_DIR,
// HOMEWARD_PORT, HOMEWARD_NO_OPEN / CI; prints the launch link as `Homeward browser mode: <url>`
// (tests read that exact line); stops cleanly on SIGINT/SIGTERM.
//
// A link works once, for a minute. Enter in this terminal prints (and opens) a fresh one. A second
// `npm run web` does not get one: handing links to another process would need a secret on disk or
// a socket any program of this OS account could ask, and the terminal that started Homeward is
// already the one channel only its user holds. So the second launch points there instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/core';
import { chromiumPrintToPdf, findChromium } from '../core/print/chromium';
import { startWebBridge } from './bridge';
import { defaultDataDir } from './data-dir';
import { acquireInstanceLock } from './instance-lock';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => console.log('(Could not open a browser by itself: open the link above.)'));
    child.unref();
  } catch {
    console.log('(Could not open a browser by itself: open the link above.)');
  }
}

function parsePort(value: string | undefined): number {
  if (!value) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`HOMEWARD_PORT is not a port: ${value}`);
  return port;
}

async function main(): Promise<number> {
  const dataDir = path.resolve(process.env.HOMEWARD_DATA_DIR || defaultDataDir());
  const rendererDir = path.resolve(process.env.HOMEWARD_RENDERER_DIR || path.join(repoRoot, 'out', 'renderer'));
  const shouldOpen = !process.env.HOMEWARD_NO_OPEN && !process.env.CI;

  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (${rendererDir}/index.html is missing). Run: npm run build`);
    return 1;
  }

  const locked = acquireInstanceLock(dataDir, 'web');
  if (!locked.acquired) {
    const { owner } = locked;
    if (owner.mode === 'web') {
      console.log(`Homeward is already running in browser mode (process ${owner.pid}) on ${dataDir}.`);
      console.log('Its links work once each: press Enter in the terminal where it runs, and it opens a new one.');
      return 0;
    }
    console.error(
      `Homeward is already running (${owner.mode === 'electron' ? 'desktop app' : 'browser mode'}, process ${owner.pid}) ` +
        `on ${dataDir}. Close it first. If it is not running, delete ${locked.file}.`,
    );
    return 1;
  }
  const { lock } = locked;

  // PDFs (case summaries, the family's copy, referral slips) come from the system's Chromium here;
  // without one, those buttons answer PDF_UNAVAILABLE and nothing else changes.
  const chromium = findChromium();
  if (!chromium) console.error('No Chromium found (set HOMEWARD_CHROMIUM): PDFs cannot be made in browser mode.');
  const core = createCore({
    dataDir,
    log: (message, error) => console.error(message, error ?? ''),
    printToPdf: chromium ? chromiumPrintToPdf(chromium) : undefined,
  });
  let bridge;
  try {
    bridge = await startWebBridge({ core, rendererDir, port: parsePort(process.env.HOMEWARD_PORT) });
  } catch (error) {
    core.close();
    lock.release();
    throw error;
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Homeward browser mode stopping (${signal}).`);
    bridge
      .close()
      .catch(() => undefined)
      .finally(() => {
        core.close();
        lock.release();
        process.exit(0);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('exit', () => lock.release());

  console.log(`Homeward data folder: ${dataDir}`);
  console.log(`(ready ${Math.round(performance.now())} ms after launch. The link below works once, within a minute;`);
  console.log(' press Enter here for a new one. Keep this terminal open; Ctrl+C stops Homeward.)');
  // The one line a person needs comes last.
  console.log(`Homeward browser mode: ${bridge.launchUrl}`);
  if (shouldOpen) openInBrowser(bridge.launchUrl);
  // Enter: a fresh one-time link (and the browser opened on it). With no terminal (stdin closed)
  // the interface simply ends.
  const input = readline.createInterface({ input: process.stdin });
  input.on('line', () => {
    if (stopping) return;
    const url = bridge.newLaunchUrl();
    console.log(`Homeward browser mode: ${url}`);
    if (shouldOpen) openInBrowser(url);
  });
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error('Homeward browser mode could not start:', error);
    process.exit(1);
  },
);
