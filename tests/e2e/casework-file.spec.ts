// The case file's own actions and the case list at scale: drafts that survive leaving the form,
// halting and resuming with the child's views, editing with impossible dates and a concurrent
// change, reassignment by a supervisor — all on the timeline — and a list that keeps only the rows
// in view while it loads page after page.
import type { Page } from '@playwright/test';
import { expect, test, type Bridge } from './fixtures';
import { setUpOffice, signIn, signOut } from './casework-kit';
import { dayFromToday, openTab } from './casework-steps';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

/** Data set-up only (the register screen has its own test): a case created through the API. */
async function registerThroughApi(bridge: Bridge, givenName: string, familyName: string) {
  const result = await bridge.call('cases.register', {
    child: { givenName, familyName, sex: 'male', estimatedAgeYears: 12, separationReasons: ['migration'], area: 'Kisumu West' },
    notDuplicateOf: [],
  });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.value as { id: string; number: string };
}

const home = (page: Page) => page.url().replace(/#.*$/, '');

test('drafts survive leaving the form; a case is halted, resumed and edited, all on the timeline', async ({ app: page, bridge }) => {
  test.setTimeout(90_000);
  await setUpOffice(bridge);
  await signIn(page, 'worker');

  // Typing in the registration form is kept as a draft and comes back.
  await page.getByRole('link', { name: 'Register a child' }).click();
  await page.getByLabel('Given name').fill('Zawadi');
  await expect(page.getByText(/^Draft saved/)).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My work' }).click();
  await page.getByRole('link', { name: 'Register a child' }).click();
  await expect(page.getByText(/Your unfinished registration was restored/)).toBeVisible();
  await expect(page.getByLabel('Given name')).toHaveValue('Zawadi');
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByLabel('Given name')).toHaveValue('');

  // A child who went home alone: the case starts at follow-up, flagged high priority.
  await page.getByLabel('Given name').fill('Zawadi');
  await page.getByLabel('Family name').fill('Achieng');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('Date of birth', { exact: true }).fill('2013-06-14');
  await page.getByLabel('Placed in institutional care').check();
  await page.getByLabel("The child already went home without the agency's help").check();
  // How the child came home is required (issue 8): here, on their own.
  await page.getByLabel('How the child came home').selectOption('returned_alone');
  await page.getByLabel('Went home on').fill(dayFromToday(-3));
  await page.getByLabel('Caregivers', { exact: true }).fill('Her aunt, Rose Achieng');
  await expect(page.getByText('The priority will be raised to high.')).toBeVisible();
  await page.getByRole('button', { name: 'Register the child' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zawadi Achieng' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Stages of the case' }).locator('[aria-current="step"]')).toContainText('Follow-up');
  await expect(page.getByText('Priority: High')).toBeVisible();
  await expect(page.getByText('Spontaneous reunification', { exact: true })).toBeVisible();

  // Moving back a stage asks why.
  await page.getByRole('button', { name: 'Move back a stage…' }).click();
  const back = page.getByRole('dialog', { name: 'Move back to Contact and reunification' });
  await back.getByRole('button', { name: 'Move back to Contact and reunification' }).click();
  await expect(back.getByLabel('Why the case goes back')).toHaveAccessibleDescription(/This field is required/);
  await back.getByLabel('Why the case goes back').fill('The aunt asks for a supervised visit first.');
  await back.getByRole('button', { name: 'Move back to Contact and reunification' }).click();
  await expect(back).toBeHidden();
  await expect(page.getByRole('list', { name: 'Stages of the case' }).locator('[aria-current="step"]')).toContainText('Contact and reunification');
  await expect(page.getByRole('region', { name: "What's next" })).toContainText('No supervised home visit has succeeded yet.');

  const kase = await registerThroughApi(bridge, 'Baraka', 'Otieno');
  await page.goto(`${home(page)}#/cases/${kase.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Baraka Otieno' })).toBeVisible();

  // Halt: the alternative, why, and the child's views in the child's own words.
  await page.getByRole('button', { name: 'Halt reintegration…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Halt reintegration' });
  await dialog.getByRole('radio', { name: /Temporary alternative care/ }).check();
  await dialog.getByLabel("Why reintegration is not in the child's best interests").fill('The father returned and threatened the child.');
  await dialog.getByLabel("The child's views, in the child's own words").fill('I am afraid to go home while he is there.');
  await dialog.getByRole('button', { name: 'Halt reintegration' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Reintegration is halted: Temporary alternative care')).toBeVisible();
  // The button that opened the dialog is gone: focus lands on the child's name, not nowhere.
  await expect(page.getByRole('heading', { level: 1, name: 'Baraka Otieno' })).toBeFocused();
  await expect(page.getByRole('button', { name: /^Move to/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Resume reintegration…' }).click();
  dialog = page.getByRole('dialog', { name: 'Resume reintegration' });
  await dialog.getByLabel('Why reintegration can resume').fill('The father left the household; the mother has a protection order.');
  await dialog.getByRole('button', { name: 'Resume reintegration' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Reintegration is halted/)).toHaveCount(0);

  // Editing: an impossible date is refused on its field; a change made meanwhile asks to reload.
  await page.getByRole('button', { name: 'Edit the details' }).click();
  await page.getByLabel('Date of birth', { exact: true }).fill(dayFromToday(30));
  await page.getByRole('button', { name: 'Save the details' }).click();
  await expect(page.getByLabel('Date of birth', { exact: true })).toHaveAccessibleDescription(/This date is in the future\./);
  await page.getByLabel('Date of birth', { exact: true }).fill('2014-03-01');
  await page.getByLabel('Place of separation').fill('Busia border post');
  const meanwhile = await bridge.call('cases.get', { caseId: kase.id });
  const file = meanwhile.value as { version: number; child: Record<string, unknown> };
  expect((await bridge.call('cases.update', { caseId: kase.id, version: file.version, child: { ...file.child, carePlace: 'Transit centre, Busia' }, riskLevel: 'high', riskReason: 'The aunt reports threats from a neighbour', priority: 'normal' })).ok).toBe(true);
  await page.getByRole('button', { name: 'Save the details' }).click();
  await expect(page.getByText('Someone else changed this case')).toBeVisible();
  await page.getByRole('button', { name: 'Reload the case' }).click();
  await page.getByRole('button', { name: 'Edit the details' }).click();
  await page.getByLabel('Place of separation').fill('Busia border post');
  // Leaving the tab keeps the typing as a draft; editing again brings it back.
  await openTab(page, 'Timeline');
  await openTab(page, 'Overview');
  await page.getByRole('button', { name: 'Edit the details' }).click();
  await expect(page.getByText(/Your unsaved changes were restored/)).toBeVisible();
  await expect(page.getByLabel('Place of separation')).toHaveValue('Busia border post');
  await page.getByRole('button', { name: 'Save the details' }).click();
  await expect(page.getByText('The details were saved.')).toBeVisible();
  await expect(page.getByText('Busia border post')).toBeVisible();
  await expect(page.getByText('Risk: High')).toBeVisible();

  await openTab(page, 'Timeline');
  const timeline = page.getByRole('tabpanel');
  for (const event of ["Child's details changed", 'Reintegration resumed', 'Reintegration halted', 'Case registered']) {
    await expect(timeline.getByText(event, { exact: true }).first()).toBeVisible();
  }
  await expect(timeline.getByText('Temporary alternative care')).toBeVisible();
});

test('a supervisor reassigns a case, and the change shows on the timeline', async ({ app: page, bridge }) => {
  test.setTimeout(60_000);
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  const kase = await registerThroughApi(bridge, 'Baraka', 'Otieno');
  await signOut(page);
  await signIn(page, 'supervisor');
  await page.goto(`${home(page)}#/cases/${kase.id}`);
  await page.getByRole('button', { name: 'Reassign…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reassign the case' });
  await dialog.getByLabel('Case worker').selectOption({ label: 'Sofia Mendes' });
  await dialog.getByLabel('Family worker').selectOption({ label: 'Amani Wekesa' });
  await dialog.getByRole('button', { name: 'Reassign' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('The case is now assigned to Sofia Mendes.')).toBeVisible();
  await expect(page.getByText('Case worker', { exact: true }).locator('..')).toContainText('Sofia Mendes');
  await openTab(page, 'Timeline');
  const reassigned = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'Case reassigned' });
  await expect(reassigned).toContainText('Sofia Mendes');
  await expect(reassigned).toContainText('by Sofia Mendes');
});

test('the case list keeps only the rows in view in the page and loads more as it scrolls', async ({ app: page, bridge }) => {
  test.setTimeout(90_000);
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  for (let i = 1; i <= 130; i += 1) await registerThroughApi(bridge, `Child${String(i).padStart(3, '0')}`, 'Test');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^130 cases$/ })).toBeVisible();
  await page.getByLabel('Sort by').selectOption('number');
  await page.getByRole('button', { name: 'Descending' }).click();
  await expect(page).toHaveURL(/sort=number&dir=asc/);
  const rows = page.locator('tbody tr.case-table__row');
  await expect(rows.first()).toContainText('Child001 Test');
  expect(await rows.count()).toBeLessThan(40);

  // End moves to the last loaded row; scrolling on loads the next pages, 50 at a time.
  const table = page.getByRole('region', { name: 'Case list' });
  for (let i = 0; i < 12 && !(await page.getByRole('link', { name: 'Child130 Test' }).isVisible()); i += 1) {
    await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.waitForTimeout(250);
  }
  await expect(page.getByRole('link', { name: 'Child130 Test' })).toBeVisible();
  expect(await rows.count()).toBeLessThan(40);
  await expect(page.getByRole('link', { name: 'Child001 Test' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Child130 Test' }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('link', { name: 'Child001 Test' })).toBeFocused();
});
