// Backups in browser mode, through the real renderer: an administrator backs the office up to a
// folder typed on the Backups page (progress, then the backup in the list); a new computer (a
// second browser-mode server on an empty data folder) restores it from the first-run wizard with
// the recovery key, and the case worker signs in with their password and finds the case.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectNoSeriousViolations, password, people, signIn } from './casework-kit';
import { expect, startBridge, test, type Bridge } from './fixtures';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 900 } });

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
}

test('an administrator backs up to a folder; a new computer restores it and the case worker finds the case', async ({ app: page, bridge }) => {
  test.slow(); // Real Argon2id unlocks on two servers.
  const created = await ok(bridge, 'session.setupOffice', {
    office: { name: 'Kisumu District Office', code: 'KSM', country: 'KE', defaultLanguage: 'en' },
    admin: { username: people.admin.username, displayName: people.admin.displayName, password },
  });
  const recoveryKey = created.recoveryKey as string;
  await ok(bridge, 'session.login', { username: people.admin.username, password });
  await ok(bridge, 'admin.createUser', { ...people.worker, password });
  await ok(bridge, 'session.logout');
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  await ok(bridge, 'cases.register', {
    child: {
      givenName: 'Nyokabi',
      familyName: 'Wanjala',
      sex: 'female',
      dateOfBirth: '2013-05-02',
      separationReasons: ['poverty'],
      separationPlace: 'Kisumu bus park',
      area: 'Kisumu',
      careArrangement: 'transit_centre',
    },
  });
  await ok(bridge, 'session.logout');

  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-e2e-usb-'));
  let newPc: Bridge | null = null;
  try {
    // The administrator is reminded (no backup yet) and makes one on the Backups page.
    await signIn(page, 'admin');
    await expect(page.getByText('This office has no backup yet.')).toBeVisible();
    await page.getByRole('link', { name: 'Make a backup' }).click();
    await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
    await page.getByLabel('Backup folder').fill('not/absolute');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText(/This folder cannot be used for backups/)).toBeVisible();
    await page.getByLabel('Backup folder').fill(usb);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText('Backup complete', { exact: true })).toBeVisible({ timeout: 60_000 });
    const list = page.getByRole('table', { name: 'Complete backups of this office, newest first' });
    await expect(list.getByRole('row')).toHaveCount(2);
    await expect(page.getByText(/^Last backup:/)).toBeVisible();
    await expectNoSeriousViolations(page, 'Backups');

    const [name] = fs.readdirSync(usb).filter((n) => n.startsWith('homeward-backup-KSM-'));
    expect(fs.readdirSync(path.join(usb, name)).sort()).toEqual(['homeward.db', 'homeward.keys.json', 'manifest.json']);

    // A new computer: an empty data folder, the first-run wizard.
    newPc = await startBridge();
    await page.goto(newPc.launchUrl);
    await expect(page.getByRole('heading', { name: 'Set up Homeward' })).toBeVisible();
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await expect(page.getByRole('heading', { name: 'Restore an office' })).toBeVisible();
    await expectNoSeriousViolations(page, 'Restore from a backup');
    await page.getByLabel('Backup folder').fill(path.join(usb, name));
    await page.getByLabel('Office recovery key').fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: 'Check and restore' }).click();
    await expect(page.getByText('This recovery key is not valid for this office.')).toBeVisible({ timeout: 30_000 });
    await page.getByLabel('Office recovery key').fill(recoveryKey);
    await page.getByRole('button', { name: 'Check and restore' }).click();
    await expect(page.getByText('Office restored')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Go to sign-in' }).click();

    await signIn(page, 'worker');
    await page.goto(page.url().split('#')[0] + '#/cases');
    await expect(page.getByText(/Nyokabi/).first()).toBeVisible({ timeout: 20_000 });
  } finally {
    await newPc?.stop();
    fs.rmSync(usb, { recursive: true, force: true });
  }
});
