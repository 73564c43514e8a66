// Assessment forms are templates stored as data, which a supervisor adapts on screen: the
// supervisor adds a question (English and French wording) to the Child Status Index and saves a
// second version; a save made on a stale version is refused and the newest version reloads; a case
// worker is offered no editor and the route refuses them.
import { expect, test } from './fixtures';
import { expectNoSeriousViolations, setUpOffice, signIn, signOut } from './casework-kit';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

test('a supervisor adds a question to a form and saves version 2; a case worker cannot edit forms', async ({ app: page, bridge }) => {
  test.setTimeout(120_000);
  await setUpOffice(bridge);
  await signIn(page, 'supervisor');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Assessment forms' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment forms' })).toBeVisible();
  const csiRow = page.getByRole('row', { name: /Child Status Index/ });
  await expect(csiRow).toContainText('Version 1');
  await csiRow.getByRole('link', { name: 'Child Status Index (well-being)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit: Child Status Index (well-being)' })).toBeVisible();
  await expect(page.getByText(/Saving makes a new version for new assessments; completed assessments keep/)).toBeVisible();

  const domain = page.getByRole('group', { name: 'Domain 1: Food and nutrition' });
  await domain.getByRole('button', { name: 'Add a question to Food and nutrition' }).click();
  const question = domain.getByRole('group', { name: 'Question 3', exact: true });
  const wording = question.getByRole('group', { name: 'Wording' });
  const english = wording.getByRole('textbox', { name: 'English', exact: true });
  await expect(english).toBeFocused(); // focus lands in the new question
  await expect(wording.getByText('missing translation')).toHaveCount(0); // nothing to translate yet
  await english.fill('Meals eaten yesterday');
  await expect(wording.getByText('missing translation')).toHaveCount(4);
  await wording.getByRole('textbox', { name: 'Français', exact: true }).fill('Repas pris hier');
  await expect(wording.getByText('missing translation')).toHaveCount(3);
  await question.getByLabel('Type of answer').selectOption('yes_no');
  await question.getByLabel('An answer is required to complete').check();

  await expectNoSeriousViolations(page, 'assessment form editor');

  // English is required: an emptied title is refused on the spot, in words.
  const title = page.getByRole('group', { name: 'Title of the form' }).getByRole('textbox', { name: 'English', exact: true });
  await title.fill('');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('group', { name: 'Title of the form' }).getByText('This field is required.')).toBeVisible();
  await expect(title).toBeFocused();
  await title.fill('Child Status Index (well-being)');

  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment forms' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Child Status Index/ })).toContainText('Version 2');
  await expect(page.getByRole('row', { name: /Child Status Index/ })).toContainText('Sofia Mendes');

  // The new version holds the question, in English and French.
  await page.getByRole('link', { name: 'Child Status Index (well-being)' }).click();
  const saved = page.getByRole('group', { name: 'Domain 1: Food and nutrition' }).getByRole('group', { name: 'Question 3', exact: true });
  await expect(saved.getByRole('group', { name: 'Wording' }).getByRole('textbox', { name: 'English', exact: true })).toHaveValue('Meals eaten yesterday');
  await expect(saved.getByRole('group', { name: 'Wording' }).getByRole('textbox', { name: 'Français', exact: true })).toHaveValue('Repas pris hier');
  await expect(page.getByText(/You are editing version 2\./)).toBeVisible();

  // Someone else saves version 3 meanwhile: this save is refused, and the newest version reloads.
  const listed = await bridge.call('assessments.templates', {});
  const csi = (listed.value as { key: string; kind: string; title: unknown; definition: unknown; version: number }[]).find((tpl) => tpl.key === 'csi')!;
  const other = await bridge.call('assessments.saveTemplate', { key: csi.key, kind: csi.kind, title: csi.title, definition: csi.definition, basedOnVersion: csi.version });
  expect(other.ok).toBe(true);
  await saved.getByRole('group', { name: 'Wording' }).getByRole('textbox', { name: 'Español', exact: true }).fill('Comidas de ayer');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText('Someone saved a newer version')).toBeVisible();
  await page.getByRole('button', { name: 'Reload the newest version' }).click();
  await expect(page.getByText(/You are editing version 3\./)).toBeVisible();
  await signOut(page);

  // A case worker has no link to the forms, and the route refuses them.
  await signIn(page, 'worker');
  await expect(page.getByRole('link', { name: 'Assessment forms' })).toHaveCount(0);
  await page.goto(page.url().replace(/#.*$/, '#/assessment-forms/csi'));
  await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'English', exact: true })).toHaveCount(0);
});
