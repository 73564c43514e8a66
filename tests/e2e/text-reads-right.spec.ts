// Small things a first office tripped over: the tracing result said twice in one cell, messages of
// an earlier page following the worker, and an administrator told to ask an administrator.
import { expect, test, type Bridge } from './fixtures';
import { setUpOffice, signIn, signOut } from './casework-kit';

test.use({ locale: 'en-US', viewport: { width: 1366, height: 900 }, actionTimeout: 15_000 });

async function registerThroughApi(bridge: Bridge) {
  const result = await bridge.call('cases.register', {
    child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 11, separationReasons: ['poverty'], area: 'Kisumu West' },
    notDuplicateOf: [],
  });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return (result.value as { id: string }).id;
}

test('the tracing log says "Family found" once in its result cell', async ({ app: page, bridge }) => {
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  const caseId = await registerThroughApi(bridge);
  const today = new Date().toISOString().slice(0, 10);
  // Tracing needs the caregiver's consent first.
  const consent = await bridge.call('consents.record', {
    caseId,
    consent: { givenBy: 'caregiver', giverName: 'Grace Odhiambo', relationship: 'mother', purposes: ['tracing'], method: 'verbal', date: today },
  });
  expect(consent.ok, JSON.stringify(consent.error)).toBe(true);
  const added = await bridge.call('tracing.add', {
    caseId,
    action: { date: new Date().toISOString().slice(0, 10), method: 'home_visit', place: 'Nyalenda B', personContacted: 'Grace (mother)', result: 'family_found' },
  });
  expect(added.ok, JSON.stringify(added.error)).toBe(true);
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}?tab=tracing`);
  const row = page.getByRole('table').getByRole('row').nth(1);
  await expect(row).toContainText('Family found');
  expect((await row.innerText()).match(/Family found/g)).toHaveLength(1);
});

test('a message of an earlier page does not follow the worker to the next one', async ({ app: page, bridge }) => {
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  const caseId = await registerThroughApi(bridge);
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}?tab=notes`);
  await page.getByRole('button', { name: 'Write a note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a note' });
  await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill('Met the aunt.');
  await dialog.getByRole('button', { name: 'Save note' }).click();
  const toast = page.getByRole('region', { name: 'Notifications' }).getByText('Note saved.');
  await expect(toast).toBeVisible();
  await page.waitForTimeout(1600);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My work' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  // Toasts otherwise stay six seconds: gone at once here.
  await expect(toast).toHaveCount(0, { timeout: 1000 });
});

test('an administrator opening a case is told why, not to ask an administrator', async ({ app: page, bridge }) => {
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  const caseId = await registerThroughApi(bridge);
  await signOut(page);
  await signIn(page, 'admin');
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}`);
  await expect(page.getByText(/Administrators manage the office, its users and its security/)).toBeVisible();
  await expect(page.getByText(/Ask your office administrator/)).toHaveCount(0);
});
