// The M&E dashboard through the real renderer, in English and in Arabic: a supervisor opens it,
// filters, splits, reads a figure's definition and its table alternative, and clicks a number
// through to exactly the children behind it in the case list.
import fs from 'node:fs';
import { asPdftotextReads, pdfText, squash } from '../fixtures/pdf';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn } from './casework-kit';
import { expect, test, type Bridge } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
}

const children = [
  { givenName: 'Nyokabi', familyName: 'Wanjala', sex: 'female', dateOfBirth: '2013-05-02' },
  { givenName: 'Atieno', familyName: 'Odhiambo', sex: 'female', dateOfBirth: '2016-01-20' },
  { givenName: 'Baraka', familyName: 'Otieno', sex: 'male', dateOfBirth: '2011-09-09' },
] as const;

async function officeWithChildren(bridge: Bridge, language: 'en' | 'ar') {
  await setUpOffice(bridge, { language });
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  for (const child of children) {
    await ok(bridge, 'cases.register', {
      child: { ...child, separationReasons: ['poverty'], separationPlace: 'Kisumu bus park', area: 'Kisumu', careArrangement: 'transit_centre' },
    });
  }
  await ok(bridge, 'session.logout');
  // The administrator maps "children registered" to a DHIS2 data element for the office's org unit.
  await ok(bridge, 'session.login', { username: people.admin.username, password });
  await ok(bridge, 'reports.dhisSaveMapping', {
    orgUnit: 'DiszpKrYNg8',
    dataSet: 'BfMAe6Itzgt',
    rows: [{ indicator: 'registered', part: 'numerator', dimension: '', value: '', dataElement: 'fbfJHSPpUQD', categoryOptionCombo: 'HllvX50cXC0' }],
  });
  await ok(bridge, 'session.logout');
}

/** This calendar quarter: a whole DHIS2 period holding today. */
function thisQuarter() {
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  const from = new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0)).toISOString().slice(0, 10);
  return { from, to, dhis: `${now.getUTCFullYear()}Q${q + 1}` };
}

const words = {
  en: {
    section: 'Monitoring and evaluation',
    last12: 'Last 12 months',
    registered: 'Children registered',
    sex: 'Sex',
    female: 'Female',
    split: 'Split by',
    definition: 'Definition',
    definitionText: 'Children whose case was registered in the period.',
    table: 'Show as a table',
    notRecorded: 'Not yet recorded by this office.',
    open: /Open the 2 children behind Children registered/,
    chip: /From the dashboard: Children registered/,
    cases: 'Cases',
    summaryAction: 'Case summary (PDF)',
    unsealed: 'Leave unsealed (supervisors only)',
    reason: 'Why it leaves unsealed',
    create: 'Make the PDF',
    summaryTitle: 'Case summary',
    exportKind: 'What to export',
    exportButton: 'Export',
  },
  ar: {
    section: 'الرصد والتقييم',
    last12: 'آخر 12 شهراً',
    registered: 'الأطفال المسجَّلون',
    sex: 'الجنس',
    female: null,
    split: 'التصنيف حسب',
    definition: 'التعريف',
    definitionText: 'الأطفال الذين سُجّلت ملفاتهم خلال الفترة.',
    table: 'عرض كجدول',
    notRecorded: 'لم يسجّل هذا المكتب ذلك بعد.',
    open: /فتح الطفلين \(2\) وراء الأطفال المسجَّلون/,
    chip: /من لوحة المؤشرات: الأطفال المسجَّلون/,
    cases: null,
    summaryAction: 'ملخص الحالة (PDF)',
    unsealed: 'ترك الملف دون ختم (للمشرفين فقط)',
    reason: 'سبب خروجه دون ختم',
    create: 'إنشاء ملف PDF',
    summaryTitle: 'ملخص الحالة',
    exportKind: 'ما يُصدَّر',
    exportButton: 'تصدير',
  },
} as const;

for (const language of ['en', 'ar'] as const) {
  test(`${language}: a supervisor filters the dashboard and clicks through to the children behind a number`, async ({ app: page, bridge }) => {
    test.slow();
    const w = words[language];
    await officeWithChildren(bridge, language);
    await signIn(page, 'supervisor');
    await page.goto(page.url().split('#')[0] + '#/reports');
    await expect(page.getByRole('heading', { name: w.section, level: 1 })).toBeVisible();
    await page.getByRole('button', { name: w.last12 }).click();
    const registered = page.locator('[data-indicator="registered"]');
    await expect(registered.getByRole('heading', { name: w.registered })).toBeVisible();
    await expect(registered.locator('.indicator__figure')).toContainText('3');
    // Every indicator is computed now: none says "not recorded".
    await expect(page.locator('[data-indicator="lowFactorAtClosure"] .indicator__parts')).toBeVisible();
    await expect(page.getByText(w.notRecorded)).toHaveCount(0);
    // The definition is one click away.
    await registered.getByRole('button', { name: w.definition }).click();
    await expect(registered.getByText(w.definitionText)).toBeVisible();
    // Filter: girls only.
    await page.getByLabel(w.sex, { exact: true }).selectOption('female');
    await expect(registered.locator('.indicator__figure')).toContainText('2');
    // Split by sex, with the table alternative.
    await page.getByLabel(w.split).selectOption('sex');
    await expect(registered.locator('.indicator__chart svg').first()).toBeVisible();
    await registered.getByRole('button', { name: w.table }).click();
    await expect(registered.getByRole('table')).toBeVisible();
    await expectNoSeriousViolations(page, `reports (${language})`);
    // Click the number through to the case list.
    await registered.locator('.indicator__figure').getByRole('link', { name: w.open }).click();
    await expect(page.getByText(w.chip)).toBeVisible();
    await expect(page.getByRole('link', { name: /Nyokabi/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Atieno/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Baraka/ })).toHaveCount(0);
    await expectNoSeriousViolations(page, `case list from the dashboard (${language})`);

    // A case summary PDF from the child's file, its text read back with pdftotext.
    await page.getByRole('link', { name: /Nyokabi/ }).click();
    await page.getByRole('button', { name: w.summaryAction }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(w.unsealed).check();
    await dialog.getByLabel(w.reason).fill('Court hearing');
    await expectNoSeriousViolations(page, `case summary dialog (${language})`);
    const [pdf] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: w.create }).click()]);
    const pdfTextRead = squash(pdfText(fs.readFileSync((await pdf.path())!)));
    expect(pdfTextRead).toContain(asPdftotextReads(w.summaryTitle));
    expect(pdfTextRead).toContain('Nyokabi Wanjala');

    // A DHIS2 file for this quarter, through the exports panel.
    const quarter = thisQuarter();
    await page.goto(page.url().split('#')[0] + `#/reports?from=${quarter.from}&to=${quarter.to}`);
    await page.getByLabel(w.exportKind).selectOption('dhis2Json');
    await page.getByLabel(w.unsealed).check();
    const [dhis] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.exportButton, exact: true }).click()]);
    const set = JSON.parse(fs.readFileSync((await dhis.path())!, 'utf8')) as { period: string; orgUnit: string; dataValues: unknown[] };
    expect(set).toMatchObject({ period: quarter.dhis, orgUnit: 'DiszpKrYNg8', dataValues: [{ dataElement: 'fbfJHSPpUQD', categoryOptionCombo: 'HllvX50cXC0', value: '3' }] });
    await expectNoSeriousViolations(page, `exports (${language})`);
  });
}

test('en: the administrator keeps the DHIS2 mapping; a UID in the wrong form is refused', async ({ app: page, bridge }) => {
  test.slow();
  await officeWithChildren(bridge, 'en');
  await signIn(page, 'admin');
  await page.goto(page.url().split('#')[0] + '#/admin/dhis2');
  await expect(page.getByRole('heading', { name: 'DHIS2 mapping', level: 1 })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Children registered (Met)' })).toBeVisible();
  await page.getByLabel('Figure', { exact: true }).selectOption({ label: 'Children assessed (Met)' });
  await page.getByLabel('Data element').fill('not-a-uid');
  await page.getByLabel('Category option combo').fill('HllvX50cXC0');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('button', { name: 'Save the mapping' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByRole('button', { name: 'Remove' }).last().click();
  await page.getByRole('button', { name: 'Save the mapping' }).click();
  await expect(page.getByText('Mapping saved')).toBeVisible();
  await expectNoSeriousViolations(page, 'DHIS2 mapping');
});
