// Follow-up end to end, in English and in Arabic: a spontaneous return gets its first home visit
// planned; the worker records a monitoring visit with an urgent warning sign through the real
// form; the safety plan is shown at once, the sign is flagged on the case, and the case is at the
// top of the supervisor's My work; a change of the office protocol re-plans her schedule once the
// supervisor confirms the figures. Set-up that is not under test goes through the bridge.
import type { Page } from '@playwright/test';
import { expect, test, type Bridge } from './fixtures';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn, signOut } from './casework-kit';

async function ok<T = { id: string; version: number }>(bridge: Bridge, channel: string, input: unknown = {}): Promise<T> {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const words = {
  en: {
    tablist: 'Parts of the case file',
    tab: 'Follow-up',
    record: 'Record a visit',
    child: 'The child',
    childWords: /^The child's own words/,
    abuse: 'Signs of abuse or neglect',
    note: 'What was seen: Signs of abuse or neglect',
    emergency: /^Emergency route confirmed/,
    save: 'Save the visit',
    saved: 'Visit recorded',
    urgentSaved: /top of the supervisor's queue/,
    safetyPlan: "The case's safety plan",
    close: 'Done',
    urgentTitle: 'Urgent warning sign',
    firstVisit: 'spontaneous return',
    urgentSection: 'Urgent warning signs',
    myWork: 'My work',
    flaggedFactor: 'Free from stigma and discrimination',
    asTable: 'Show the figures as a table',
    tableCaption: 'Well-being factors at each re-score',
    calendarNav: 'Follow-up calendar',
    worker: 'Worker',
    nextWeek: 'Next week',
    nextMonth: 'Next month',
    month: 'Month',
    protocolNav: 'Follow-up protocol',
    adapt: /This is the shipped example/,
    lastContactAfter: 'Contact 11: after',
    saveProtocol: 'Save the protocol',
    replanTitle: 'Re-plan the cases in follow-up?',
    replaced: /^Planned contacts replaced/,
    replanSubmit: 'Save and re-plan',
    replanned: 'Protocol saved. 1 case re-planned.',
    protocolChanged: 'Replaced when the office changed its follow-up protocol',
  },
  ar: {
    tablist: 'أقسام ملف الحالة',
    tab: 'المتابعة',
    record: 'تسجيل زيارة',
    child: 'الطفل',
    childWords: /^كلمات الطفل نفسه/,
    abuse: 'علامات إساءة أو إهمال',
    note: 'ما شوهد: علامات إساءة أو إهمال',
    emergency: /^طريق الطوارئ مؤكد/,
    save: 'حفظ الزيارة',
    saved: 'سُجّلت الزيارة',
    urgentSaved: /أول قائمة المشرف/,
    safetyPlan: 'خطة السلامة الخاصة بالحالة',
    close: 'تم',
    urgentTitle: 'علامة تحذير عاجلة',
    firstVisit: 'عودة تلقائية',
    urgentSection: 'علامات تحذير عاجلة',
    myWork: 'عملي',
    flaggedFactor: 'التحرر من الوصم والتمييز',
    asTable: 'عرض الأرقام في جدول',
    tableCaption: 'عوامل الرفاه في كل قياس',
    calendarNav: 'تقويم المتابعة',
    worker: 'الأخصائي',
    nextWeek: 'الأسبوع التالي',
    nextMonth: 'الشهر التالي',
    month: 'شهر',
    protocolNav: 'بروتوكول المتابعة',
    adapt: /هذا هو النموذج المرفق/,
    lastContactAfter: 'الاتصال 11: بعد',
    saveProtocol: 'حفظ البروتوكول',
    replanTitle: 'هل تريد إعادة تخطيط الحالات في المتابعة؟',
    replaced: /^الاتصالات المخططة المستبدلة/,
    replanSubmit: 'احفظ وأعد التخطيط',
    replanned: 'حُفظ البروتوكول. أُعيد تخطيط حالة واحدة.',
    protocolChanged: 'استُبدل عندما غيّر المكتب بروتوكول المتابعة',
  },
} as const;

async function openCase(page: Page, caseId: string) {
  await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Amina Odhiambo' })).toBeVisible();
}

for (const language of ['en', 'ar'] as const) {
  const w = words[language];
  test(`a visit with an urgent warning sign is flagged and reaches the supervisor (${language})`, async ({ app: page, bridge }) => {
    test.setTimeout(240_000);
    await setUpOffice(bridge, { language });
    await ok(bridge, 'session.login', { username: people.worker.username, password });
    const kase = await ok(bridge, 'cases.register', {
      child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 10, separationReasons: ['poverty'], area: 'Kisumu' },
      spontaneous: { kind: 'returned_alone', reunifiedOn: daysAgo(10), caregiverNames: 'Grandmother Achieng', notes: '' },
    });
    await ok(bridge, 'safety.saveSafetyPlan', {
      caseId: kase.id,
      basedOn: 0,
      plan: {
        trustedContacts: [{ name: 'Teacher Otieno', relationship: 'teacher', phone: '+254 700 000 111', howToReach: 'At school' }],
        ifHarmed: 'Go to Teacher Otieno',
        ifBreakdown: 'Call the case worker',
        emergencyRoute: 'Church caretaker phone',
        childKnows: false,
      },
    });
    // The baseline well-being score with the shipped form (the case was registered today), "stigma" at 1: flagged.
    const templates = await ok<{ key: string; version: number; definition: { domains: { questions: { id: string; type: string }[] }[] } }[]>(bridge, 'assessments.templates', { kind: 'wellbeing' });
    const csi = templates.find((t) => t.key === 'csi')!;
    const answers: Record<string, number> = {};
    for (const d of csi.definition.domains) for (const q of d.questions) if (q.type === 'scale') answers[q.id] = q.id === 'stigma' ? 1 : 3;
    await ok(bridge, 'assessments.save', { caseId: kase.id, templateKey: 'csi', templateVersion: csi.version, date: daysAgo(0), answers, complete: true });
    await ok(bridge, 'session.logout');

    await signIn(page, 'worker');
    if (language === 'ar') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await openCase(page, kase.id);
    await page.getByRole('tablist', { name: w.tablist }).getByRole('tab', { name: w.tab }).click();
    const panel = page.getByRole('tabpanel');
    // The first home visit of a spontaneous return is planned within 7 days.
    await expect(panel.getByRole('table').getByText(w.firstVisit)).toBeVisible();
    // Well-being over time: the flagged factor is named, and the table gives every figure.
    await expect(panel.getByText(w.flaggedFactor).first()).toBeVisible();
    await panel.getByText(w.asTable).click();
    const table = panel.getByRole('table', { name: w.tableCaption });
    await expect(table.getByRole('row', { name: new RegExp(w.flaggedFactor) })).toContainText('1');
    await expectNoSeriousViolations(page, `follow-up tab (${language})`);

    await panel.getByRole('button', { name: w.record }).click();
    const dialog = page.getByRole('dialog', { name: w.record });
    await dialog.getByRole('checkbox', { name: w.child, exact: true }).check();
    await dialog.getByLabel(w.childWords).fill(language === 'en' ? 'My uncle hits me when he drinks' : 'عمي يضربني عندما يشرب');
    await dialog.getByRole('checkbox', { name: w.abuse, exact: true }).check();
    await dialog.getByLabel(w.note).fill(language === 'en' ? 'Bruises on both arms' : 'كدمات على الذراعين');
    await dialog.getByRole('checkbox', { name: w.emergency }).check();
    await expectNoSeriousViolations(page, `visit form (${language})`);
    await dialog.getByRole('button', { name: w.save }).click();

    const saved = page.getByRole('dialog', { name: w.saved });
    await expect(saved.getByText(w.urgentSaved)).toBeVisible();
    await expect(saved.getByRole('heading', { name: w.safetyPlan })).toBeVisible();
    await expect(saved.getByText('Church caretaker phone')).toBeVisible();
    await saved.getByRole('button', { name: w.close }).click();
    // Flagged on the case: the urgent alert and the sign in the list.
    await expect(panel.getByText(w.urgentTitle)).toBeVisible();
    await expect(panel.getByText(w.abuse).first()).toBeVisible();
    await signOut(page);

    await signIn(page, 'supervisor');
    await page.getByRole('link', { name: w.myWork, exact: true }).click();
    const urgent = page.locator('section[aria-labelledby="work-followup-urgent"]');
    await expect(urgent.getByRole('heading', { name: w.urgentSection })).toBeVisible();
    await expect(urgent.getByText('Amina Odhiambo')).toBeVisible();
    await expect(urgent.getByText(w.abuse)).toBeVisible();
    await expectNoSeriousViolations(page, `My work with follow-up (${language})`);

    // The worker's calendar, seen by the supervisor: the visit held the first home visit, the next
    // contact (three weeks after the return) is in this month's view or the next one's.
    await page.getByRole('link', { name: w.calendarNav, exact: true }).click();
    await page.getByLabel(w.worker).selectOption({ label: people.worker.displayName });
    await page.getByRole('button', { name: w.nextWeek }).click();
    await expectNoSeriousViolations(page, `follow-up calendar (${language})`);
    await page.getByRole('button', { name: w.month }).click();
    await page.waitForLoadState('networkidle');
    const entry = page.locator('.followup-calendar__grid').getByRole('link', { name: /Amina Odhiambo/ });
    if ((await entry.count()) === 0) await page.getByRole('button', { name: w.nextMonth }).click();
    await expect(entry.first()).toBeVisible();
    await expectNoSeriousViolations(page, `follow-up calendar, month (${language})`);
    // The office protocol still is the shipped example, and says so.
    await page.getByRole('link', { name: w.protocolNav, exact: true }).click();
    await expect(page.getByText(w.adapt)).toBeVisible();
    await expectNoSeriousViolations(page, `follow-up protocol (${language})`);
    // Changing it re-plans Amina's schedule (month 12 becomes month 11): the supervisor sees the
    // figures first and confirms; the replaced contact stays in her schedule, saying why.
    await page.getByLabel(w.lastContactAfter, { exact: true }).fill('11');
    await page.getByRole('button', { name: w.saveProtocol }).click();
    const replan = page.getByRole('alertdialog', { name: w.replanTitle });
    await expect(replan.getByText(w.replaced)).toBeVisible();
    await expectNoSeriousViolations(page, `protocol change confirmation (${language})`);
    await replan.getByRole('button', { name: w.replanSubmit }).click();
    await expect(page.getByText(w.replanned)).toBeVisible();
    await openCase(page, kase.id);
    await page.getByRole('tablist', { name: w.tablist }).getByRole('tab', { name: w.tab }).click();
    await expect(page.getByRole('tabpanel').getByText(w.protocolChanged)).toBeVisible();
  });
}
