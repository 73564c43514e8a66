// The case-file steps of the case-work specs, each driving a tab the way its author built it (labels
// and roles from the tab's own components). Every step goes through the screens, never the API.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function openTab(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('tablist', { name: 'Parts of the case file' }).getByRole('tab', { name }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
}

/** The "what's next" panel lists this gate's reason (or no longer does). */
export function gateReason(page: Page, text: string | RegExp): Locator {
  return page.getByRole('region', { name: "What's next" }).getByText(text);
}

/** Draws a short stroke on a signature canvas with the mouse (pointer events, like a finger). */
export async function drawSignature(page: Page, canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 20, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i += 1) await page.mouse.move(box.x + 20 + i * 25, y + (i % 2 ? 18 : -18), { steps: 4 });
  await page.mouse.up();
}

/** Consent is checked before tracing (shared/consents/rules.ts): the mother agrees in writing. */
export async function recordConsent(page: Page, purposes: string[]): Promise<void> {
  await openTab(page, /^Consent/);
  await page.getByRole('button', { name: 'Record consent or assent' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record consent or assent' });
  await dialog.getByRole('radio', { name: 'Caregiver', exact: true }).check();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Grace Odhiambo');
  await dialog.getByRole('textbox', { name: 'Relationship to the child', exact: true }).fill('Mother');
  for (const purpose of purposes) await dialog.getByRole('checkbox', { name: purpose, exact: true }).check();
  await dialog.getByLabel('How was it given?').selectOption('written');
  await dialog.getByLabel('Date given').fill(dayFromToday(0));
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
}

export async function recordFamilyFound(page: Page): Promise<void> {
  await recordConsent(page, ['Family tracing']);
  await openTab(page, /^Tracing/);
  await page.getByRole('button', { name: 'Record a tracing action' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a tracing action' });
  await dialog.getByLabel('Method').selectOption('home_visit');
  await dialog.getByRole('textbox', { name: 'Place', exact: true }).fill('Nyalenda B, Kisumu');
  await dialog.getByLabel('Person contacted').fill('Grace Odhiambo (mother)');
  await dialog.getByLabel('Result').selectOption('family_found');
  await dialog.getByRole('button', { name: 'Save the action' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Family found on/)).toBeVisible();
}

/**
 * Answers every question still open in an assessment's domains (the scale questions are required
 * by the shipped templates), as a worker completing the form would.
 */
async function answerTheRest(dialog: Locator): Promise<void> {
  const domains = dialog.getByRole('region');
  for (const group of await domains.getByRole('group').all()) {
    const radios = group.getByRole('radio');
    if ((await radios.count()) === 0 || (await group.locator('input:checked').count()) > 0) continue;
    // A willing family and child: "Yes" where it is asked (a "No" to the return blocks the gates),
    // otherwise the best score.
    const yes = group.getByRole('radio', { name: 'Yes', exact: true });
    await ((await yes.count()) > 0 ? yes : radios.last()).check();
  }
  for (const box of await domains.getByRole('textbox').all()) {
    if ((await box.inputValue()) === '') await box.fill('Discussed with the child and the family.');
  }
}

export async function completeAssessments(page: Page): Promise<void> {
  await openTab(page, /^Assessments/);
  const start = async (title: string) => {
    await page.getByLabel('Assessment form').selectOption({ label: title });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    return page.getByRole('dialog', { name: title });
  };
  const choose = (dialog: Locator, question: RegExp, answer: string) =>
    dialog.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true }).check();

  let dialog = await start('Child assessment');
  await dialog.getByLabel(/Needs linked to the child.s age/).fill('Needs to go back to school in class 4.');
  await dialog.getByLabel(/Experience while separated/).fill('Lived at the bus park for eight months, sold water.');
  await choose(dialog, /wish to return to the family/, 'Yes');
  await choose(dialog, /several perspectives gathered/, 'Yes');
  await dialog.getByLabel(/The child.s views, in the child.s own words/).fill('I want to live with my mother and my little brother.');
  await answerTheRest(dialog);
  await dialog.getByRole('button', { name: 'Complete the assessment' }).click();
  await expect(dialog).toBeHidden();

  dialog = await start('Family assessment');
  await dialog.getByLabel(/Risk factors affecting/).fill('Debts since the father left; no violence reported.');
  await choose(dialog, /violence in the home/, 'No');
  await dialog.getByLabel(/^Family strengths and resilience/).fill('The grandmother lives next door and helps daily.');
  await dialog.getByLabel(/own view of why the separation/).fill('The mother could not pay school fees and the child left.');
  await choose(dialog, /family want the child back/, 'Yes');
  await answerTheRest(dialog);
  await dialog.getByRole('button', { name: 'Complete the assessment' }).click();
  await expect(dialog).toBeHidden();
  await expect(gateReason(page, 'The family assessment is not completed.')).toHaveCount(0);
}

export async function assessRisksAndMakeSafetyPlan(page: Page): Promise<void> {
  await openTab(page, /^Risk and safety/);
  await page.getByRole('button', { name: 'Assess the risks' }).click();
  let dialog = page.getByRole('dialog', { name: 'Risk assessment' });
  // Risk is "not yet assessed" until now: the worker chooses the level, nothing is pre-chosen.
  await expect(dialog.getByLabel('Overall risk level of the case')).toHaveValue('');
  await dialog.getByLabel('Overall risk level of the case').selectOption('medium');
  await dialog.getByRole('button', { name: 'Add a risk' }).click();
  await dialog.getByLabel('What the risk is').fill('Returning to the bus park if school fees are not paid.');
  await dialog.getByLabel('Mitigation').fill('School fees covered for a year; weekly check with the teacher.');
  await dialog.getByRole('button', { name: 'Save the risk assessment' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Make a safety plan' }).click();
  dialog = page.getByRole('dialog', { name: 'Safety plan' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Mama Akinyi (grandmother)');
  await dialog.getByLabel('Phone').fill('+254 700 000 111');
  await dialog.getByLabel('What the child does if harmed').fill('Goes to the grandmother next door and calls the case worker.');
  await dialog.getByLabel('What happens if reintegration breaks down').fill('The child stays with the grandmother while the worker visits.');
  await dialog.getByLabel('Emergency route').fill('From home: the neighbour’s phone to the case worker, or the chief’s office 500 m away.');
  await dialog.getByLabel('The child has been told this plan and knows it').check();
  await dialog.getByLabel('Gone through with the child on').fill(dayFromToday(0));
  await dialog.getByRole('button', { name: 'Save the safety plan' }).click();
  await expect(dialog).toBeHidden();
  await expect(gateReason(page, 'There is no safety plan the child knows yet.')).toHaveCount(0);
}

export async function submitBestInterestsDetermination(page: Page): Promise<void> {
  await openTab(page, /^Best interests/);
  await page.getByRole('button', { name: 'Start a determination' }).click();
  const dialog = page.getByRole('dialog', { name: 'Best interests determination' });
  await dialog.getByRole('button', { name: 'Add a panel member' }).click();
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).first().fill('Peter Ouma');
  await dialog.getByRole('textbox', { name: 'Role', exact: true }).first().fill('Child protection officer');
  await dialog.getByLabel(/The child.s views, in the child.s own words/).fill('I want to go home to my mother.');
  await dialog.getByRole('combobox', { name: 'Decision', exact: true }).selectOption('reintegration_with_family');
  await dialog.getByLabel('Reasons for the decision').fill('The family is found, willing and supported; the child wishes to return.');
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Waiting for approval').first()).toBeVisible();
}

export async function approveBestInterestsDetermination(page: Page): Promise<void> {
  await openTab(page, /^Best interests/);
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve this determination?' });
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Approved: Reintegration with the family')).toBeVisible();
}

export async function makePlanAcknowledgedByFamily(page: Page): Promise<void> {
  await openTab(page, /^Case plan/);
  await page.getByRole('button', { name: 'Start the case plan' }).click();
  await page.getByRole('button', { name: 'Add an objective' }).click();
  await page.getByRole('textbox', { name: 'Objective', exact: true }).fill('Amina attends school every day.');
  await page.getByRole('textbox', { name: 'Indicator', exact: true }).fill('Attendance above 90% on the class register.');
  await page.getByLabel('Target date').fill(dayFromToday(90));
  await page.getByRole('textbox', { name: 'Responsible', exact: true }).fill('Grace Odhiambo (mother)');
  await page.getByLabel('Contingency plan').fill('If the family refuses, the child stays in kinship care with the grandmother; the supervisor decides.');
  await page.getByLabel('Held now by').fill('Kisumu District Children’s Office');
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await page.getByRole('button', { name: "Record the family's acknowledgement" }).click();
  const dialog = page.getByRole('dialog', { name: /Family acknowledgement of version/ });
  await drawSignature(page, dialog.getByRole('img', { name: /Signature box/ }));
  await dialog.getByLabel('Name of family member 1').fill('Grace Odhiambo');
  await dialog.getByLabel('Relationship to the child').fill('Mother');
  await dialog.getByRole('button', { name: 'Record the acknowledgement' }).click();
  await expect(dialog).toBeHidden();
  await expect(gateReason(page, 'The case plan has not been acknowledged by the family.')).toHaveCount(0);
}

export async function moveTo(page: Page, stage: string): Promise<void> {
  const move = page.getByRole('button', { name: `Move to ${stage}` });
  await expect(move).toBeEnabled();
  await move.click();
  await expect(page.getByRole('list', { name: 'Stages of the case' }).locator('[aria-current="step"]')).toContainText(stage);
}

export async function prepareChildAndFamily(page: Page): Promise<void> {
  await openTab(page, /^Preparation/);
  await page.getByRole('button', { name: 'Record the care arrangement' }).click();
  let dialog = page.getByRole('dialog', { name: 'Record the care arrangement' });
  await dialog.getByLabel('Type of care').selectOption('kinship_care');
  await dialog.getByRole('textbox', { name: 'Place', exact: true }).fill('Grandmother’s home, Nyalenda B');
  await dialog.getByRole('button', { name: 'Save the care arrangement' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Name who will monitor' }).click();
  dialog = page.getByRole('dialog', { name: 'Name who will monitor' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Mr Otieno');
  await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption('teacher');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(gateReason(page, /monitor the child after reunification/)).toHaveCount(0);
}

async function recordContact(page: Page, kind: string, details: { mode?: string; withWhom: string }) {
  await page.getByRole('button', { name: 'Record a contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a contact' });
  await dialog.getByLabel('Kind of contact').selectOption(kind);
  if (details.mode) await dialog.getByRole('combobox', { name: 'How', exact: true }).selectOption(details.mode);
  await dialog.getByLabel('With whom').fill(details.withWhom);
  await dialog.getByRole('radio', { name: 'Successful', exact: true }).check();
  await dialog.getByRole('button', { name: 'Save the record' }).click();
  await expect(dialog).toBeHidden();
}

/** The Guidelines' ladder: remote → short meeting → supervised home visit → unsupervised visit. */
export async function climbContactLadder(page: Page): Promise<void> {
  await openTab(page, /^Contacts/);
  await recordContact(page, 'remote_contact', { mode: 'phone_call', withWhom: 'Mother' });
  await recordContact(page, 'short_meeting', { withWhom: 'Mother and grandmother' });
  await recordContact(page, 'supervised_visit', { withWhom: 'Mother, grandmother and brother' });

  // Only now may an unsupervised visit be planned.
  await page.getByRole('button', { name: 'Plan a contact' }).click();
  const plan = page.getByRole('dialog', { name: 'Plan a contact' });
  await plan.getByLabel('Kind of contact').selectOption('unsupervised_visit');
  await plan.getByLabel('With whom').fill('The whole family');
  await plan.getByLabel('Planned for').fill(dayFromToday(1));
  await plan.getByRole('button', { name: 'Save the plan' }).click();
  await expect(plan).toBeHidden();
  await page.getByRole('button', { name: 'Record as held' }).click();
  const record = page.getByRole('dialog', { name: /Record the planned/ });
  await record.getByRole('radio', { name: 'Successful', exact: true }).check();
  await record.getByRole('button', { name: 'Save the record' }).click();
  await expect(record).toBeHidden();
  await expect(page.getByText('Highest step reached: Unsupervised home visit')).toBeVisible();
}

export async function recordReunification(page: Page): Promise<void> {
  await openTab(page, /^Reunification/);
  await page.getByLabel('Date the child went home').fill(dayFromToday(0));
  await page.getByLabel('Stated by').fill('Grace Odhiambo (mother)');
  await page.getByRole('button', { name: 'Draw a signature' }).click();
  await drawSignature(page, page.getByLabel('Signature box'));
  await page.getByRole('button', { name: 'Use this signature' }).click();
  await expect(page.getByText('A new signature will be saved.')).toBeVisible();
  await page.getByLabel('Who accompanies the child').fill('Her grandmother');
  await page.getByLabel("The child's own choices").fill('Wants to wear her blue school uniform and bring her drawings.');
  await page.getByRole('button', { name: 'Save the reunification record' }).click();
  await expect(gateReason(page, 'The reunification itself is not recorded yet.')).toHaveCount(0);
}
