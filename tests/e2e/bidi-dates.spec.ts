// Text that reads right: user text takes its own direction inside the app's sentences and tables,
// and dates are typed and read in the app's language (day first), never in the browser's order;
// a date that is incomplete or does not exist is refused, not guessed.
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Bridge } from './fixtures';
import { password } from './casework-kit';

test.use({ locale: 'en-US', viewport: { width: 1366, height: 900 }, actionTimeout: 15_000 });

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** An office whose case worker works in `language`, signed in on the page, with one case. */
async function officeWithCase(page: Page, bridge: Bridge, language: 'en' | 'fr' | 'ar') {
  await ok(bridge, 'session.setupOffice', {
    office: { name: 'Kisumu District Office', code: 'KSM', country: 'KE', defaultLanguage: language },
    admin: { username: 'admin', displayName: 'Grace Admin', password },
  });
  await ok(bridge, 'session.login', { username: 'admin', password });
  // An administrator's password is replaced at the first sign-in.
  const given = `${password} as given`;
  await ok(bridge, 'admin.createUser', { username: 'amani', displayName: 'Amani Wekesa', role: 'caseworker', language, password: given });
  await ok(bridge, 'session.logout');
  await ok(bridge, 'session.login', { username: 'amani', password: given });
  await ok(bridge, 'session.changePassword', { currentPassword: given, newPassword: password });
  const kase = (await ok(bridge, 'cases.register', {
    child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 11, separationReasons: ['poverty'], area: 'Kisumu West' },
    notDuplicateOf: [],
  })) as { id: string };
  await page.reload();
  // The start page's own redirect must be done before a test moves to the case.
  await expect(page).toHaveURL(/#\/work/);
  return kase.id;
}

const direction = (locator: Locator) => locator.evaluate((el) => (el.matches(':dir(rtl)') ? 'rtl' : 'ltr'));

test('in the Arabic interface, Latin user text with punctuation keeps its order', async ({ app: page, bridge }) => {
  const caseId = await officeWithCase(page, bridge, 'ar');
  const latin = '<img src=x onerror=alert(1)> Visit done.';
  await ok(bridge, 'notes.add', { caseId, note: { kind: 'general', date: new Date().toISOString().slice(0, 10), text: latin } });
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}?tab=notes`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const note = page.getByText(latin, { exact: true });
  await expect(note).toBeVisible();
  expect(await direction(note)).toBe('ltr');
  // A Latin name inside an Arabic sentence of the timeline ("بواسطة …") is isolated in its own direction.
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}?tab=timeline`);
  const by = page.locator('.timeline__meta bdi', { hasText: 'Amani Wekesa' }).first();
  await expect(by).toBeVisible();
  expect(await direction(by)).toBe('ltr');
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}?tab=notes`);
  // An empty field still follows the interface (right to left).
  await page.getByRole('button', { name: 'كتابة ملاحظة' }).click();
  const box = page.getByRole('dialog').getByRole('textbox', { name: 'الملاحظة', exact: true });
  expect(await direction(box)).toBe('rtl');
});

test('in the English interface, an Arabic note runs right to left with its full stop at its end', async ({ app: page, bridge }) => {
  const caseId = await officeWithCase(page, bridge, 'en');
  const arabic = 'زارت الأخصائية العائلة اليوم.';
  await ok(bridge, 'notes.add', { caseId, note: { kind: 'general', date: new Date().toISOString().slice(0, 10), text: arabic } });
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}?tab=notes`);
  const note = page.getByText(arabic, { exact: true });
  await expect(note).toBeVisible();
  expect(await direction(note)).toBe('rtl');
});

/** Today (the only day a note on a case registered today can be about) as typed and as read. */
function today(language: string) {
  const iso = new Date().toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  const at = new Date(`${iso}T00:00:00Z`);
  return {
    typed: `${d}/${m}/${y}`,
    inWords: new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(at),
    shown: new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(at),
    monthYear: new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at),
  };
}

test('dates are typed day first in the app language, read back in words, and never guessed', async ({ app: page, bridge }) => {
  const day = today('en');
  const caseId = await officeWithCase(page, bridge, 'en');
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}?tab=notes`);
  await page.getByRole('button', { name: 'Write a note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write a note' });
  const date = dialog.getByLabel('Date it is about');
  await expect(date).toHaveAttribute('type', 'text');
  await expect(dialog.getByText('Day, month, year: dd/mm/yyyy')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill('Dated by hand.');

  // Typed day first, read day first, whatever the browser's own locale (en-US here) says.
  await date.fill('06/12/2026');
  await expect(date).toHaveAccessibleDescription(/Sunday, December 6, 2026/);

  // Without the year it is refused, and saving does not go ahead.
  await date.fill('12/06');
  await date.blur();
  await expect(dialog.getByText('Write the day, the month and the year, for example 06/12/2026.')).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeVisible();

  // A day that does not exist is refused too.
  await date.fill('31/02/2026');
  await date.blur();
  await expect(dialog.getByText(/This day does not exist/)).toBeVisible();

  // The calendar is in the app's language and fills the same field.
  await dialog.getByRole('button', { name: 'Calendar' }).click();
  await expect(dialog.getByRole('grid', { name: day.monthYear })).toBeVisible();
  await dialog.getByRole('button', { name: /^Today, / }).click();
  await expect(date).toHaveValue(day.typed);
  await expect(date).toHaveAccessibleDescription(new RegExp(day.inWords));
  await dialog.getByRole('button', { name: 'Save note' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(day.shown).first()).toBeVisible();
});

test('in French the date field says jj/mm/aaaa, reads the day in French and the calendar is French', async ({ app: page, bridge }) => {
  const day = today('fr');
  const caseId = await officeWithCase(page, bridge, 'fr');
  await page.goto(`${page.url().replace(/#.*$/, '')}#/cases/${caseId}?tab=notes`);
  await page.getByRole('button', { name: 'Écrire une note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Écrire une note' });
  const date = dialog.getByLabel('Date concernée');
  await expect(date).toHaveAttribute('placeholder', 'jj/mm/aaaa');
  await date.fill(day.typed);
  await expect(date).toHaveAccessibleDescription(new RegExp(day.inWords));
  await dialog.getByRole('button', { name: 'Calendrier' }).click();
  await expect(dialog.getByRole('grid', { name: day.monthYear })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Note', exact: true }).fill('Visite faite.');
  await dialog.getByRole('button', { name: 'Enregistrer la note' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(day.shown).first()).toBeVisible();
});
