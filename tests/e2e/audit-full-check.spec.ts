// The full check of the audit chain on the audit page (issue 9): a supervisor or administrator
// starts it from the keyboard, it runs in the core's worker thread, and the result says the whole
// chain is intact — or which entry was changed, on an office whose log was edited with the data
// key outside the app. In English and in Arabic, axe-clean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createInProcessClient } from '../../electron/core/client';
import { generateOffice, seedPasswords } from '../../scripts/generator';
import { expectNoSeriousViolations, setUpOffice, signIn } from './casework-kit';
import { expect, startBridge, test } from './fixtures';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

async function startFullCheck(page: Page, name: RegExp) {
  const card = page.locator('section', { has: page.getByRole('heading', { name }) });
  const button = card.getByRole('button').last();
  await button.focus();
  await page.keyboard.press('Enter');
  return card;
}

test('an administrator checks the whole log in Arabic and sees it intact', async ({ app: page, bridge }) => {
  await setUpOffice(bridge, { language: 'ar' });
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'سجل التدقيق' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'سجل التدقيق' })).toBeVisible();
  const card = await startFullCheck(page, /فحص كامل للسجل/);
  await expect(card.getByRole('status')).toContainText('السلسلة كلها سليمة');
  await expect(card.getByRole('button', { name: 'فحص السجل كله مجددًا' })).toBeVisible();
  await expectNoSeriousViolations(page, 'audit log: full check done (ar)');
});

test('a supervisor finds where a log edited outside the app breaks', async ({ page }) => {
  test.slow();
  // A generated office with a few thousand audit entries, then an entry rewritten with the data key.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-e2e-audit-'));
  const office = await generateOffice({ dir: dataDir, cases: 150, seed: 3 });
  await createInProcessClient(office.core).ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
  const raw = office.core.store.get().raw;
  const entries = (raw.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
  expect(entries).toBeGreaterThan(1000);
  const edited = Math.floor(entries / 2);
  raw.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET username = 'someone-else' WHERE id = ${edited};`);
  office.core.close();

  const bridge = await startBridge({ dataDir });
  try {
    await page.goto(bridge.launchUrl);
    await page.getByLabel('Username').fill('supervisor1');
    await page.getByLabel(/^Password/).fill(seedPasswords.staff);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await page.goto(`${page.url().split('#')[0]}#/admin/audit`);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    const card = await startFullCheck(page, /Full check of the whole log/);
    const result = card.getByRole('alert');
    await expect(result).toContainText('The chain is broken', { timeout: 30_000 });
    await expect(result).toContainText(`Entry ${edited.toLocaleString('en')} was changed after it was written.`);
    await expectNoSeriousViolations(page, 'audit log: full check, chain broken');
  } finally {
    await bridge.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
