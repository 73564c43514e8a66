// Case work end to end, through the real screens: a case worker registers a child, meets the
// duplicate warning with a second child of a similar name, and carries the first case through
// tracing, assessments, risk and safety, a best-interests determination a supervisor approves, a
// plan the family acknowledges, preparation, the contact ladder and the reunification record — the
// case reaches follow-up.
import { expect, test } from './fixtures';
import { expectNoHorizontalOverflow, expectNoSeriousViolations, setUpOffice, signIn, signOut } from './casework-kit';
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
  await expectNoSeriousViolations(page, 'registration with a possible duplicate');
  await page.getByLabel('Abuse or neglect').check();
  await page.getByRole('button', { name: 'Register the child' }).click();
  await expect(page.getByText('Decide on every possible match first')).toBeVisible();
  await duplicates.getByRole('button', { name: 'This is a different child' }).click();
  await expect(duplicates.getByText('You have decided on every match.')).toBeVisible();
  await page.getByRole('button', { name: 'Register the child' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aminah Odiambo' })).toBeVisible();

  // The case list: filters live in the URL (Back undoes them), rows are reached by keyboard.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^2 cases$/ })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Follow-up' }).check();
  await expect(page).toHaveURL(/stage=follow_up/);
  await expect(page.getByRole('heading', { name: 'No case matches' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('checkbox', { name: 'Follow-up' })).not.toBeChecked();
  await page.getByRole('link', { name: 'Aminah Odiambo' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('link', { name: 'Amina Odhiambo' })).toBeFocused();
  // The search tolerates misspellings (Odiambo is found too) and lists the exact match first.
  await page.getByLabel('Search by name or case number').fill('odhiambo');
  await expect(page.getByRole('status').filter({ hasText: /^2 cases match$/ })).toBeVisible();
  await expect(page).toHaveURL(/q=odhiambo/);
  await expect(page).toHaveURL(/sort=relevance/);
  await expect(page.getByRole('table').getByRole('link').first()).toHaveText('Amina Odhiambo');
  await expectNoSeriousViolations(page, 'case list');
  await page.getByRole('link', { name: 'Amina Odhiambo' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Move to Preparation' })).toBeDisabled();
  await expectNoSeriousViolations(page, 'case file');

  // Stage 1: tracing, assessments, risk and safety, BID, the plan.
  await recordFamilyFound(page);
  await expect(gateReason(page, 'The family has not been found yet (tracing).')).toHaveCount(0);
  await completeAssessments(page);
  await assessRisksAndMakeSafetyPlan(page);
  await submitBestInterestsDetermination(page);
  // The supervisor's approval and the plan are missing now; the plan takes effect only after the BID.
  await expect(gateReason(page, 'The best interests determination is not approved by a supervisor.')).toBeVisible();
  const caseFile = page.url().replace(/\?.*$/, '');

  // A supervisor approves the determination.
  await signOut(page);
  await signIn(page, 'supervisor');
  await page.goto(caseFile);
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
  await approveBestInterestsDetermination(page);
  await signOut(page);

  // The case worker has the plan acknowledged, then moves the case on, stage by stage.
  await signIn(page, 'worker');
  await page.goto(caseFile);
  await makePlanAcknowledgedByFamily(page);
  await expect(page.getByText('Everything needed for the next stage is in place.')).toBeVisible();
  await moveTo(page, 'Preparation');
  await prepareChildAndFamily(page);
  await moveTo(page, 'Contact and reunification');
  await climbContactLadder(page);
  await recordReunification(page);
  await moveTo(page, 'Follow-up');

  await expect(page.getByRole('region', { name: "What's next" })).toContainText('Follow-up: monitoring visits');
  if (process.env.HOMEWARD_E2E_SHOTS) await page.screenshot({ path: `${process.env.HOMEWARD_E2E_SHOTS}/en-case-file-follow-up.png`, fullPage: true });
  await openTab(page, 'Timeline');
  await expect(page.getByRole('tabpanel').getByText('Stage changed').first()).toBeVisible();
  await expect(page.getByRole('tabpanel').getByText('Case registered')).toBeVisible();
});

test('the main case-work screens render right-to-left in Arabic, without overflow or serious axe violations', async ({ app: page, bridge }, testInfo) => {
  test.setTimeout(120_000);
  await setUpOffice(bridge, { language: 'ar' });
  await signIn(page, 'worker');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'عملي' })).toBeVisible();

  // The sections' navigation sits on the right, the page to its left.
  const navBox = (await page.getByRole('navigation', { name: 'الأقسام' }).boundingBox())!;
  const mainBox = (await page.getByRole('main').boundingBox())!;
  expect(navBox.x).toBeGreaterThanOrEqual(mainBox.x + mainBox.width - 1);
  expect(navBox.x + navBox.width).toBeGreaterThan(page.viewportSize()!.width - 40);
  await expectNoHorizontalOverflow(page, 'my work');
  const shot = async (name: string) => {
    const path = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
    if (process.env.HOMEWARD_E2E_SHOTS) await page.screenshot({ path: `${process.env.HOMEWARD_E2E_SHOTS}/${name}.png`, fullPage: true });
  };
  await shot('ar-my-work');

  // Registration: an empty submit shows the translated errors, tied to their fields.
  await page.getByRole('link', { name: 'تسجيل طفل' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تسجيل طفل' })).toBeVisible();
  await page.getByRole('button', { name: 'تسجيل الطفل' }).click();
  await expect(page.getByRole('textbox', { name: 'الاسم الأول' })).toHaveAccessibleDescription(/هذا الحقل مطلوب/);
  await expect(page.getByText('أدخل تاريخ الميلاد أو عمراً تقديرياً.')).toBeVisible();
  await expectNoSeriousViolations(page, 'registration (Arabic, with errors)');
  await expectNoHorizontalOverflow(page, 'registration');
  // Labels start at the right edge of their fields.
  const label = (await page.locator('label', { hasText: 'الاسم الأول' }).boundingBox())!;
  const input = (await page.getByRole('textbox', { name: 'الاسم الأول' }).boundingBox())!;
  expect(label.x + label.width).toBeGreaterThan(input.x + input.width - 4);
  await shot('ar-register');

  await page.getByRole('textbox', { name: 'الاسم الأول' }).fill('مريم');
  await page.getByRole('textbox', { name: 'اسم العائلة' }).fill('الحسن');
  await page.getByRole('combobox', { name: 'الجنس' }).selectOption('female');
  await page.getByLabel('العمر التقديري (بالسنوات)').fill('8');
  await page.getByLabel('الفقر').check();
  await page.getByLabel('الهجرة').check();
  await page.getByRole('textbox', { name: 'مكان الانفصال' }).fill('الخرطوم بحري');
  await page.getByRole('button', { name: 'تسجيل الطفل' }).click();

  // The case file: the stepper reads from the right, the header's photo sits on the right.
  await expect(page.getByRole('heading', { level: 1, name: 'مريم الحسن' })).toBeVisible();
  const steps = page.getByRole('list', { name: 'مراحل الحالة' }).getByRole('listitem');
  const first = (await steps.nth(0).boundingBox())!;
  const second = (await steps.nth(1).boundingBox())!;
  expect(first.x).toBeGreaterThan(second.x);
  const heading = (await page.getByRole('heading', { level: 1, name: 'مريم الحسن' }).boundingBox())!;
  const mainNow = (await page.getByRole('main').boundingBox())!;
  expect(heading.x + heading.width).toBeGreaterThan(mainNow.x + mainNow.width / 2);
  await expect(page.getByRole('tab', { name: 'نظرة عامة' })).toHaveAttribute('aria-selected', 'true');
  // In right-to-left, the left arrow moves to the next tab.
  await page.getByRole('tab', { name: 'نظرة عامة' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'الأسرة والشبكة' })).toBeFocused();
  await expect(page).toHaveURL(/tab=family/);
  await page.getByRole('tab', { name: 'نظرة عامة' }).click();
  await expectNoSeriousViolations(page, 'case file (Arabic)');
  await expectNoHorizontalOverflow(page, 'case file');
  await shot('ar-case-file');

  // The case list: columns read from the right, numbers written the Arabic way (Intl).
  await page.getByRole('navigation', { name: 'الأقسام' }).getByRole('link', { name: 'الحالات' }).click();
  await expect(page.getByRole('link', { name: 'مريم الحسن' })).toBeVisible();
  const child = (await page.getByRole('columnheader', { name: /الطفل/ }).boundingBox())!;
  const age = (await page.getByRole('columnheader', { name: /العمر/ }).boundingBox())!;
  expect(child.x).toBeGreaterThan(age.x);
  const eight = await page.evaluate(() => new Intl.NumberFormat('ar').format(8));
  await expect(page.getByRole('row', { name: /مريم الحسن/ }).getByRole('cell').first()).toHaveText(eight);
  await expectNoSeriousViolations(page, 'case list (Arabic)');
  await expectNoHorizontalOverflow(page, 'case list');
  await shot('ar-case-list');
});
