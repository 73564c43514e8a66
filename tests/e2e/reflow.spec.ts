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

/** Column headers whose text does not fit and is cut off (overflow hidden or an ellipsis). */
function clippedHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('main thead th, main thead th *'))
      .filter((th) => {
        const style = getComputedStyle(th);
        const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
        return clips && !th.closest('.visually-hidden') && th.getClientRects().length > 0 && th.scrollWidth > th.clientWidth + 1;
      })
      .map((th) => (th.textContent ?? '').trim()),
  );
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
          for (const header of await clippedHeaders(page)) problems.push(`${viewport.name} ${screen}: column header "${header}" is cut off`);
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
        for (const screen of ['#/admin/users', '#/admin/settings', '#/admin/practice', '#/admin/security', '#/admin/backups', '#/admin/audit']) {
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

test('a field reached with Tab is never hidden under the sticky top bar or form footer (register form)', async ({ page }) => {
  test.setTimeout(120_000);
  const bridge = await startBridge({ dataDir });
  try {
    await page.goto(bridge.launchUrl);
    await ok(bridge, 'session.login', { username: 'supervisor1', password: staffPassword });
    await ok(bridge, 'session.setLanguage', { language: 'en' });
    const base = page.url().replace(/#.*$/, '');
    const hidden: string[] = [];
    for (const viewport of [viewports[0], viewports[2], { name: '1280×600', width: 1280, height: 600 }]) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      await page.goto(`${base}#/cases/new`);
      await page.reload();
      await expect(page.locator('main h1').first()).toBeVisible();
      await page.locator('main input, main select, main textarea').first().focus();
      let visited = 0;
      for (let press = 0; press < 60; press += 1) {
        // Each text field, select or text area that has focus must be the thing under its own centre:
        // nothing sticky (top bar, form footer) may cover it.
        const verdict = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || !el.closest('main') || !el.matches('input:not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea')) return null;
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) return null;
          const probes = [
            [box.left + box.width / 2, box.top + 2],
            [box.left + box.width / 2, box.bottom - 2],
          ];
          const covered = probes.some(([x, y]) => {
            const top = document.elementFromPoint(x, y);
            return !top || !(top === el || el.contains(top) || top.contains(el));
          });
          return { covered, name: el.getAttribute('aria-label') ?? el.id ?? el.tagName };
        });
        if (verdict) {
          visited += 1;
          if (verdict.covered) hidden.push(`${viewport.name}: ${verdict.name}`);
        }
        await page.keyboard.press('Tab');
      }
      expect(visited, `fields reached at ${viewport.name}`).toBeGreaterThan(3);
    }
    expect(hidden).toEqual([]);
  } finally {
    await bridge.stop();
  }
});
