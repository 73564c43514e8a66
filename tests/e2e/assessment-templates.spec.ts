// Assessment forms are templates stored as data, which a supervisor adapts on screen. In the Child
// Status Index the six standard domains are shown locked (with why, and their score guides) and
// cannot be moved past; the supervisor adds a question (English and French wording) to the office's
// own "Family and community" domain and a domain of the office's own, and saves the next version; a
// save made on a stale version is refused and the newest version reloads; a forged change to a
// standard factor is refused by the core; a case worker is offered no editor and the route refuses them.
import { expect, test } from './fixtures';
import { expectNoSeriousViolations, setUpOffice, signIn, signOut } from './casework-kit';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

test('a supervisor adds a question and a domain beside the locked standard CSI factors and saves version 3; a case worker cannot edit forms', async ({ app: page, bridge }) => {
  test.setTimeout(120_000);
  await setUpOffice(bridge);
  await signIn(page, 'supervisor');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Assessment forms' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Assessment forms' })).toBeVisible();
  const csiRow = page.getByRole('row', { name: /Child Status Index/ });
  await expect(csiRow).toContainText('Version 2');
  await csiRow.getByRole('link', { name: 'Child Status Index (well-being)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit: Child Status Index (well-being)' })).toBeVisible();
  await expect(page.getByText(/Saving makes a new version for new assessments; completed assessments keep/)).toBeVisible();

  // The standard domains: shown, locked, and why; their factors carry their score guides.
  await expect(page.getByText(/The six Child Status Index domains and their twelve factors are standard/)).toBeVisible();
  const standard = page.getByRole('group', { name: 'Domain 3: Protection' });
  await expect(standard.getByText('Standard factors: locked')).toBeVisible();
  await expect(standard.getByRole('textbox')).toHaveCount(0);
  await expect(standard.getByRole('button')).toHaveCount(0);
  await standard.locator('summary', { hasText: 'Abuse and exploitation' }).click();
  await expect(standard.getByText(/Ask about work, sexual exploitation, early marriage/)).toBeVisible();
  await expect(page.getByText('The scale belongs to the standard Child Status Index: it is locked.')).toBeVisible();

  // The office's own domains follow the standard ones and cannot move above them.
  const domain = page.getByRole('group', { name: 'Domain 7: Family and community' });
  await expect(domain.getByRole('button', { name: 'Move up (domain 7)' })).toBeDisabled();
  await domain.getByRole('button', { name: 'Add a question to Family and community' }).click();
  const question = domain.getByRole('group', { name: 'Question 4', exact: true });
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

  await page.getByRole('button', { name: 'Add a domain' }).click();
  const own = page.getByRole('group', { name: 'Domain 8' });
  await own.getByRole('group', { name: 'Title of the domain' }).getByRole('textbox', { name: 'English', exact: true }).fill('School life');
  await own.getByRole('group', { name: 'Question 1', exact: true }).getByRole('group', { name: 'Wording' }).getByRole('textbox', { name: 'English', exact: true }).fill('Free from bullying');

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
  await expect(page.getByRole('row', { name: /Child Status Index/ })).toContainText('Version 3');
  await expect(page.getByRole('row', { name: /Child Status Index/ })).toContainText('Sofia Mendes');

  // The new version holds the question, in English and French.
  await page.getByRole('link', { name: 'Child Status Index (well-being)' }).click();
  const saved = page.getByRole('group', { name: 'Domain 7: Family and community' }).getByRole('group', { name: 'Question 4', exact: true });
  await expect(saved.getByRole('group', { name: 'Wording' }).getByRole('textbox', { name: 'English', exact: true })).toHaveValue('Meals eaten yesterday');
  await expect(saved.getByRole('group', { name: 'Wording' }).getByRole('textbox', { name: 'Français', exact: true })).toHaveValue('Repas pris hier');
  await expect(page.getByText(/You are editing version 3\./)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Domain 8: School life' })).toBeVisible();

  // Someone else saves version 4 meanwhile: this save is refused, and the newest version reloads.
  const listed = await bridge.call('assessments.templates', {});
  const csi = (listed.value as { key: string; kind: string; title: unknown; definition: unknown; version: number }[]).find((tpl) => tpl.key === 'csi')!;
  const other = await bridge.call('assessments.saveTemplate', { key: csi.key, kind: csi.kind, title: csi.title, definition: csi.definition, basedOnVersion: csi.version });
  expect(other.ok).toBe(true);
  await saved.getByRole('group', { name: 'Wording' }).getByRole('textbox', { name: 'Español', exact: true }).fill('Comidas de ayer');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(page.getByText('Someone saved a newer version')).toBeVisible();
  await page.getByRole('button', { name: 'Reload the newest version' }).click();
  await expect(page.getByText(/You are editing version 4\./)).toBeVisible();

  // A forged save that renames a standard factor is refused by the core, whatever the screen allows.
  type Def = { domains: { questions: { label: { en: string } }[] }[] };
  const latest = ((await bridge.call('assessments.templates', {})).value as { key: string; kind: string; title: unknown; definition: Def; version: number }[]).find((tpl) => tpl.key === 'csi')!;
  latest.definition.domains[2]!.questions[0]!.label.en = 'Violence';
  const forged = await bridge.call('assessments.saveTemplate', { key: 'csi', kind: latest.kind, title: latest.title, definition: latest.definition, basedOnVersion: latest.version });
  expect(forged.ok ? null : forged.error?.code).toBe('STANDARD_FACTORS_LOCKED');
  await signOut(page);

  // A case worker has no link to the forms, and the route refuses them.
  await signIn(page, 'worker');
  await expect(page.getByRole('link', { name: 'Assessment forms' })).toHaveCount(0);
  await page.goto(page.url().replace(/#.*$/, '#/assessment-forms/csi'));
  await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'English', exact: true })).toHaveCount(0);
});
