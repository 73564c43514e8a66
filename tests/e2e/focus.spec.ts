// After any action, focus goes to a defined, visible place — never back to <body>, where a keyboard
// or screen-reader user would start again from the top (ui/focus.ts). One test per action, each on
// its own copy of a generated office (cases in every stage, with their records).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seedOffice } from './a11y-walk';
import { expect, startBridge, test, type Bridge } from './fixtures';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

const staffPassword = 'seeded district team passphrase';
let template = '';
test.beforeAll(() => {
  template = seedOffice(8);
});
test.afterAll(() => {
  if (template) fs.rmSync(template, { recursive: true, force: true });
});

interface Row {
  id: string;
  stage: string;
  status: string;
}

interface Office {
  bridge: Bridge;
  base: string;
  cases: (input: Record<string, unknown>) => Promise<Row[]>;
}

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A copy of the generated office, its bridge, and the page signed in as the first supervisor. */
async function openOffice(page: Page, use: (office: Office) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-focus-'));
  fs.cpSync(template, dir, { recursive: true });
  const bridge = await startBridge({ dataDir: dir });
  try {
    await page.goto(bridge.launchUrl);
    await ok(bridge, 'session.login', { username: 'supervisor1', password: staffPassword });
    const base = page.url().replace(/#.*$/, '');
    await page.goto(`${base}#/work`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const cases = async (input: Record<string, unknown>) => ((await ok(bridge, 'cases.list', { status: 'open', limit: 50, ...input })) as { rows: Row[] }).rows;
    await use({ bridge, base, cases });
  } finally {
    await bridge.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What has focus, described for the failure message. */
function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return '<body>';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"`;
  });
}

async function expectFocusSettledOn(page: Page, expected: RegExp): Promise<void> {
  await expect.poll(() => focusedElement(page), { timeout: 5000 }).toMatch(expected);
  // And it stays there: nothing later pulls it back to <body> or <main>.
  await page.waitForTimeout(600);
  expect(await focusedElement(page)).toMatch(expected);
}

/** Opens a tab of the first case (of these stages) where `ready` finds what the test needs. */
async function openTabWhere(page: Page, office: Office, stages: string[], tab: string, ready: () => Promise<boolean>): Promise<string> {
  for (const row of await office.cases({ stages })) {
    await page.goto(`${office.base}#/cases/${row.id}?tab=${tab}`);
    await expect(page.locator('#case-tabpanel')).toBeVisible();
    await expect(page.locator('#case-tabpanel .loading')).toHaveCount(0);
    if (await ready()) return row.id;
  }
  throw new Error(`no ${stages.join('/')} case has what the ${tab} test needs`);
}

test('removing a tracing action puts focus on the next action in the log', async ({ page }) => {
  await openOffice(page, async (office) => {
    const removeButtons = page.getByRole('button', { name: /^Remove the action of/ });
    await openTabWhere(page, office, ['follow_up', 'reunification', 'preparation'], 'tracing', async () => (await removeButtons.count()) >= 2);
    const before = await removeButtons.count();
    await removeButtons.first().focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Remove this tracing action?' });
    await dialog.getByLabel('Why it is removed').fill('Entered twice by mistake.');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(removeButtons).toHaveCount(before - 1);
    await expectFocusSettledOn(page, /^button "(Correct|Remove) the action of/);
    await expect(page.getByRole('region', { name: 'Tracing log' }).locator(':focus')).toHaveCount(1);
  });
});

test('removing a preparation item puts focus on the next item', async ({ page }) => {
  await openOffice(page, async (office) => {
    const panel = page.locator('#case-tabpanel');
    const removeButtons = panel.getByRole('button', { name: /^Remove: / });
    await openTabWhere(page, office, ['preparation', 'reunification', 'follow_up'], 'preparation', async () => {
      if ((await removeButtons.count()) >= 2) return true;
      const defaults = page.getByRole('button', { name: 'Add the default checklist' });
      if (!(await defaults.isVisible())) return false;
      await defaults.click();
      await expect(removeButtons.nth(1)).toBeVisible();
      return true;
    });
    const before = await removeButtons.count();
    await removeButtons.first().click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(removeButtons).toHaveCount(before - 1);
    await expectFocusSettledOn(page, /^(button|a|input|select|tr|td)/);
    expect(await panel.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  });
});

test('taking a family member off the list puts focus on the next person', async ({ page }) => {
  await openOffice(page, async (office) => {
    const removeButtons = page.getByRole('button', { name: /^Take .* off the list$/ });
    await openTabWhere(page, office, ['follow_up', 'reunification', 'preparation', 'tracing_assessment'], 'family', async () => (await removeButtons.count()) >= 2);
    const before = await removeButtons.count();
    await removeButtons.first().click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByLabel('Why?').fill('Recorded in the wrong case.');
    await dialog.getByRole('button', { name: 'Take off the list' }).click();
    await expect(dialog).toBeHidden();
    await expect(removeButtons).toHaveCount(before - 1);
    await expectFocusSettledOn(page, /^(button|a|input|select|h2|h3|tr|td|li|section)/);
    expect(await page.locator('#case-tabpanel').evaluate((node) => node.contains(document.activeElement))).toBe(true);
  });
});

test('removing an "Other names" chip puts focus on the next chip, then on the box', async ({ page }) => {
  await openOffice(page, async (office) => {
    await page.goto(`${office.base}#/cases/new`);
    const box = page.getByRole('textbox', { name: 'Other names' });
    await box.fill('Mimi');
    await box.press('Enter');
    await box.fill('Akinyi');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Remove Mimi' }).click();
    await expectFocusSettledOn(page, /^button "Remove Akinyi"/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Remove Akinyi' })).toHaveCount(0);
    await expect(box).toBeFocused();
  });
});

test('submitting "Start a determination" lands on the determination just submitted', async ({ page }) => {
  await openOffice(page, async (office) => {
    const start = page.getByRole('button', { name: 'Start a determination' });
    await openTabWhere(page, office, ['tracing_assessment', 'preparation', 'reunification', 'follow_up'], 'bid', () => start.isVisible());
    await start.click();
    const dialog = page.getByRole('dialog', { name: 'Best interests determination' });
    await dialog.getByRole('button', { name: 'Add a panel member' }).click();
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).first().fill('Peter Ouma');
    await dialog.getByRole('textbox', { name: 'Role', exact: true }).first().fill('Child protection officer');
    await dialog.getByLabel(/The child.s views, in the child.s own words/).fill('I want to go home to my mother.');
    await dialog.getByRole('combobox', { name: 'Decision', exact: true }).selectOption('reintegration_with_family');
    await dialog.getByLabel('Reasons for the decision').fill('The family is found, willing and supported.');
    await dialog.getByRole('button', { name: 'Submit for approval' }).click();
    await expect(dialog).toBeHidden();
    await expectFocusSettledOn(page, /^h2#bid-title-.* "Determination of /);
  });
});

test('inline editors: focus goes to the editor when it opens and back to its button when it closes', async ({ page }) => {
  await openOffice(page, async (office) => {
    // "Edit the details" on the overview.
    const [row] = await office.cases({ stages: ['follow_up'] });
    await page.goto(`${office.base}#/cases/${row!.id}`);
    await page.getByRole('button', { name: 'Edit the details' }).click();
    await expectFocusSettledOn(page, /^h2 "Edit the child's details"/);
    await page.locator('#case-tabpanel').getByRole('button', { name: 'Cancel', exact: true }).click();
    await expectFocusSettledOn(page, /^button "Edit the details"/);

    // "Revise the plan" (or the draft's "Edit the draft").
    const edit = page.getByRole('button', { name: /^(Revise the plan|Edit the draft|Start the case plan)$/ });
    await openTabWhere(page, office, ['follow_up', 'reunification', 'preparation'], 'plan', () => edit.first().isVisible());
    await edit.first().click();
    await expectFocusSettledOn(page, /^h3#plan-editor-title/);
    await page.getByRole('button', { name: 'Close and keep my typing' }).click();
    await expectFocusSettledOn(page, /^button "(Revise the plan|Edit the draft|Start the case plan)"/);

    // Reunification "Edit the record".
    const editRecord = page.getByRole('button', { name: 'Edit the record' });
    await openTabWhere(page, office, ['follow_up', 'reunification'], 'reunification', () => editRecord.isVisible());
    await editRecord.click();
    await expectFocusSettledOn(page, /^h3#reunification-date/);
    await page.locator('#case-tabpanel').getByRole('button', { name: 'Cancel', exact: true }).click();
    await expectFocusSettledOn(page, /^button "Edit the record"/);
  });
});

test('changing the language in the top bar keeps focus on the language choice', async ({ page }) => {
  await openOffice(page, async () => {
    const language = page.locator('.topbar').getByLabel('Language');
    await language.focus();
    await language.selectOption('fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expectFocusSettledOn(page, /^select/);
    await expect(page.locator('.topbar').getByLabel('Langue')).toBeFocused();
  });
});

test('unlocking returns to the page with focus on its heading', async ({ page }) => {
  await openOffice(page, async (office) => {
    await page.goto(`${office.base}#/cases`);
    await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await page.getByLabel('Password').fill(staffPassword);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expectFocusSettledOn(page, /^h1 "Cases"/);
  });
});

test('changing a filter after a search, or after Back, keeps focus on the filter', async ({ page }) => {
  await openOffice(page, async (office) => {
    await page.goto(`${office.base}#/cases`);
    const search = page.getByRole('searchbox', { name: 'Search by name or case number' });
    const [someone] = (await office.cases({})) as unknown as { familyName: string }[];
    await search.fill(someone!.familyName);
    await page.waitForTimeout(600);
    const filter = page.locator('.case-filters input[type="checkbox"]').first();
    await filter.focus();
    await page.keyboard.press('Space');
    await expectFocusSettledOn(page, /^input/);

    // Open a case from the whole list, come back, change a filter again.
    await page.goto(`${office.base}#/cases`);
    await page.locator('.case-table__link').first().click();
    await expect(page.locator('.case-header__name')).toBeVisible();
    await page.goBack();
    await expect(page.locator('.case-filters')).toBeVisible();
    const another = page.locator('.case-filters input[type="checkbox"]').nth(1);
    await another.focus();
    await page.keyboard.press('Space');
    await expectFocusSettledOn(page, /^input/);
  });
});

test('"What\'s next → Open …" lands on the tab panel, also after Back', async ({ page }) => {
  await openOffice(page, async (office) => {
    const [row] = await office.cases({ stages: ['tracing_assessment'] });
    await page.goto(`${office.base}#/cases/${row!.id}`);
    const next = page.getByRole('region', { name: "What's next" });
    const link = next.locator('.gate-list__link').first();
    await link.click();
    await expectFocusSettledOn(page, /^div#case-tabpanel/);
    await page.goBack();
    await expect(page.locator('#case-tabpanel')).toBeVisible();
    await next.locator('.gate-list__link').first().click();
    await expectFocusSettledOn(page, /^div#case-tabpanel/);
  });
});
