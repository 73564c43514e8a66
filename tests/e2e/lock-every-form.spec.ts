// Lock at once in every form: whatever the worker typed a moment ago is saved before the session
// locks (by the dialog's Lock button, the top bar's, Ctrl+Shift+L or the idle timer), and after
// unlocking the form they were in is open again with the text in it. Cancelling a note discards it.
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Bridge } from './fixtures';
import { setUpOffice, signIn, signOut } from './casework-kit';
import { openTab } from './casework-steps';
import { lockAtOnce, unlock, type LockBy } from './lock-kit';

test.use({ locale: 'en-US', viewport: { width: 1366, height: 900 }, actionTimeout: 15_000 });

async function registerThroughApi(bridge: Bridge) {
  const result = await bridge.call('cases.register', {
    child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 11, separationReasons: ['poverty'], area: 'Kisumu West' },
    notDuplicateOf: [],
  });
  expect(result.ok, JSON.stringify(result.error)).toBe(true);
  return result.value as { id: string };
}

interface FormCase {
  name: string;
  tab?: RegExp;
  /** Opens the form; returns where its fields are (a dialog, or the page). */
  open(page: Page): Promise<Locator>;
  field(scope: Locator): Locator;
  lockBy: LockBy;
}

const dialogNamed = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

const forms: FormCase[] = [
  {
    name: 'a note',
    tab: /^Notes/,
    open: async (page) => {
      await page.getByRole('button', { name: 'Write a note' }).click();
      return dialogNamed(page, 'Write a note');
    },
    field: (scope) => scope.getByRole('textbox', { name: 'Note', exact: true }),
    lockBy: 'shortcut',
  },
  {
    name: 'a tracing action',
    tab: /^Tracing/,
    open: async (page) => {
      await page.getByRole('button', { name: 'Record a tracing action' }).click();
      return dialogNamed(page, 'Record a tracing action');
    },
    field: (scope) => scope.getByLabel('Person contacted'),
    lockBy: 'dialog',
  },
  {
    name: 'a relative',
    tab: /^Family/,
    open: async (page) => {
      await page.getByRole('button', { name: 'Add a relative' }).click();
      return page.getByRole('dialog').first();
    },
    field: (scope) => scope.getByLabel('Given name(s)'),
    lockBy: 'shortcut',
  },
  {
    name: 'a consent',
    tab: /^Consent/,
    open: async (page) => {
      await page.getByRole('button', { name: 'Record consent or assent' }).click();
      return page.getByRole('dialog').first();
    },
    field: (scope) => scope.getByLabel('Notes'),
    lockBy: 'dialog',
  },
  {
    name: 'the risk assessment',
    tab: /^Risk and safety/,
    open: async (page) => {
      await page.getByRole('button', { name: 'Assess the risks' }).click();
      return dialogNamed(page, 'Risk assessment');
    },
    field: (scope) => scope.getByLabel('Summary'),
    lockBy: 'shortcut',
  },
  {
    name: 'the safety plan',
    tab: /^Risk and safety/,
    open: async (page) => {
      await page.getByRole('button', { name: 'Make a safety plan' }).click();
      return dialogNamed(page, 'Safety plan');
    },
    field: (scope) => scope.getByLabel('What the child does if harmed'),
    lockBy: 'dialog',
  },
  {
    name: 'the best interests determination',
    tab: /^Best interests/,
    open: async (page) => {
      await page.getByRole('button', { name: 'Start a determination' }).click();
      return dialogNamed(page, 'Best interests determination');
    },
    field: (scope) => scope.getByLabel('Reasons for the decision'),
    lockBy: 'shortcut',
  },
  {
    name: 'the case plan editor',
    tab: /^Case plan/,
    open: async (page) => {
      await page.getByRole('button', { name: 'Start the case plan' }).click();
      return page.getByRole('main');
    },
    field: (scope) => scope.getByLabel('Contingency plan'),
    lockBy: 'topbar',
  },
  {
    name: "the child's details",
    open: async (page) => {
      await page.getByRole('button', { name: 'Edit the details' }).click();
      return page.getByRole('main');
    },
    field: (scope) => scope.getByLabel('Given name'),
    lockBy: 'shortcut',
  },
];

test('lock at once in every form: the text is there after unlocking, in the form that was open', async ({ app: page, bridge }) => {
  test.setTimeout(240_000);
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  const kase = await registerThroughApi(bridge);
  const caseUrl = `${page.url().replace(/#.*$/, '')}#/cases/${kase.id}`;

  for (const form of forms) {
    await test.step(form.name, async () => {
      await page.goto(caseUrl);
      await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
      if (form.tab) await openTab(page, form.tab);
      const scope = await form.open(page);
      const text = `Typed just before locking (${form.name}) — كُتب قبل القفل.`;
      await form.field(scope).fill(text);
      await lockAtOnce(page, form.lockBy, scope);
      await unlock(page);
      // Back in the same form, without asking: it reopened itself with the typing in it.
      await expect(form.field(form.name === 'the case plan editor' || form.name === "the child's details" ? page.getByRole('main') : page.getByRole('dialog').first())).toHaveValue(text);
      await expect(page.getByText(/unsaved draft/)).toHaveCount(0);
    });
  }

  // The registration page keeps its typing through a lock from the top bar too.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'My work' }).click();
  await page.getByRole('link', { name: 'Register a child' }).click();
  await page.getByLabel('Given name').fill('Zawadi');
  await lockAtOnce(page, 'topbar');
  await unlock(page);
  await expect(page.getByLabel('Given name')).toHaveValue('Zawadi');
});

test('an assessment without its own reopening is offered back: "You have an unsaved draft — continue"', async ({ app: page, bridge }) => {
  test.setTimeout(90_000);
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  const kase = await registerThroughApi(bridge);
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${kase.id}?tab=assessments`);
  await page.getByLabel('Assessment form').selectOption({ label: 'Child assessment' });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const dialog = dialogNamed(page, 'Child assessment');
  await dialog.getByLabel(/Experience while separated/).fill('Lived at the bus park for eight months.');
  await lockAtOnce(page, 'shortcut');
  await unlock(page);
  const offer = page.getByRole('status').filter({ hasText: 'You have an unsaved draft — continue where you were.' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: /open the form again/ }).click();
  await expect(offer).toHaveCount(0);
  await page.getByLabel('Assessment form').selectOption({ label: 'Child assessment' });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(dialogNamed(page, 'Child assessment').getByLabel(/Experience while separated/)).toHaveValue('Lived at the bus park for eight months.');
});

test('logging out right after typing keeps the draft for the same worker, and the next person sees no offer', async ({ app: page, bridge }) => {
  test.setTimeout(90_000);
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  const kase = await registerThroughApi(bridge);
  const caseUrl = `${page.url().replace(/#.*$/, '')}#/cases/${kase.id}?tab=notes`;
  await page.goto(caseUrl);
  await page.getByRole('button', { name: 'Write a note' }).click();
  await dialogNamed(page, 'Write a note').getByRole('textbox', { name: 'Note', exact: true }).fill('Visit with the grandmother went well.');
  // Logging out is in the sidebar, behind the dialog: Escape keeps the draft, then log out at once.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'worker');
  await expect(page.getByText(/unsaved draft/)).toHaveCount(0);
  await page.goto(caseUrl);
  await page.getByRole('button', { name: 'Write a note' }).click();
  await expect(dialogNamed(page, 'Write a note').getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('Visit with the grandmother went well.');
});

test('cancelling a note discards it (after asking), and the next note opens empty', async ({ app: page, bridge }) => {
  test.setTimeout(90_000);
  await setUpOffice(bridge);
  await signIn(page, 'worker');
  const kase = await registerThroughApi(bridge);
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${kase.id}?tab=notes`);
  await page.getByRole('button', { name: 'Write a note' }).click();
  let dialog = dialogNamed(page, 'Write a note');
  await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill('Not meant to be kept.');
  await expect(dialog.getByText('Draft saved')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Discard this note?');
  await dialog.getByRole('button', { name: 'Keep writing' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('Not meant to be kept.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard the note' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Write a note' }).click();
  dialog = dialogNamed(page, 'Write a note');
  await expect(dialog.getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('');
  await expect(dialog.getByText(/restored/)).toHaveCount(0);
});

test('auto-lock warns first, announced, and one key gives the time back; drafts are kept when it locks', async ({ app: page, bridge }) => {
  test.setTimeout(90_000);
  await page.clock.install();
  await setUpOffice(bridge);
  await signIn(page, 'admin');
  expect((await bridge.call('admin.updateSettings', { autoLockMinutes: 2 })).ok).toBe(true);
  await signOut(page);
  await signIn(page, 'worker');
  const kase = await registerThroughApi(bridge);
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${kase.id}?tab=notes`);
  await page.getByRole('button', { name: 'Write a note' }).click();
  const dialog = dialogNamed(page, 'Write a note');
  await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill('Half-written when the phone rang.');

  // A minute before the lock: the warning, inside the open dialog, as an alert.
  await page.clock.fastForward('01:02');
  const warning = page.getByRole('alert').filter({ hasText: /Homeward will lock soon/ });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/Locking in \d+ seconds/);
  await page.keyboard.press('Shift');
  await expect(warning).toHaveCount(0);

  // Not extended this time: it locks, and the note is there after unlocking.
  await page.clock.fastForward('01:02');
  await expect(page.getByRole('alert').filter({ hasText: /Homeward will lock soon/ })).toBeVisible();
  await page.clock.fastForward('01:00');
  await expect(page.getByRole('heading', { name: 'Homeward is locked' })).toBeVisible();
  await unlock(page);
  await expect(dialogNamed(page, 'Write a note').getByRole('textbox', { name: 'Note', exact: true })).toHaveValue('Half-written when the phone rang.');
});
