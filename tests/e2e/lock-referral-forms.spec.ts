// Lock at once in the referral and service forms: what was typed a moment before the session locks
// is saved first, and after unlocking the form is open again with the text in it (dialogs reopen
// themselves; the forms on a page or a card come back filled). Saving or sending discards the draft,
// and so does Cancel — read back from the core, not guessed from the screen.
import type { Page } from '@playwright/test';
import { password, people, setUpOffice, signIn } from './casework-kit';
import { expect, startBridge, test, type Bridge } from './fixtures';
import { lockAtOnce, savedDraft, unlock } from './lock-kit';
import { setUpPartnerOffice, trust } from './two-offices';

test.use({ locale: 'en-US', viewport: { width: 1366, height: 900 }, actionTimeout: 15_000 });

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  expect(result.ok, `${channel}: ${JSON.stringify(result.error)}`).toBe(true);
  return result.value as Record<string, unknown> & { id: string };
}

async function go(page: Page, hash: string) {
  await page.goto(`${page.url().split('#')[0]}#${hash}`);
}

const typed = (what: string) => `Typed just before locking (${what}) — كُتب قبل القفل.`;

/** A provider in the child's area, a draft referral to it and one already sent (without consent: an emergency). */
async function setUpReferrals(bridge: Bridge) {
  const area = await ok(bridge, 'services.saveArea', { area: { code: 'KSM-W', name: 'Kisumu West', level: 'district' } });
  const provider = await ok(bridge, 'services.saveProvider', {
    provider: { name: 'Lakeside Counselling', kind: 'ngo', services: [{ name: 'Child counselling', category: 'mental_health', areaIds: [area.id] }] },
  });
  const serviceId = (provider.services as { id: string }[])[0]!.id;
  const kase = await ok(bridge, 'cases.register', {
    child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 11, separationReasons: ['poverty'], area: 'Kisumu West' },
    notDuplicateOf: [],
  });
  const referral = (need: string) => ({ providerId: provider.id, serviceId, category: 'mental_health', need, urgency: 'routine', fields: ['name', 'age', 'need', 'urgency'] });
  const draft = await ok(bridge, 'referrals.saveDraft', { caseId: kase.id, referral: referral('Counselling for night terrors') });
  const sent = await ok(bridge, 'referrals.saveDraft', { caseId: kase.id, referral: referral('Help with sleeping') });
  const today = new Date().toISOString().slice(0, 10);
  await ok(bridge, 'referrals.send', { caseId: kase.id, referralId: sent.id, date: today, emergencyReason: 'Nights alone; cannot wait for the aunt' });
  return { caseId: kase.id, providerId: provider.id, draftId: draft.id, sentId: sent.id };
}

test('referral forms: a lock at once keeps the typing, the form is back after unlocking; saving, sending and Cancel discard', async ({ app: page, bridge }) => {
  test.setTimeout(300_000);
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  const { caseId, draftId, sentId } = await setUpReferrals(bridge);
  const key = (form: string) => `case:${caseId}:referrals:${form}`;
  const tab = async () => {
    await go(page, `/cases/${caseId}?tab=referrals`);
    await expect(page.getByTestId(`referral-${sentId}`)).toBeVisible();
  };
  const needOf = (dialogName: string) => page.getByRole('dialog', { name: dialogName }).getByLabel('What the child or family needs');

  await test.step('a new referral: reopened after unlock; Cancel discards it', async () => {
    await tab();
    await page.getByRole('button', { name: 'New referral', exact: true }).click();
    await needOf('New referral').fill(typed('new referral'));
    await lockAtOnce(page, 'shortcut');
    await unlock(page);
    await expect(needOf('New referral')).toHaveValue(typed('new referral'));
    await expect(page.getByText(/unsaved draft/)).toHaveCount(0);
    await page.getByRole('dialog', { name: 'New referral' }).getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect.poll(() => savedDraft(bridge, key('new'))).toBeNull();
    await page.getByRole('button', { name: 'New referral', exact: true }).click();
    await expect(needOf('New referral')).toHaveValue('');
    await page.keyboard.press('Escape');
  });

  await test.step('editing a draft referral: reopened after unlock (the dialog\'s Lock); saving discards it', async () => {
    await tab();
    await page.getByTestId(`referral-${draftId}`).getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit the draft' });
    await needOf('Edit the draft').fill(typed('edit'));
    await lockAtOnce(page, 'dialog', dialog);
    await unlock(page);
    await expect(needOf('Edit the draft')).toHaveValue(typed('edit'));
    await dialog.getByRole('button', { name: 'Save draft', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`referral-${draftId}`)).toContainText(typed('edit'));
    expect(await savedDraft(bridge, key(`edit:${draftId}`))).toBeNull();
  });

  await test.step('sending without consent: the emergency reason comes back after unlock; Cancel discards it', async () => {
    await tab();
    await page.getByTestId(`referral-${draftId}`).getByRole('button', { name: 'Preview and send', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Exactly what leaves the office' });
    await dialog.getByLabel('Emergency reason (sent without consent)').fill(typed('emergency reason'));
    await lockAtOnce(page, 'dialog', dialog);
    await unlock(page);
    await expect(dialog.getByLabel('Emergency reason (sent without consent)')).toHaveValue(typed('emergency reason'));
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => savedDraft(bridge, key(`send:${draftId}`))).toBeNull();
    // Sending discards it too: typed again, kept (read back), sent, gone.
    await page.getByTestId(`referral-${draftId}`).getByRole('button', { name: 'Preview and send', exact: true }).click();
    await dialog.getByLabel('Emergency reason (sent without consent)').fill('The aunt cannot be reached; nights alone');
    await expect.poll(() => savedDraft(bridge, key(`send:${draftId}`))).not.toBeNull();
    await dialog.getByRole('button', { name: 'Send referral', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`referral-${draftId}`)).toContainText('Sent without consent (emergency): The aunt cannot be reached; nights alone');
    expect(await savedDraft(bridge, key(`send:${draftId}`))).toBeNull();
  });

  await test.step('the provider\'s answer on the card: status and reason come back after unlock; recording it discards the draft', async () => {
    await tab();
    const card = page.getByTestId(`referral-${sentId}`);
    await card.getByLabel('New status').selectOption({ label: 'Declined' });
    await card.getByRole('textbox', { name: 'Reason', exact: true }).fill(typed('decline reason'));
    await lockAtOnce(page, 'shortcut');
    await unlock(page);
    await expect(card.getByLabel('New status')).toHaveValue('declined');
    await expect(card.getByRole('textbox', { name: 'Reason', exact: true })).toHaveValue(typed('decline reason'));
    await card.getByRole('button', { name: 'Record', exact: true }).click();
    await expect(card).toContainText(`Declined: ${typed('decline reason')}`);
    expect(await savedDraft(bridge, key(`move:${sentId}:sent`))).toBeNull();
  });

  await test.step('feedback and views: the section is open again with the text after unlock; saving discards it', async () => {
    await tab();
    const card = page.getByTestId(`referral-${sentId}`);
    await card.getByText('Feedback and views').click();
    const feedback = card.getByLabel("Provider's feedback (outcome, summary, recommendations)");
    await feedback.fill(typed('feedback'));
    await lockAtOnce(page, 'shortcut');
    await unlock(page);
    await expect(feedback).toBeVisible();
    await expect(feedback).toHaveValue(typed('feedback'));
    await card.getByRole('button', { name: 'Save feedback', exact: true }).click();
    await expect(page.getByText('Feedback saved; the linked objective has a progress note.')).toBeVisible();
    expect(await savedDraft(bridge, key(`feedback:${sentId}`))).toBeNull();
  });

  await test.step('another provider after a decline: reopened after unlock', async () => {
    await tab();
    await page.getByTestId(`referral-${sentId}`).getByRole('button', { name: 'Other providers for this need', exact: true }).click();
    await needOf('New referral').fill(typed('alternative'));
    await lockAtOnce(page, 'shortcut');
    await unlock(page);
    await expect(needOf('New referral')).toHaveValue(typed('alternative'));
    await page.getByRole('dialog', { name: 'New referral' }).getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => savedDraft(bridge, key(`alternatives:${sentId}`))).toBeNull();
  });
});

test('service forms: a provider, an area, the boundary import and a category keep their typing through a lock at once', async ({ app: page, bridge }) => {
  test.setTimeout(240_000);
  await setUpOffice(bridge);
  await signIn(page, 'supervisor');
  const area = await ok(bridge, 'services.saveArea', { area: { code: 'KSM-W', name: 'Kisumu West', level: 'district' } });
  const provider = await ok(bridge, 'services.saveProvider', {
    provider: { name: 'Lakeside Counselling', kind: 'ngo', services: [{ name: 'Child counselling', category: 'mental_health', areaIds: [area.id] }] },
  });

  await test.step('a new provider: reopened after unlock; Cancel discards it', async () => {
    await go(page, '/services');
    await page.getByRole('button', { name: 'Add a provider', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a provider' });
    await dialog.getByLabel('Organisation').fill(typed('provider'));
    await lockAtOnce(page, 'dialog', dialog);
    await unlock(page);
    await expect(dialog.getByLabel('Organisation')).toHaveValue(typed('provider'));
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => savedDraft(bridge, 'services:provider:new')).toBeNull();
  });

  await test.step('editing a provider: reopened after unlock with the typing; saving discards it', async () => {
    await go(page, '/services');
    await page.getByRole('button', { name: 'Lakeside Counselling', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit provider' });
    await expect(dialog.getByLabel('Organisation')).toHaveValue('Lakeside Counselling');
    await dialog.getByLabel('Contact person').fill(typed('contact'));
    await lockAtOnce(page, 'shortcut');
    await unlock(page);
    await expect(dialog.getByLabel('Contact person')).toHaveValue(typed('contact'));
    await expect(dialog.getByLabel('Service', { exact: true })).toHaveValue('Child counselling');
    await dialog.getByRole('button', { name: 'Save provider', exact: true }).click();
    await expect(dialog).toBeHidden();
    expect(await savedDraft(bridge, `services:provider:${provider.id}`)).toBeNull();
    const saved = await ok(bridge, 'services.provider', { providerId: provider.id });
    expect(saved.contactName).toBe(typed('contact'));
  });

  await test.step('a new area and the boundary import\'s properties: back after unlock; saving the area discards its draft', async () => {
    await go(page, '/services/areas');
    const add = page.locator('form').filter({ has: page.getByRole('button', { name: 'Save area', exact: true }) });
    await add.getByLabel('Code', { exact: true }).fill('KSM-E');
    await add.getByLabel('Name', { exact: true }).fill('Kisumu East');
    await page.getByLabel('Property holding the area code').fill('ADM2_PCODE');
    await lockAtOnce(page, 'topbar');
    await unlock(page);
    await expect(add.getByLabel('Code', { exact: true })).toHaveValue('KSM-E');
    await expect(add.getByLabel('Name', { exact: true })).toHaveValue('Kisumu East');
    await expect(page.getByLabel('Property holding the area code')).toHaveValue('ADM2_PCODE');
    await add.getByRole('button', { name: 'Save area', exact: true }).click();
    await expect(page.getByRole('rowheader', { name: 'Kisumu East' })).toBeVisible();
    await expect(add.getByLabel('Code', { exact: true })).toHaveValue('');
    expect(await savedDraft(bridge, 'services:areas:new')).toBeNull();
  });

  await test.step('a new category: reopened after unlock with its key and name; Cancel discards it', async () => {
    await go(page, '/admin/categories');
    await page.getByRole('button', { name: 'Add a category', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a category' });
    await dialog.getByLabel(/^Key/).fill('nutrition');
    await dialog.getByLabel(/^Name in English/).fill('Nutrition support');
    await lockAtOnce(page, 'shortcut');
    await unlock(page);
    await expect(dialog.getByLabel(/^Key/)).toHaveValue('nutrition');
    await expect(dialog.getByLabel(/^Name in English/)).toHaveValue('Nutrition support');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => savedDraft(bridge, 'services:category:new')).toBeNull();
  });
});

test("a partner office's answer to a referral it received: back after unlocking (the referral reopens), and answering discards the draft", async ({ app: page, bridge }) => {
  test.setTimeout(240_000);
  // This app is the partner office (Lira); the sending office (Nakuru) works through the API only.
  const nakuru = await startBridge();
  try {
    const nakuruCard = await setUpPartnerOffice(nakuru, 'NKR', 'Nakuru District Office', 'en');
    const liraCard = await setUpPartnerOffice(bridge, 'LRA', 'Lira Counselling Office', 'en');
    const liraInNakuru = await trust(nakuru, liraCard, 'provider');
    await trust(bridge, nakuruCard);
    await ok(nakuru, 'session.login', { username: people.worker.username, password });
    const kase = await ok(nakuru, 'cases.register', {
      child: { givenName: 'Wanjiku', familyName: 'Otieno', sex: 'female', estimatedAgeYears: 12, separationReasons: ['poverty'], area: 'Nakuru Town' },
      notDuplicateOf: [],
    });
    const provider = await ok(nakuru, 'services.saveProvider', { provider: { name: 'Lira Counselling Office', kind: 'ngo', partnerId: liraInNakuru, services: [] } });
    const draft = await ok(nakuru, 'referrals.saveDraft', { caseId: kase.id, referral: { providerId: provider.id, category: 'mental_health', need: 'Counselling', urgency: 'urgent', fields: ['name', 'need', 'urgency'] } });
    const today = new Date().toISOString().slice(0, 10);
    const sealed = await ok(nakuru, 'referrals.sendSealed', { caseId: kase.id, referralId: draft.id, date: today, emergencyReason: 'Cannot wait' });
    await ok(bridge, 'session.login', { username: people.supervisor.username, password });
    const received = await ok(bridge, 'referrals.acceptReceived', { fileBase64: (sealed.file as { dataBase64: string }).dataBase64 });
    await ok(bridge, 'session.logout');

    await signIn(page, 'supervisor');
    await go(page, '/referrals/received');
    await page.getByRole('button', { name: 'Nakuru District Office (NKR)' }).click();
    const detail = page.getByRole('dialog', { name: 'Referral from Nakuru District Office' });
    await detail.getByLabel('New status').selectOption({ label: 'Declined' });
    await detail.getByRole('textbox', { name: 'Reason', exact: true }).fill(typed('partner decline'));
    await lockAtOnce(page, 'dialog', detail);
    await unlock(page);
    await expect(detail.getByLabel('New status')).toHaveValue('declined');
    await expect(detail.getByRole('textbox', { name: 'Reason', exact: true })).toHaveValue(typed('partner decline'));
    await Promise.all([page.waitForEvent('download'), detail.getByRole('button', { name: 'Record and seal the answer', exact: true }).click()]);
    await expect(detail).toContainText(typed('partner decline'));
    expect(await savedDraft(bridge, `referral:${received.id}:respond:sent`)).toBeNull();
  } finally {
    await nakuru.stop();
  }
});
