// The Child Status Index's score guide while scoring: under each factor a closed "Score guide"
// the keyboard reaches straight from the factor's scale; opened with Enter it says what each score
// looks like and how to read the factor by age, the child's own age band marked in words. The open
// guide is axe-clean, and closes again with the keyboard; once completed, each score reads with what
// it looks like for that factor. In English and in Arabic (right to left). Set-up that is not under test goes
// through the bridge.
import { expect, test, type Bridge } from './fixtures';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn } from './casework-kit';

async function ok<T = { id: string }>(bridge: Bridge, channel: string, input: unknown = {}): Promise<T> {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

const words = {
  en: {
    dir: 'ltr',
    tablist: 'Parts of the case file',
    tab: /^Assessments/,
    chooser: 'Assessment form',
    start: 'Start',
    form: 'Child Status Index (well-being)',
    factor: 'Food security',
    summary: 'Score guide: Food security',
    fair: '3 · Fair',
    best: 'The child has enough food every day, at regular meals.',
    fairMeans: 'The child usually has enough to eat, though on some days there is less or the food is plain.',
    firstTerm: '1 · Very bad',
    childBand: '5 to 12 (this child’s age)',
    under5: 'Under 5',
    abuse: 'Abuse and exploitation',
    complete: 'Complete the assessment',
    openDone: /^Open Child Status Index/,
  },
  ar: {
    dir: 'rtl',
    tablist: 'أقسام ملف الحالة',
    tab: /^التقييمات/,
    chooser: 'نموذج التقييم',
    start: 'ابدأ',
    form: 'مؤشر حالة الطفل (الرفاه)',
    factor: 'الأمن الغذائي',
    summary: 'دليل التقييم: الأمن الغذائي',
    fair: '3 · مقبول',
    best: 'يحصل الطفل على طعام كافٍ كل يوم في وجبات منتظمة.',
    fairMeans: 'يجد الطفل عادةً ما يكفيه من الطعام، وإن كان أقل في بعض الأيام أو بسيطًا.',
    firstTerm: '1 · سيئ جدًا',
    childBand: 'من 5 إلى 12 سنة (عمر هذا الطفل)',
    under5: 'دون 5 سنوات',
    abuse: 'الإساءة والاستغلال',
    complete: 'إكمال التقييم',
    openDone: /^فتح مؤشر حالة الطفل/,
  },
} as const;

for (const language of ['en', 'ar'] as const) {
  const w = words[language];
  test(`the worker reads a factor’s score guide beside its scale, by keyboard, with the child’s age band marked (${language})`, async ({ app: page, bridge }) => {
    test.setTimeout(120_000);
    await setUpOffice(bridge, { language });
    await ok(bridge, 'session.login', { username: people.worker.username, password });
    const kase = await ok(bridge, 'cases.register', {
      child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 10, separationReasons: ['poverty'], area: 'Kisumu' },
    });
    await ok(bridge, 'session.logout');
    await signIn(page, 'worker');
    await page.goto(`${page.url().split('#')[0]}#/cases/${kase.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', w.dir);
    await page.getByRole('tablist', { name: w.tablist }).getByRole('tab', { name: w.tab }).click();
    await page.getByLabel(w.chooser).selectOption({ label: w.form });
    await page.getByRole('button', { name: w.start, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: w.form });

    // Closed, the guide is one line under the factor: the descriptions are not in the way.
    const guide = dialog.locator('details').filter({ has: page.locator('summary', { hasText: w.factor }) });
    const summary = guide.locator('summary');
    await expect(summary).toHaveText(w.summary);
    await expect(dialog.getByText(w.best)).toBeHidden();

    // From the factor's scale, Tab reaches its guide; Enter opens it.
    await dialog.getByRole('group', { name: new RegExp(`^${w.factor}`) }).getByRole('radio', { name: w.fair }).check();
    await page.keyboard.press('Tab');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(guide.getByText(w.best)).toBeVisible();
    await expect(guide.getByRole('term').first()).toHaveText(w.firstTerm);
    await expect(guide.getByText(w.childBand)).toBeVisible();
    await expect(guide.getByText(w.under5, { exact: true })).toBeVisible();
    // Each factor has its own guide.
    await expect(dialog.locator('summary', { hasText: w.abuse })).toHaveCount(1);
    await expectNoSeriousViolations(page, `CSI form with a score guide open (${language})`);

    await page.keyboard.press('Enter');
    await expect(guide.getByText(w.best)).toBeHidden();
    await expect(summary).toBeFocused();

    // Completed, the assessment reads each score with what it looks like for that factor.
    for (const group of await dialog.getByRole('group').all()) {
      const radios = group.getByRole('radio');
      if ((await radios.count()) > 0 && (await group.locator('input:checked').count()) === 0) await radios.last().check();
    }
    await dialog.getByRole('button', { name: w.complete }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: w.openDone }).click();
    await expect(page.getByRole('dialog', { name: w.form }).getByText(w.fairMeans)).toBeVisible();
  });
}
