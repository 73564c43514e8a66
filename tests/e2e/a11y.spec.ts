// axe-core finds no serious or critical violation on the foundation's screens — setup, sign-in,
// lock, the app frame, users and roles (with its dialog), office settings and the audit log — and
// in every dialog of the case file and the administration pages, in English and in Arabic.
import fs from 'node:fs';
import { caseTabs } from '../../shared/cases/stages';
import { axeFindings, seedOffice, walkDialogs } from './a11y-walk';
import { expectNoSeriousViolations } from './casework-kit';
import { expect, startBridge, test, type Bridge } from './fixtures';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

const password = 'correct horse battery staple';

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
    await expect(page.getByText(t('Intact', 'سليمة'), { exact: true })).toBeVisible();
    await expectNoSeriousViolations(page, 'audit log');

    await page.getByRole('button', { name: t('Lock', 'قفل'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('Homeward is locked', 'Homeward مقفل') })).toBeVisible();
    await expectNoSeriousViolations(page, 'lock');
  });
}

// Every dialog in every state: on a generated office (cases at every stage, with their records),
// each case-file tab, the case header's actions, the register form's duplicate check and the
// administration pages; each dialog is scanned empty, after submitting it empty (its errors) and
// filled in. Tags wcag2a/aa and wcag21a/aa; serious and critical findings fail.
async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

interface Row {
  id: string;
  givenName: string;
  familyName: string;
  ageYears: number | null;
  stage: string;
}

for (const language of ['en', 'ar'] as const) {
  for (const stages of [['tracing_assessment', 'preparation'], ['reunification', 'follow_up']] as const) {
    test(`every dialog of the case file is axe-clean empty, with errors and filled (${language}, ${stages.join(' + ')})`, async ({ page }) => {
      test.setTimeout(420_000);
      const dataDir = seedOffice(8);
      const bridge = await startBridge({ dataDir });
      try {
        await page.goto(bridge.launchUrl);
        await ok(bridge, 'session.login', { username: 'supervisor1', password: 'seeded district team passphrase' });
        await ok(bridge, 'session.setLanguage', { language });
        const base = page.url().replace(/#.*$/, '');
        const findings: string[] = [];
        const seen = new Set<string>();
        for (const stage of stages) {
          const { rows } = (await ok(bridge, 'cases.list', { stages: [stage], status: 'open', limit: 1 })) as { rows: Row[] };
          const kase = rows[0];
          if (!kase) continue;
          await page.goto(`${base}#/cases/${kase.id}`);
          await page.reload();
          await expect(page.locator('html')).toHaveAttribute('lang', language);
          findings.push(...(await walkDialogs(page, `${base}#/cases/${kase.id}`, '.case-header__actions', 'case header', seen)));
          for (const tab of caseTabs) {
            const url = `${base}#/cases/${kase.id}?tab=${tab}`;
            await page.goto(url);
            await expect(page.locator('#case-tabpanel')).toBeVisible();
            await expect(page.locator('.loading')).toHaveCount(0);
            for (const finding of await axeFindings(page)) findings.push(`${stage} ${tab} tab: ${finding}`);
            findings.push(...(await walkDialogs(page, url, '#case-tabpanel', `${tab} tab`, seen)));
          }
        }

        // Registering a child who may already have a case: the duplicate panel, one match set aside.
        const { rows } = (await ok(bridge, 'cases.list', { limit: 1 })) as { rows: Row[] };
        await page.goto(`${base}#/cases/new`);
        await page.locator('input[name="child.givenName"]').fill(rows[0]!.givenName);
        await page.locator('input[name="child.familyName"]').fill(rows[0]!.familyName);
        await page.locator('input[name="child.estimatedAgeYears"]').fill(String(rows[0]!.ageYears ?? 10));
        const different = page.locator('.duplicates .toggle-button').first();
        await expect(different).toBeVisible();
        await different.click();
        await expect(different).toHaveAttribute('aria-pressed', 'true');
        for (const finding of await axeFindings(page)) findings.push(`register, duplicate set aside: ${finding}`);
        await page.locator('form button[type="submit"]').last().click(); // the form's own errors
        for (const finding of await axeFindings(page)) findings.push(`register, with errors: ${finding}`);

        // Administration: the users' dialogs and the key rotation.
        await ok(bridge, 'session.logout');
        await ok(bridge, 'session.login', { username: 'admin', password: 'seeded office manager passphrase' });
        await ok(bridge, 'session.setLanguage', { language });
        await page.goto(`${base}#/admin/users`);
        await page.reload();
        for (const screen of ['users', 'settings', 'practice', 'security']) {
          findings.push(...(await walkDialogs(page, `${base}#/admin/${screen}`, 'main', `admin ${screen}`, seen)));
        }
        expect(findings).toEqual([]);
      } finally {
        await bridge.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }
}
