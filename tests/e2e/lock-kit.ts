// The lock tests' steps: lock AT ONCE after typing (no pause: the draft's own 0.6 s debounce has not
// fired yet), by the shortcut, a dialog's Lock button or the top bar's; and unlock again.
import type { Locator, Page } from '@playwright/test';
import { expect, type Bridge } from './fixtures';
import { password } from './casework-kit';

export type LockBy = 'shortcut' | 'dialog' | 'topbar';

export async function lockAtOnce(page: Page, by: LockBy, dialog?: Locator) {
  if (by === 'shortcut') await page.keyboard.press('Control+Shift+L');
  else if (by === 'dialog') await dialog!.getByRole('button', { name: 'Lock', exact: true }).click();
  else await page.getByRole('banner').getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Homeward is locked' })).toBeVisible();
}

export async function unlock(page: Page) {
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // The key derivation (Argon2id, 128 MiB) is slow on a busy machine.
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible({ timeout: 30_000 });
}

/** The signed-in person's saved draft under `key` (null when there is none), read from the core. */
export async function savedDraft(bridge: Bridge, key: string): Promise<unknown> {
  const result = await bridge.call('drafts.get', { key });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.value;
}
