// Issue 8, second part, end to end: a spontaneous return's due tasks in My work and on the case
// file (the home visit marked done with its date), risk "not yet assessed" where it shows, and a
// halt with a child who cannot give views, its review date and a halt review — through the screens.
import type { Page } from '@playwright/test';
import { expect, test, type Bridge } from './fixtures';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn } from './casework-kit';

async function ok<T = { id: string; version: number }>(bridge: Bridge, channel: string, input: unknown = {}): Promise<T> {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const child = (givenName: string) => ({ givenName, familyName: 'Achieng', sex: 'female', estimatedAgeYears: 2, separationReasons: ['institutional_care'], area: 'Kisumu' });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function openMyWork(page: Page) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My work' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
}

test('a spontaneous return makes its tasks due in My work; a halted child has a review date and a review with reasoned absent views', async ({ app: page, bridge }) => {
  test.setTimeout(120_000);
  await setUpOffice(bridge);
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  await ok(bridge, 'cases.register', { child: child('Neema'), spontaneous: { kind: 'institution_closed', reunifiedOn: daysAgo(3) } });
  const halted = await ok(bridge, 'cases.register', { child: child('Zawadi') });
  await ok(bridge, 'session.logout');

  await signIn(page, 'worker');
  await openMyWork(page);
  const due = page.getByRole('region', { name: 'Due tasks and halted cases' });
  await expect(due.getByRole('listitem').filter({ hasText: 'Neema Achieng' }).filter({ hasText: 'First home visit' })).toBeVisible();
  await expectNoSeriousViolations(page, 'My work with due tasks');

  // The case file: risk not yet assessed, and the tasks with how each gets done.
  await due.getByRole('link', { name: /Neema Achieng/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Neema Achieng' })).toBeVisible();
  await expect(page.getByText('Risk: Not yet assessed')).toBeVisible();
  const tasks = page.getByRole('region', { name: 'What is due on this case' });
  await expect(tasks.getByText('Well-being baseline')).toBeVisible();
  await tasks.getByRole('button', { name: 'Mark the visit done' }).click();
  await tasks.getByLabel(/What you found/).fill('Living with the grandmother; school enrolment pending');
  await tasks.getByRole('button', { name: 'Mark the visit done' }).click();
  await expect(tasks.getByText(/^Done on /)).toBeVisible();
  await openMyWork(page);
  await expect(page.getByRole('region', { name: 'Due tasks and halted cases' }).getByText('First home visit')).toHaveCount(0);

  // Halting for a two-year-old: the views cannot be given; the reason and the method are recorded.
  await page.goto(`${page.url().split('#')[0]}#/cases/${halted.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Zawadi Achieng' })).toBeVisible();
  await page.getByRole('button', { name: 'Halt reintegration…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Halt reintegration' });
  await dialog.getByLabel('Temporary alternative care').check();
  await dialog.getByLabel(/Why reintegration is not in the child's best interests/).fill('Mother hospitalised; no other carer yet');
  await dialog.getByRole('button', { name: 'Halt reintegration' }).click();
  await expect(dialog.getByText(/required|Required/).first()).toBeVisible();
  await dialog.getByLabel('The child cannot give views directly').check();
  await dialog.getByLabel(/Why the child cannot give views/).selectOption('infant_or_young');
  await dialog.getByLabel(/How the child’s wishes were found out/).selectOption('observation');
  await dialog.getByLabel(/What this showed of the child’s wishes/).fill('Settled and feeding well with the foster mother');
  await dialog.getByRole('button', { name: 'Halt reintegration' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Could not give views \(Too young to speak for themselves\); found out by Observation/)).toBeVisible();
  await expect(page.getByText('Next review', { exact: false }).first()).toBeVisible();

  // A review of the halted case, with who took part.
  const panel = page.getByRole('region', { name: 'What is due on this case' });
  await panel.getByRole('button', { name: 'Record a review' }).click();
  await panel.getByLabel('Case worker').check();
  await panel.getByLabel('Care provider').check();
  await panel.getByLabel(/What the review found/).fill('Foster placement stable; mother still in hospital');
  await panel.getByLabel('The child cannot give views directly').check();
  await panel.getByLabel(/Why the child cannot give views/).selectOption('infant_or_young');
  await panel.getByLabel(/How the child’s wishes were found out/).selectOption('trusted_adult');
  await panel.getByLabel(/What this showed of the child’s wishes/).fill('Foster mother: eats and sleeps well, asks for her mother');
  await panel.getByRole('button', { name: 'Save the review' }).click();
  await expect(panel.getByRole('list', { name: 'Reviews held' }).getByText('Foster placement stable; mother still in hospital')).toBeVisible();
  await expectNoSeriousViolations(page, 'halted case with a review');
});
