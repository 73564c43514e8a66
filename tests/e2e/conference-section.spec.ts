// The Conferences section, in English and in Arabic (right to left), by keyboard: the worker's
// conferences upcoming and held, filtered; a held one opens at its follow-up, where a commitment is
// marked done with its evidence and the agreement is acknowledged by everyone present; the
// commitment leaves My work; and a new conference is planned for a case found from the section.
import type { Page } from '@playwright/test';
import { dayFromToday } from './casework-steps';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn } from './casework-kit';
import { expect, test, type Bridge } from './fixtures';
import { exact, load, pick } from './locale-strings';

async function ok<T = { id: string }>(bridge: Bridge, channel: string, input: unknown = {}): Promise<T> {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Presses Enter on a control reached by keyboard focus, as a keyboard user does. */
async function activate(page: Page, control: ReturnType<Page['locator']>): Promise<void> {
  await control.focus();
  await expect(control).toBeFocused();
  await page.keyboard.press('Enter');
}

const conference = (date: string, facilitatorName: string) => ({
  purpose: 'plan',
  date,
  time: '10:00',
  venue: 'Kisumu community hall',
  facilitatorName,
  familyLanguage: 'en',
  childParticipation: { mode: 'attends_all' },
});

for (const lang of ['en', 'ar'] as const) {
  test(`the Conferences section: find, follow up, acknowledge and plan (${lang})`, async ({ app: page, bridge }) => {
    test.setTimeout(120_000);
    const c = load(lang, 'conference');
    const common = load(lang, 'common');
    const t = (key: string, vars?: Record<string, string>) => pick(c, key, vars);
    const today = dayFromToday(0);

    await setUpOffice(bridge, { language: lang });
    await ok(bridge, 'session.login', { username: people.worker.username, password });
    const kase = await ok<{ id: string; number: string }>(bridge, 'cases.register', {
      child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 10, separationReasons: ['poverty'], area: 'Kisumu' },
    });
    await ok(bridge, 'conference.save', { caseId: kase.id, conference: conference(dayFromToday(7), 'Joseph Opio') });
    const held = await ok(bridge, 'conference.save', { caseId: kase.id, conference: conference(today, 'Grace Auma') });
    const ref = { caseId: kase.id, conferenceId: held.id };
    await ok(bridge, 'conference.saveInvitee', { ...ref, invitee: { memberId: null, name: 'Rose Akello', role: 'grandmother', language: 'en', status: 'attended' } });
    await ok(bridge, 'conference.saveAgreement', { ...ref, agreement: { items: [{ who: 'Rose Akello', what: 'Walk Amina to school every morning', byWhen: today }] } });
    await ok(bridge, 'session.logout');

    await signIn(page, 'worker');
    await expect(page.getByRole('heading', { name: t('due.title') })).toBeVisible();
    await activate(page, page.getByRole('navigation', { name: pick(common, 'nav.label') }).getByRole('link', { name: pick(common, 'sections.conferences.title') }));
    await expect(page.getByRole('heading', { level: 1, name: t('register.title') })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    const table = page.getByRole('region', { name: t('register.listTitle') });

    // Upcoming by default; then the held one, by facilitator.
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('Joseph Opio');
    await expectNoSeriousViolations(page, `conferences section (${lang})`);
    await page.getByLabel(exact(t('register.status'))).selectOption('held');
    await page.getByLabel(exact(t('register.facilitator'))).fill('grace');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText(t('register.openCommitments', { number: '1' }));

    // Open it (keyboard): its follow-up; mark the commitment done with evidence.
    await activate(page, table.getByRole('rowheader').getByRole('link'));
    await page.getByRole('button', { name: t('commitments.markDone', { number: '1' }) }).click();
    await page.getByLabel(t('commitments.evidence')).fill('Attendance register signed by the head teacher');
    await page.getByRole('button', { name: t('commitments.save') }).click();
    await expect(page.getByText(t('commitments.done'), { exact: true })).toBeVisible();
    await expect(page.getByText('Attendance register signed by the head teacher')).toBeVisible();

    // Everyone present acknowledges the agreement.
    const parts = page.getByRole('navigation', { name: t('parts.label') });
    await parts.getByRole('button', { name: t('parts.agreement'), exact: true }).click();
    await expect(page.getByText(t('ack.progress', { answered: '0', present: '1' }))).toBeVisible();
    await page.getByRole('button', { name: t('ack.record', { name: 'Rose Akello' }) }).click();
    await expect(page.getByText(t('ack.byAll'))).toBeVisible();
    await expectNoSeriousViolations(page, `conference follow-up and acknowledgement (${lang})`);

    // The commitment is done: My work no longer lists it.
    await page.goto(`${page.url().split('#')[0]}#/work`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: t('due.title') })).toHaveCount(0);

    // Plan a new conference for a case found from the section.
    await page.goto(`${page.url().split('#')[0]}#/conferences`);
    await page.getByLabel(t('register.planCase')).fill(kase.number);
    await activate(page, page.getByRole('list', { name: t('register.planResults') }).getByRole('link', { name: new RegExp(`^${t('actions.planConference')}`) }));
    await expect(page.getByRole('form', { name: t('form.label') })).toBeVisible();
    await expect(page.getByRole('button', { name: t('form.create') })).toBeVisible();
  });
}
