// The foundation's journey on a shared office PC, through the real renderer in browser mode:
// first-run setup → an administrator creates a case worker → log out → the case worker signs in
// → the case worker's first sign-in asks for a password of her own → lock → unlock → switch user →
// a wrong password shows the translated error.
import { expect, test } from './fixtures';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

const admin = { username: 'grace', name: 'Grace Achieng', password: 'correct horse battery staple' };
const worker = { username: 'wanjiru', name: 'Wanjiru Kamau', given: 'handed over on paper 41', password: 'river-lantern-quietly-42' };

test('first-run setup, staff creation, sign-in, lock, unlock, switch user and a wrong password', async ({ app: page }) => {
  test.slow(); // Several real Argon2id unlocks.

  // Setup, step 1: the office.
  await expect(page.getByRole('heading', { name: 'Set up Homeward' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('This field is required.').first()).toBeVisible();
  await page.getByLabel('Office name').fill('Kisumu District Social Welfare Office');
  await page.getByLabel('Office code').fill('ksm-01');
  await page.getByLabel('Country').fill('ke');
  await expect(page.getByText('Country: Kenya')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Step 2: the first administrator, with live feedback on the password policy.
  await page.getByLabel('Full name').fill(admin.name);
  await page.getByLabel('Username').fill(admin.username);
  await page.getByLabel('Password', { exact: true }).fill('password123');
  await page.getByLabel('Repeat the password').fill('password123');
  await page.getByRole('button', { name: 'Create the office' }).click();
  await expect(page.getByText('Use at least 12 characters, or a passphrase of four or more words.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Repeat the password').fill(admin.password);
  await expect(page.getByRole('list', { name: 'Password requirements' }).getByRole('listitem').filter({ hasText: '(met)' })).toHaveCount(4);
  await page.getByRole('button', { name: 'Create the office' }).click();

  // Step 3: the recovery key, shown once, printed (never written to Downloads), and acknowledged.
  const key = page.getByTestId('recovery-key');
  await expect(key).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/, { timeout: 20_000 });
  const recoveryKey = (await key.textContent())!;
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await expect(page.getByRole('button', { name: 'Save to a file' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Print the recovery key' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.getByText('The print dialog opened with a sheet for this key.')).toBeVisible();
  // On paper: the key, the office and how to use it — and nothing else of the screen.
  const sheet = page.getByTestId('recovery-print-sheet');
  await expect(sheet).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(recoveryKey);
  await expect(sheet).toContainText('Kisumu District Social Welfare Office (KSM-01)');
  await expect(page.getByRole('button', { name: 'Continue to sign in' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  expect(downloads).toBe(0);
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  await expect(page.getByText('Confirm that you have stored the recovery key before continuing.')).toBeVisible();
  await page.getByLabel('I have stored the recovery key safely').check();
  await page.getByRole('button', { name: 'Continue to sign in' }).click();

  // The administrator signs in and lands in Administration (no case sections for this role; Reports
  // shows whether a supervisor granted them the office's figures).
  await signIn(page, admin.username, admin.password);
  await expect(page.getByRole('heading', { name: 'Users and roles', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link')).toHaveText(['Reports', 'Administration']);

  // …and creates a case worker.
  await page.getByRole('button', { name: 'Add a user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Full name').fill(worker.name);
  await dialog.getByLabel('Username').fill(worker.username);
  await dialog.getByLabel('Role').selectOption('caseworker');
  await dialog.getByLabel('First password').fill(worker.given);
  await dialog.getByLabel('Repeat the password').fill(worker.given);
  await dialog.getByRole('button', { name: 'Add the user' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  const row = page.getByRole('row', { name: new RegExp(worker.name) });
  await expect(row).toContainText('Case worker');
  await expect(row).toContainText('Active');

  // Locking hides everything: the user list is gone from the page, not just covered.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Homeward is locked' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(worker.name);
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('row', { name: new RegExp(worker.name) })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // The case worker signs in with the password the administrator gave her: before anything else she
  // chooses her own (the administrator knows the first one). Keeping it is refused.
  await signIn(page, worker.username, worker.given);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your own password' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.getByLabel('The password you were given').fill(worker.given);
  await page.getByLabel('New password', { exact: true }).fill(worker.given);
  await page.getByLabel('Repeat the password').fill(worker.given);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('The new password must differ from the current one.')).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(worker.password);
  await page.getByLabel('Repeat the password').fill(worker.password);
  await page.getByRole('button', { name: 'Change password' }).click();

  // Then the app: case sections, no Administration.
  await expect(nav.getByRole('link', { name: /^Cases/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Your account' })).toContainText(worker.name);
  const workerPage = page.url();
  const workerHeading = (await page.getByRole('heading', { level: 1 }).textContent())!;

  // Lock, then unlock with the password: the session carries on.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Homeward is locked' })).toBeVisible();
  await expect(page.getByText(`${worker.name} (${worker.username}) is signed in.`)).toBeVisible();
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('The password is not correct.');
  await page.getByLabel('Password').fill(worker.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Back where they were.
  await expect(page.getByRole('heading', { level: 1, name: workerHeading })).toBeVisible();
  expect(page.url()).toBe(workerPage);

  // Lock again and switch user: the session ends and the sign-in screen is back.
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('button', { name: 'Switch user' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(worker.name);

  // A wrong password shows the translated error, not the core's English.
  await signIn(page, worker.username, 'wrong password entirely');
  await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByLabel('Password')).toBeFocused();
});

async function signIn(page: import('@playwright/test').Page, username: string, password: string) {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
