// The duplicate check across workers: a case worker registering a child that another worker's case
// likely holds sees only that a match exists (number, area, worker, strength) and asks a
// supervisor; the supervisor sees the question in My work, with the child, and settles it.
import type { Page } from '@playwright/test';
import { expect, test, type Bridge } from './fixtures';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn, signOut } from './casework-kit';

test.use({ locale: 'en-US', viewport: { width: 1366, height: 900 } });

const second = { username: 'baraka', displayName: 'Baraka Otieno', role: 'caseworker' as const };

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A second case worker past her first sign-in, and a case of the first worker's. */
async function twoWorkersAndACase(bridge: Bridge): Promise<void> {
  await setUpOffice(bridge);
  const given = `${password} given`;
  await ok(bridge, 'session.login', { username: people.admin.username, password });
  await ok(bridge, 'admin.createUser', { ...second, password: given });
  await ok(bridge, 'session.logout');
  await ok(bridge, 'session.login', { username: second.username, password: given });
  await ok(bridge, 'session.changePassword', { currentPassword: given, newPassword: password });
  await ok(bridge, 'session.logout');
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  await ok(bridge, 'cases.register', {
    child: {
      givenName: 'Nyokabi',
      familyName: 'Wambui',
      otherNames: ['Kabi'],
      sex: 'female',
      estimatedAgeYears: 9,
      separationReasons: ['poverty'],
      separationPlace: 'Kibera, near the chief’s camp',
      area: 'Nairobi West',
    },
  });
  await ok(bridge, 'session.logout');
}

async function signInAs(page: Page, username: string): Promise<void> {
  await page.goto(page.url().split('#')[0] + '#/');
  await page.reload();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

test('another worker’s likely duplicate shows no child details, and a supervisor is asked and answers', async ({ app: page, bridge }) => {
  test.setTimeout(180_000);
  await twoWorkersAndACase(bridge);

  await signInAs(page, second.username);
  await page.getByRole('link', { name: 'Register a child' }).click();
  await page.getByLabel('Given name').fill('Nyokabi');
  await page.getByLabel('Family name').fill('Wambui');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('Estimated age (years)').fill('10');
  const duplicates = page.getByRole('region', { name: /already registered\? One possible match/ });
  await expect(duplicates).toBeVisible();
  const match = duplicates.getByRole('group', { name: /^Match 1: case KSM-/ });
  await expect(match).toContainText('Nairobi West');
  await expect(match).toContainText(people.worker.displayName);
  await expect(match).toContainText(/Likeness \d+%/);
  // Nothing of the child in the other case: no comparison table, no other names, no place.
  await expect(duplicates.getByRole('table')).toHaveCount(0);
  for (const hidden of ['Kabi', 'Kibera', 'Open case']) await expect(duplicates).not.toContainText(hidden);
  await expectNoSeriousViolations(page, 'registration with a match outside the worker’s cases');

  await match.getByRole('button', { name: 'Ask a supervisor to compare' }).click();
  const note = match.getByLabel('Note for the supervisor');
  await expect(note).toHaveValue(/^Registering Nyokabi Wambui, /);
  await note.fill('Registering Nyokabi Wambui, about 10, met at the Kawangware drop-in.');
  await match.getByRole('button', { name: 'Send to a supervisor' }).click();
  await expect(match.getByRole('status')).toHaveText('A supervisor was asked to compare this case with the child you are registering.');
  await expect(duplicates.getByText('You have decided on every match.')).toBeVisible();
  await page.getByLabel('Poverty').check();
  await page.getByRole('button', { name: 'Register the child' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nyokabi Wambui' })).toBeVisible();
  await signOut(page);

  // The supervisor's My work lists the question, with the existing case's child.
  await signIn(page, 'supervisor');
  const flags = page.getByRole('region', { name: 'Possible duplicates to compare' });
  await expect(flags.getByRole('listitem')).toHaveCount(1);
  await expect(flags).toContainText('Nyokabi Wambui');
  await expect(flags).toContainText(`Asked by ${second.displayName}`);
  await expect(flags).toContainText('met at the Kawangware drop-in');
  await expectNoSeriousViolations(page, 'my work with a duplicate question');
  await flags.getByRole('button', { name: 'Different children' }).click();
  await expect(flags.getByText('No case worker is waiting for a comparison.')).toBeVisible();
});
