// Arabic turns the whole layout right-to-left: <html dir="rtl" lang="ar">, the sections on the
// right, text aligned to the right; and the language chosen on the sign-in screen sticks.
import { expect, test } from './fixtures';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

const admin = { username: 'amina', displayName: 'أمينة الحسن', password: 'correct horse battery staple' };

test('Arabic renders the sign-in screen and the app frame right-to-left', async ({ app: page, bridge }, testInfo) => {
  const setup = await bridge.call('session.setupOffice', {
    office: { name: 'مكتب الرعاية الاجتماعية في الخرطوم', code: 'KRT-02', country: 'SD', defaultLanguage: 'en' },
    admin: { username: admin.username, displayName: admin.displayName, password: admin.password },
  });
  expect(setup.ok).toBe(true);
  await page.reload();

  // The sign-in screen follows the office's default language until someone picks another.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { name: 'تسجيل الدخول' })).toBeVisible();

  // The panel's text starts at the right edge.
  const usernameLabel = await page.getByText('اسم المستخدم', { exact: true }).boundingBox();
  const usernameInput = await page.getByLabel('اسم المستخدم').boundingBox();
  expect(usernameLabel!.x + usernameLabel!.width).toBeGreaterThan(usernameInput!.x + usernameInput!.width - 4);

  await page.getByLabel('اسم المستخدم').fill(admin.username);
  await page.getByLabel('كلمة المرور').fill(admin.password);
  await page.getByRole('button', { name: 'دخول', exact: true }).click();

  // The frame: the sections' navigation sits on the right, the page to its left.
  const nav = page.getByRole('navigation', { name: 'الأقسام' });
  await expect(nav).toBeVisible();
  await expect(page.getByRole('heading', { name: 'المستخدمون والأدوار', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const navBox = (await nav.boundingBox())!;
  const mainBox = (await page.getByRole('main').boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(navBox.x).toBeGreaterThan(mainBox.x + mainBox.width - 1);
  expect(navBox.x + navBox.width).toBeGreaterThan(viewport.width - 40);
  expect(mainBox.x).toBeLessThan(10);

  // Table cells are aligned to the right too, and dates are written in Arabic.
  const nameHeader = (await page.getByRole('columnheader', { name: 'الاسم' }).boundingBox())!;
  const statusHeader = (await page.getByRole('columnheader', { name: 'الحالة' }).boundingBox())!;
  expect(nameHeader.x).toBeGreaterThan(statusHeader.x);

  // The choice made on the sign-in screen became the person's language.
  const status = await bridge.call('session.status', {});
  expect((status.value as { session: { language: string } }).session.language).toBe('ar');

  const shot = testInfo.outputPath('arabic-users.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('arabic-users', { path: shot, contentType: 'image/png' });
  if (process.env.HOMEWARD_E2E_SHOTS) await page.screenshot({ path: `${process.env.HOMEWARD_E2E_SHOTS}/arabic-users.png`, fullPage: true });

  // After logout the next person sees the office's default language again.
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});
