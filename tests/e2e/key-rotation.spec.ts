// Key rotation through the real renderer: the administrator confirms, the Security page shows a
// progress bar while the office is locked, another browser's call meets the translated
// "office is locked" message, and the rotation ends with its confirmation.
import path from 'node:path';
import { openRaw } from '../../electron/core/db/open';
import { Vault } from '../../electron/core/vault/vault';
import { expect, test } from './fixtures';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

const password = 'correct horse battery staple';

test('rotating the data key shows its progress, locks the office meanwhile and confirms the end', async ({ app: page, bridge }) => {
  test.slow();
  const setup = await bridge.call('session.setupOffice', {
    office: { name: 'Gulu District Office', code: 'GUL-01', country: 'UG', defaultLanguage: 'en' },
    admin: { username: 'okello', displayName: 'Okello James', password },
  });
  expect(setup.ok).toBe(true);
  const { recoveryKey } = (setup as { ok: true; value: { recoveryKey: string } }).value;

  // About 120 MB of autosaved drafts, written with the key the recovery slot unwraps (the
  // database is closed until someone signs in), so the copy lasts long enough to be watched.
  const [current] = await new Vault(path.join(bridge.dataDir, 'homeward.keys.json')).unlockWithRecoveryKey(recoveryKey);
  const raw = openRaw({ file: path.join(bridge.dataDir, 'homeward.db'), key: current.dataKey });
  const userId = raw.prepare('SELECT id FROM users LIMIT 1').pluck().get() as string;
  const insert = raw.prepare('INSERT INTO drafts (user_id, key, data, saved_at) VALUES (?, ?, ?, ?)');
  raw.transaction(() => {
    for (let i = 0; i < 60_000; i += 1) insert.run(userId, `bulk-${i}`, 'z'.repeat(2000), '2026-01-01T00:00:00.000Z');
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();

  await page.reload();
  await page.getByLabel('Username').fill('okello');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users and roles' })).toBeVisible();
  await page.getByRole('link', { name: 'Security' }).click();
  await page.getByRole('button', { name: 'Rotate the data key…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Rotate now' }).click();

  const bar = page.getByRole('progressbar', { name: /Key rotation in progress/ });
  await expect(bar).toBeVisible();
  await expect(page.getByText('The office is locked for everyone until it finishes.')).toBeVisible();
  // Meanwhile another browser sees why the office is locked, and its calls are refused.
  const status = await bridge.call('session.status', {});
  expect((status.value as { maintenance: { kind: string } | null }).maintenance?.kind).toBe('keyRotation');
  expect((await bridge.call('session.login', { username: 'okello', password })).error?.code).toBe('OFFICE_BUSY');

  await expect(page.getByText(/The data key was rotated on .*; 2 key slots were re-wrapped\./)).toBeVisible({ timeout: 120_000 });
  await expect(bar).toHaveCount(0);
  await page.getByRole('link', { name: 'Users and roles' }).click();
  await expect(page.getByRole('row', { name: /Okello James/ })).toBeVisible();
});
