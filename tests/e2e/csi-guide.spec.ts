// The Child Status Index's score guide while scoring: under each factor a closed "Score guide"
// the keyboard reaches straight from the factor's scale; opened with Enter it says what each score
// looks like and how to read the factor by age, the child's own age band marked in words. The open
// guide is axe-clean, and closes again with the keyboard. Set-up that is not under test goes
// through the bridge.
import { expect, test, type Bridge } from './fixtures';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn } from './casework-kit';

async function ok<T = { id: string }>(bridge: Bridge, channel: string, input: unknown = {}): Promise<T> {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

test('the worker reads a factor’s score guide beside its scale, by keyboard, with the child’s age band marked', async ({ app: page, bridge }) => {
  test.setTimeout(120_000);
  await setUpOffice(bridge);
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  const kase = await ok(bridge, 'cases.register', {
    child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 10, separationReasons: ['poverty'], area: 'Kisumu' },
  });
  await ok(bridge, 'session.logout');
  await signIn(page, 'worker');
  await page.goto(`${page.url().split('#')[0]}#/cases/${kase.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
  await page.getByRole('tablist', { name: 'Parts of the case file' }).getByRole('tab', { name: /^Assessments/ }).click();
  await page.getByLabel('Assessment form').selectOption({ label: 'Child Status Index (well-being)' });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Child Status Index (well-being)' });

  // Closed, the guide is one line under the factor: the descriptions are not in the way.
  const guide = dialog.locator('details').filter({ has: page.locator('summary', { hasText: 'Food security' }) });
  const summary = guide.locator('summary');
  await expect(summary).toHaveText('Score guide: Food security');
  const best = 'The child has enough food every day, at regular meals.';
  await expect(dialog.getByText(best)).toBeHidden();

  // From the factor's scale, Tab reaches its guide; Enter opens it.
  await dialog.getByRole('group', { name: /^Food security/ }).getByRole('radio', { name: '3 · Fair' }).check();
  await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(guide.getByText(best)).toBeVisible();
  await expect(guide.getByRole('term').first()).toHaveText('1 · Very bad');
  await expect(guide.getByText('5 to 12 (this child’s age)')).toBeVisible();
  await expect(guide.getByText('Under 5', { exact: true })).toBeVisible();
  // Each factor has its own: the protection factors describe their own scores.
  await expect(dialog.locator('summary', { hasText: 'Abuse and exploitation' })).toHaveCount(1);
  await expectNoSeriousViolations(page, 'CSI form with a score guide open');

  await page.keyboard.press('Enter');
  await expect(guide.getByText(best)).toBeHidden();
  await expect(summary).toBeFocused();
});
