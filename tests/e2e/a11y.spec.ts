// axe-core finds no serious or critical violation on the foundation's screens — setup, sign-in,
// lock, the app frame, users and roles (with its dialog), office settings and the audit log — in
// English and in Arabic.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

const password = 'correct horse battery staple';

async function expectNoSeriousViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(report, `axe on ${screen}`).toEqual([]);
}

for (const language of ['en', 'ar'] as const) {
  test(`no serious or critical axe violation on the foundation's screens (${language})`, async ({ app: page, bridge }) => {
    test.slow();
    const t = (en: string, ar: string) => (language === 'en' ? en : ar);

    // Setup wizard, step 1 (in the language picked on the screen).
    await expect(page.locator('h1')).toBeVisible();
    if (language === 'ar') await page.getByLabel('Language', { exact: true }).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.getByRole('button', { name: t('Continue', 'متابعة') }).click(); // shows field errors too
    await expectNoSeriousViolations(page, 'setup: office');

    // The rest of the setup through the API; the sign-in screen follows the office's language.
    const setup = await bridge.call('session.setupOffice', {
      office: { name: 'Gulu District Office', code: 'GUL-01', country: 'UG', defaultLanguage: language },
      admin: { username: 'okello', displayName: 'Okello James', password },
    });
    expect(setup.ok).toBe(true);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.getByRole('button', { name: t('Sign in', 'دخول'), exact: true }).click(); // empty: field errors
    await expectNoSeriousViolations(page, 'sign-in');

    await page.getByLabel(t('Username', 'اسم المستخدم')).fill('okello');
    await page.getByLabel(t('Password', 'كلمة المرور')).fill(password);
    await page.getByRole('button', { name: t('Sign in', 'دخول'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('Users and roles', 'المستخدمون والأدوار') })).toBeVisible();
    await expectNoSeriousViolations(page, 'app frame: users and roles');

    await page.getByRole('button', { name: t('Add a user', 'إضافة مستخدم') }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: t('Add the user', 'إضافة المستخدم') }).click();
    await expectNoSeriousViolations(page, 'dialog: add a user');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('link', { name: t('Office settings', 'إعدادات المكتب') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('Office settings', 'إعدادات المكتب') })).toBeVisible();
    await expectNoSeriousViolations(page, 'office settings');

    await page.getByRole('link', { name: t('Audit log', 'سجل التدقيق') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('Audit log', 'سجل التدقيق') })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByText(t('Intact', 'سليمة'))).toBeVisible();
    await expectNoSeriousViolations(page, 'audit log');

    await page.getByRole('button', { name: t('Lock', 'قفل'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('Homeward is locked', 'Homeward مقفل') })).toBeVisible();
    await expectNoSeriousViolations(page, 'lock');
  });
}
