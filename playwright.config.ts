// End-to-end tests drive the real renderer through browser mode (electron/web) in Debian's
// Chromium: no Electron binary needed. Each test gets its own bridge and a fresh data folder
// (tests/e2e/fixtures.ts). HOMEWARD_E2E_ELECTRON=1 adds an `electron` project that runs the same
// specs in the desktop app where an Electron binary exists.
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import fs from 'node:fs';

const chromium = process.env.HOMEWARD_CHROMIUM ?? '/usr/bin/chromium';
const executablePath = fs.existsSync(chromium) ? chromium : undefined;

const projects: PlaywrightTestConfig['projects'] = [{ name: 'browser-mode' }];
if (process.env.HOMEWARD_E2E_ELECTRON === '1') projects.push({ name: 'electron', metadata: { transport: 'electron' } });

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  // On CI one retry absorbs a timing hiccup on a loaded 2-core machine; a retried test is still
  // reported as flaky in the summary, so it stays visible.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.HOMEWARD_E2E_REPORT ? [['list'], ['json', { outputFile: process.env.HOMEWARD_E2E_REPORT }]] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects,
});
