// Shared e2e fixtures. Import { test, expect } from here instead of @playwright/test.
//
//   bridge  a browser-mode server of its own (random port, fresh temp data folder, the real KDF),
//           started as `npm run web` would start it; `bridge.call(channel, input)` talks to its API
//           directly (for set-up steps; note it shares the page's one session). Launch links work
//           once: `bridge.launchUrl` is the page's; `bridge.newLaunchUrl()` asks for another the
//           way a person does (Enter in the server's terminal).
//   app     a Page already past the bridge's launch link, showing the app at `/`. In the `electron`
//           project (HOMEWARD_E2E_ELECTRON=1) it is the desktop app's window instead, on a data
//           folder of its own; those tests skip where no Electron binary is installed.
import { test as base, expect, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBlockedReason, findElectronBinary } from '../../scripts/start.mjs';
import { electronNativeBindingPath } from '../../scripts/native-electron.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const launchLines = /^Homeward browser mode: (http:\/\/\S+)$/gm;

export interface Bridge {
  /** A one-time link, kept for the `app` fixture's page. */
  launchUrl: string;
  /** Another one-time link (another browser context, or a second visit). */
  newLaunchUrl(): Promise<string>;
  origin: string;
  /** The session cookie `call` uses (obtained through a launch link of its own). */
  cookie: string;
  dataDir: string;
  /** Everything the server printed so far (for debugging a failing test). */
  output(): string;
  /** POST /api/<channel> with the bridge's cookie; returns the Result. */
  call(channel: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  stop(): Promise<void>;
}

export async function startBridge(options: { dataDir?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Bridge> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-e2e-'));
  const ownsDataDir = !options.dataDir;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'electron', 'web', 'server.ts')], {
    cwd: repoRoot,
    env: { ...process.env, HOMEWARD_DATA_DIR: dataDir, HOMEWARD_PORT: '0', HOMEWARD_NO_OPEN: '1', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

  let seen = 0;
  const nextLink = () =>
    new Promise<string>((resolve, reject) => {
      const wanted = seen + 1;
      const timer = setTimeout(() => reject(new Error(`browser mode printed no link in time:\n${output}`)), options.timeoutMs ?? 30_000);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`browser mode exited with ${code}:\n${output}`));
      };
      const check = () => {
        const links = [...output.matchAll(launchLines)].map((m) => m[1]!);
        if (links.length >= wanted) {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          child.off('exit', onExit);
          seen = wanted;
          resolve(links[wanted - 1]!);
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', onExit);
      check();
    });
  const newLaunchUrl = () => {
    const link = nextLink();
    child.stdin!.write('\n');
    return link;
  };

  const launchUrl = await nextLink();
  const origin = new URL(launchUrl).origin;
  // The API helper is a browser of its own: it spends a link and keeps the cookie it gets.
  const exchanged = await fetch(await newLaunchUrl(), { redirect: 'manual' });
  const cookie = /^hw_token=([^;]+);/.exec(exchanged.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`the launch link gave no cookie (${exchanged.status}):\n${output}`);

  return {
    launchUrl,
    newLaunchUrl,
    origin,
    cookie,
    dataDir,
    output: () => output,
    async call(channel, input = {}) {
      const response = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `hw_token=${cookie}`, Origin: origin },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Awaited<ReturnType<Bridge['call']>>;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (ownsDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function electronNativeBinding(): string {
  const version = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string;
  return electronNativeBindingPath(repoRoot, version);
}

/** Why the desktop app cannot run here, or null. (`npm start` once builds the native binding.) */
function electronUnavailable(): string | null {
  if (!findElectronBinary(repoRoot)) return 'no Electron binary on this machine';
  const blocked = electronBlockedReason();
  if (blocked) return blocked;
  if (!fs.existsSync(electronNativeBinding())) return 'no Electron build of the SQLite module (run npm start once)';
  return null;
}

async function launchElectron(dataDir: string): Promise<ElectronApplication> {
  return _electron.launch({
    executablePath: findElectronBinary(repoRoot)!,
    args: [repoRoot],
    env: { ...process.env, HOMEWARD_DATA_DIR: dataDir, HOMEWARD_NATIVE_BINDING: electronNativeBinding() } as Record<string, string>,
  });
}

export const test = base.extend<{ bridge: Bridge; app: Page }>({
  bridge: async ({}, use) => {
    const bridge = await startBridge();
    await use(bridge);
    await bridge.stop();
  },
  app: async ({ page, bridge }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const unavailable = electronUnavailable();
      test.skip(unavailable !== null, unavailable ?? '');
      const electronApp = await launchElectron(bridge.dataDir + '-electron');
      try {
        await use(await electronApp.firstWindow());
      } finally {
        await electronApp.close();
        fs.rmSync(bridge.dataDir + '-electron', { recursive: true, force: true });
      }
      return;
    }
    await page.goto(bridge.launchUrl);
    await use(page);
  },
});

export { expect };
