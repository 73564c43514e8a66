// Reflow (WCAG 1.4.10) and no sideways scroll: on a generated office with full case histories,
// every main page and every case-file tab fits the window without scrolling sideways — at 320 CSS
// px (400 % zoom of a 1280 px screen), at 640×400 (200 %), and at 1366×768 — in all five languages.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { caseTabs } from '../../shared/cases/stages';
import { expect, repoRoot, startBridge, test, type Bridge } from './fixtures';

const languages = ['en', 'fr', 'es', 'pt', 'ar'] as const;
const staffPassword = 'seeded district team passphrase';
const adminPassword = 'seeded office manager passphrase';

test.use({ locale: 'en-US' });

/** A generated office (`npm run seed`): cases in every stage, with family, tracing, plans, notes… */
function seedOffice(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-reflow-'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'seed.ts'), '--cases', '12', '--dir', dir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`seeding failed:\n${run.stdout}\n${run.stderr}`);
  return dir;
}

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** How far the page scrolls sideways, and which elements stick out past the window's edges. */
async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    if (root.scrollWidth > width) {
      const describe = (element: Element, box: DOMRect) =>
        `${element.tagName.toLowerCase()}.${String(element.className).split(" ").join(".")} "${(element.textContent ?? "").slice(0, 30)}" [${Math.round(box.left)}–${Math.round(box.right)}]`;
      const clipped = (element: Element) => {
        for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
          if (getComputedStyle(node).overflowX !== 'visible') return true;
        }
        return false;
      };
      const sticksOut = (element: Element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.right > width + 1 || box.left < -1) && !clipped(element);
      };
      // The innermost elements that stick out past the window's edges (their children do not).
      for (const element of Array.from(document.querySelectorAll('body *'))) {
        if (sticksOut(element) && !Array.from(element.children).some(sticksOut)) culprits.push(describe(element, element.getBoundingClientRect()));
      }
    }
    return { overflow: root.scrollWidth - width, culprits: culprits.slice(0, 8) };
  });
}

const viewports = [
  { name: '1366×768', width: 1366, height: 768 },
  { name: '320 CSS px (400 %)', width: 320, height: 640 },
  { name: '200 % (640×400)', width: 640, height: 400 },
];

let dataDir = '';
test.beforeAll(() => {
  dataDir = seedOffice();
});
test.afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

for (const language of languages) {
  test(`no page scrolls sideways, at 1366×768, 640×400 and 320 px (${language})`, async ({ page }) => {
    test.setTimeout(180_000);
    const bridge = await startBridge({ dataDir });
    try {
      await page.goto(bridge.launchUrl);
      await ok(bridge, 'session.login', { username: 'supervisor1', password: staffPassword });
      await ok(bridge, 'session.setLanguage', { language });
      const { rows } = (await ok(bridge, 'cases.list', { stages: ['follow_up'], limit: 1 })) as { rows: { id: string }[] };
      const caseId = rows[0]!.id;
      const base = page.url().replace(/#.*$/, '');
      const screens = [
        '#/work',
        '#/cases',
        '#/cases/new',
        '#/assessment-forms',
        ...caseTabs.map((tab) => `#/cases/${caseId}?tab=${tab}`),
      ];
      await page.goto(`${base}#/work`);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      const problems: string[] = [];
      for (const viewport of viewports) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        for (const screen of screens) {
          await page.goto(base + screen);
          await expect(page.locator('main h1').first()).toBeVisible();
          await expect(page.locator('.loading, [aria-busy="true"]')).toHaveCount(0);
          const { overflow, culprits } = await sidewaysOverflow(page);
          if (overflow > 0) problems.push(`${viewport.name} ${screen}: ${overflow} px — ${culprits.join(', ')}`);
        }
      }

      // The administrator's pages, and the sidebar folded into the menu button on a narrow window.
      await ok(bridge, 'session.logout');
      await ok(bridge, 'session.login', { username: 'admin', password: adminPassword });
      await ok(bridge, 'session.setLanguage', { language });
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(`${base}#/admin/users`);
      await page.reload();
      for (const viewport of viewports) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        for (const screen of ['#/admin/users', '#/admin/settings', '#/admin/security', '#/admin/audit']) {
          await page.goto(base + screen);
          await expect(page.locator('main h1').first()).toBeVisible();
          await expect(page.locator('.loading')).toHaveCount(0);
          const { overflow, culprits } = await sidewaysOverflow(page);
          if (overflow > 0) problems.push(`${viewport.name} ${screen}: ${overflow} px — ${culprits.join(', ')}`);
        }
      }
      const menu = page.locator('#app-menu-button');
      await expect(page.locator('#app-sidebar')).toBeHidden();
      await menu.click();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(page.locator('#app-sidebar .nav__link').first()).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(menu).toBeFocused();
      expect(problems).toEqual([]);
    } finally {
      await bridge.stop();
    }
  });
}
