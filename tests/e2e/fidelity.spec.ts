// The fidelity flows end to end (issue 8): consent checked before tracing, a restricted person
// refused at the contact, a gate passed by a supervisor's exception, and no self-approval unless
// the office allows it. Set-up that is not under test goes through the bridge; the flows go
// through the real screens.
import type { Page } from '@playwright/test';
import { expect, test, type Bridge } from './fixtures';
import { password, people, setUpOffice, signIn, signOut } from './casework-kit';
import { dayFromToday, openTab, recordConsent } from './casework-steps';

async function ok<T = { id: string; version: number }>(bridge: Bridge, channel: string, input: unknown = {}): Promise<T> {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const child = { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 10, separationReasons: ['poverty'], area: 'Kisumu' };

async function openCase(page: Page, caseId: string) {
  await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
}

test('consent, restriction and exception: the rules refuse with a reason and a supervisor lets a case past a gate', async ({ app: page, bridge }) => {
  test.setTimeout(120_000);
  await setUpOffice(bridge);
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  const kase = await ok(bridge, 'cases.register', { child });
  await ok(bridge, 'family.save', {
    caseId: kase.id,
    member: { kind: 'relative', relationship: 'father', givenName: 'Opio', familyName: 'Odhiambo', posesRisk: true, restriction: 'no_contact', mustNotKnowLocation: true },
  });
  await ok(bridge, 'session.logout');

  await signIn(page, 'worker');
  await openCase(page, kase.id);

  // Consent is checked: a radio announcement without the family's consent is refused, with the way out.
  await openTab(page, /^Tracing/);
  await page.getByRole('button', { name: 'Record a tracing action' }).click();
  let dialog = page.getByRole('dialog', { name: 'Record a tracing action' });
  await dialog.getByLabel('Method').selectOption('radio_announcement');
  await dialog.getByLabel('Result').selectOption('lead');
  await dialog.getByRole('button', { name: 'Save the action' }).click();
  await expect(dialog.getByText(/needs a current consent .* Record it on the Consent tab/)).toBeVisible();
  await dialog.getByRole('button', { name: /Cancel|Close/ }).first().click();
  await recordConsent(page, ['Family tracing']);
  await openTab(page, /^Tracing/);
  await page.getByRole('button', { name: 'Record a tracing action' }).click();
  dialog = page.getByRole('dialog', { name: 'Record a tracing action' });
  await dialog.getByLabel('Method').selectOption('radio_announcement');
  await dialog.getByLabel('Result').selectOption('lead');
  await dialog.getByRole('button', { name: 'Save the action' }).click();
  await expect(dialog).toBeHidden();

  // The father poses a risk with "no contact": planning a call with him is refused.
  await openTab(page, /^Family/);
  await expect(page.getByText('Poses a risk · No contact')).toBeVisible();
  await openTab(page, /^Contacts/);
  await page.getByRole('button', { name: 'Plan a contact' }).click();
  dialog = page.getByRole('dialog', { name: 'Plan a contact' });
  await dialog.getByLabel('Kind of contact').selectOption('remote_contact');
  await dialog.getByRole('combobox', { name: 'How', exact: true }).selectOption('phone_call');
  await dialog.getByLabel('With whom').fill('Father');
  await dialog.getByLabel('Family member taking part').selectOption({ label: 'Opio Odhiambo — No contact' });
  await dialog.getByLabel('Planned for').fill(dayFromToday(2));
  await dialog.getByRole('button', { name: 'Save the plan' }).click();
  await expect(dialog.getByText(/may not take part in this contact/)).toBeVisible();
  await page.keyboard.press('Escape');

  // An infant cannot be assessed like an older child: the worker asks for an exception, with a reason.
  const next = page.getByRole('region', { name: "What's next" });
  await next.getByRole('button', { name: 'Ask a supervisor for an exception' }).click();
  const request = next.getByRole('form', { name: 'Exception request' });
  await request.getByLabel('Step to pass').selectOption({ label: 'The child assessment is not completed.' });
  await request.getByLabel('Why').selectOption('child_cannot_express_views');
  await request.getByLabel('Explain').fill('Amina does not speak since the flood; assessed by observation with her teacher instead.');
  await request.getByRole('button', { name: 'Send for approval' }).click();
  await expect(next.getByText('Waiting for approval')).toBeVisible();
  await signOut(page);

  await signIn(page, 'supervisor');
  await openCase(page, kase.id);
  await expect(next.getByRole('listitem').filter({ hasText: 'The child assessment is not completed.' }).first()).toBeVisible();
  await next.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(next.getByText('Passed by exception')).toBeVisible();
  await expect(next.locator('.gate-list').getByText('The child assessment is not completed.')).toHaveCount(0);
  await openTab(page, 'Timeline');
  await expect(page.getByRole('tabpanel').getByText('Exception to a gate approved by a supervisor')).toBeVisible();
});

test('a supervisor who holds a case cannot approve its BID, unless the office has one supervisor (flagged)', async ({ app: page, bridge }) => {
  test.setTimeout(120_000);
  await setUpOffice(bridge);
  await ok(bridge, 'session.login', { username: people.supervisor.username, password });
  const kase = await ok(bridge, 'cases.register', { child });
  const bid = await ok(bridge, 'bid.save', {
    caseId: kase.id,
    bid: {
      date: dayFromToday(0),
      panel: [{ name: 'Peter Ouma', role: 'Child protection officer' }],
      optionsConsidered: [{ option: 'kinship_care', assessment: 'The aunt is able and willing' }],
      childViews: 'I want to live with my aunt.',
      decision: 'kinship_care',
      reasons: 'The aunt was traced, assessed and is willing.',
    },
  });
  await ok(bridge, 'bid.submit', { caseId: kase.id, bidId: bid.id, version: bid.version });
  await ok(bridge, 'session.logout');

  await signIn(page, 'supervisor');
  await openCase(page, kase.id);
  await openTab(page, /^Best interests/);
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  let confirm = page.getByRole('dialog', { name: 'Approve this determination?' });
  await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByText('Another supervisor must approve this: you submitted it or hold this case.')).toBeVisible();
  await page.keyboard.press('Escape');

  // The office has one supervisor: it says so in its practice settings.
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Practice settings' }).click();
  await page.getByLabel('This office has one supervisor: allow them to approve their own cases').check();
  await page.getByRole('button', { name: 'Save changes', exact: true }).click();
  await expect(page.getByText('Practice settings saved.')).toBeVisible();

  await openCase(page, kase.id);
  await openTab(page, /^Best interests/);
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  confirm = page.getByRole('dialog', { name: 'Approve this determination?' });
  await confirm.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('Approved: Return to extended family or kin')).toBeVisible();
});
