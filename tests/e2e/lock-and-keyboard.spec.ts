// Auto-lock after idle, the lock screen on SESSION_LOCKED from any call, and keyboard use of the
// frame: skip link, dialogs that keep focus inside, close on Escape and give focus back.
import type { Page } from '@playwright/test';
import { expect, test, type Bridge } from './fixtures';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

const password = 'correct horse battery staple';

/** A set-up office with its administrator signed in (through the page's own session). */
async function signedInAdmin(page: Page, bridge: Bridge) {
  const setup = await bridge.call('session.setupOffice', {
    office: { name: 'Mombasa Children Office', code: 'MSA-03', country: 'KE', defaultLanguage: 'en' },
    admin: { username: 'halima', displayName: 'Halima Said', password },
  });
  expect(setup.ok).toBe(true);
  const login = await bridge.call('session.login', { username: 'halima', password });
  expect(login.ok).toBe(true);
}

test('the session locks itself after the office’s idle minutes, and activity postpones it', async ({ page, bridge }) => {
  await page.clock.install();
  await page.goto(bridge.launchUrl);
  await signedInAdmin(page, bridge);
  expect((await bridge.call('admin.updateSettings', { autoLockMinutes: 1 })).ok).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Users and roles' })).toBeVisible();

  await page.clock.fastForward('00:40');
  await page.keyboard.press('Shift'); // activity
  await page.clock.fastForward('00:40');
  await expect(page.getByRole('heading', { level: 1, name: 'Users and roles' })).toBeVisible();

  await page.clock.fastForward('00:30');
  await expect(page.getByRole('heading', { name: 'Homeward is locked' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Users and roles');
  const status = (await bridge.call('session.status', {})).value as { session: { locked: boolean } };
  expect(status.session.locked).toBe(true);
});

test('a call refused with SESSION_LOCKED shows the lock screen', async ({ app: page, bridge }) => {
  await signedInAdmin(page, bridge);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Users and roles' })).toBeVisible();
  // Locked elsewhere (another window, the OS going to sleep): the next call meets the lock.
  expect((await bridge.call('session.lock', {})).ok).toBe(true);
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Homeward is locked' })).toBeVisible();
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();

  // The audit log shows what happened, and its filters work on local days.
  const table = page.getByRole('table');
  await expect(table.getByRole('rowheader', { name: 'Locked', exact: true })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Unlocked', exact: true })).toBeVisible();
  const day = (offset: number) => {
    const date = new Date(Date.now() + offset * 86_400_000);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  };
  await page.getByLabel('From').fill(day(0));
  await page.getByLabel('To').fill(day(0));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(table.getByRole('rowheader', { name: 'Office set up' })).toBeVisible();
  await page.getByLabel('From').fill(day(1));
  await page.getByLabel('To').fill(day(1));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByLabel('Action').selectOption({ label: 'Failed sign-ins' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No entries match these filters.')).toBeVisible();
});

test('the frame and its dialogs work from the keyboard alone', async ({ app: page, bridge }) => {
  await signedInAdmin(page, bridge);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Users and roles' })).toBeVisible();

  // The skip link is the first stop and takes focus to the page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // A dialog opened from the keyboard keeps Tab inside, closes on Escape, and gives focus back.
  const opener = page.getByRole('button', { name: 'Add a user' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Full name')).toBeFocused();
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // Sections are reachable by keyboard and the new page gets focus.
  await page.getByRole('link', { name: 'Office settings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Office settings' })).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();
});
