// Case work end to end, through the real screens: a case worker registers a child, meets the
// duplicate warning with a second child of a similar name, and carries the first case through
// tracing, assessments, risk and safety, a best-interests determination a supervisor approves, a
// plan the family acknowledges, preparation, the contact ladder and the reunification record — the
// case reaches follow-up.
import { expect, test } from './fixtures';
import { setUpOffice, signIn, signOut } from './casework-kit';
import {
  approveBestInterestsDetermination,
  assessRisksAndMakeSafetyPlan,
  climbContactLadder,
  completeAssessments,
  gateReason,
  makePlanAcknowledgedByFamily,
  moveTo,
  openTab,
  prepareChildAndFamily,
  recordFamilyFound,
  recordReunification,
  submitBestInterestsDetermination,
} from './casework-steps';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

test('a case worker registers a child, sees a duplicate warning, and carries the case to follow-up', async ({ app: page, bridge }) => {
  test.setTimeout(180_000);
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();

  // Register a child.
  await page.getByRole('link', { name: 'Register a child' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register a child' })).toBeVisible();
  await page.getByLabel('Given name').fill('Amina');
  await page.getByLabel('Family name').fill('Odhiambo');
  await page.getByLabel('Other names').fill('Mina');
  await page.getByLabel('Other names').press('Enter');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('Estimated age (years)').fill('9');
  await page.getByLabel('Languages').fill('Dholuo');
  await page.getByLabel('Languages').press('Enter');
  await page.getByLabel('Poverty').check();
  await page.getByLabel('Living or working on the street').check();
  await page.getByLabel('Place of separation').fill('Kisumu bus park');
  await page.getByLabel('Current care arrangement').selectOption('transit_centre');
  await page.getByLabel('Area', { exact: true }).fill('Kisumu East');
  await page.getByRole('button', { name: 'Register the child' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
  const firstCase = page.url();
  await expect(page.getByRole('list', { name: 'Stages of the case' }).locator('[aria-current="step"]')).toContainText('Tracing, assessment and planning');

  // A second child with a similar name: the duplicate check shows the first side by side.
  await page.goto(firstCase.replace(/#.*$/, '#/cases/new'));
  await page.getByLabel('Given name').fill('Aminah');
  await page.getByLabel('Family name').fill('Odiambo');
  await page.getByLabel('Sex').selectOption('female');
  await page.getByLabel('Estimated age (years)').fill('10');
  const duplicates = page.getByRole('region', { name: /already registered\? One possible match/ });
  await expect(duplicates).toBeVisible();
  const comparison = duplicates.getByRole('table');
  await expect(comparison.getByRole('columnheader', { name: 'The child you are registering' })).toBeVisible();
  await expect(comparison.getByRole('row', { name: /^Name/ })).toContainText('Aminah Odiambo');
  await expect(comparison.getByRole('row', { name: /^Name/ })).toContainText('Amina Odhiambo');
  await expect(comparison.getByRole('row', { name: /^Why it matched/ })).toContainText('Same sex');
  await expect(duplicates.getByRole('link', { name: /^Open case KSM-/ })).toBeVisible();
  await page.getByLabel('Abuse or neglect').check();
  await page.getByRole('button', { name: 'Register the child' }).click();
  await expect(page.getByText('Decide on every possible match first')).toBeVisible();
  await duplicates.getByRole('button', { name: 'This is a different child' }).click();
  await expect(duplicates.getByText('You have decided on every match.')).toBeVisible();
  await page.getByRole('button', { name: 'Register the child' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aminah Odiambo' })).toBeVisible();

  // Back to the first child through the case list's search.
  await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^2 cases$/ })).toBeVisible();
  await page.getByLabel('Search by name or case number').fill('odhiambo');
  await expect(page.getByRole('status').filter({ hasText: /^One case matches$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Amina Odhiambo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move to Preparation' })).toBeDisabled();

  // Stage 1: tracing, assessments, risk and safety, BID, the plan.
  await recordFamilyFound(page);
  await expect(gateReason(page, 'The family has not been found yet (tracing).')).toHaveCount(0);
  await completeAssessments(page);
  await assessRisksAndMakeSafetyPlan(page);
  await submitBestInterestsDetermination(page);
  await makePlanAcknowledgedByFamily(page);
  // Only the supervisor's approval is missing now.
  await expect(page.getByRole('region', { name: "What's next" }).getByRole('listitem')).toHaveCount(1);
  await expect(gateReason(page, 'The best interests determination is not approved by a supervisor.')).toBeVisible();
  const caseFile = page.url().replace(/\?.*$/, '');

  // A supervisor approves the determination.
  await signOut(page);
  await signIn(page, 'supervisor');
  await page.goto(caseFile);
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
  await approveBestInterestsDetermination(page);
  await signOut(page);

  // The case worker moves the case on, stage by stage.
  await signIn(page, 'worker');
  await page.goto(caseFile);
  await expect(page.getByText('Everything needed for the next stage is in place.')).toBeVisible();
  await moveTo(page, 'Preparation');
  await prepareChildAndFamily(page);
  await moveTo(page, 'Contact and reunification');
  await climbContactLadder(page);
  await recordReunification(page);
  await moveTo(page, 'Follow-up');

  await expect(page.getByRole('region', { name: "What's next" })).toContainText('Follow-up: monitoring visits');
  await openTab(page, 'Timeline');
  await expect(page.getByRole('tabpanel').getByText('Stage changed').first()).toBeVisible();
  await expect(page.getByRole('tabpanel').getByText('Case registered')).toBeVisible();
});
