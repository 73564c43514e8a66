// Supervision end to end, in English and in Arabic: the supervisor runs a review session, assigns
// an action that the worker then sees in My work, and later approves the worker's closure
// recommendation — the case becomes read-only. Set-up that is not under test (the office, the case,
// the recommendation) goes through the bridge; the flow goes through the real screens.
import fs from 'node:fs';
import path from 'node:path';
import { expect, repoRoot, test, type Bridge } from './fixtures';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn, signOut } from './casework-kit';

async function ok<T = { id: string; version: number }>(bridge: Bridge, channel: string, input: unknown = {}): Promise<T> {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

type Strings = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const strings = (lang: string, ns: string): Strings => JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', lang, `${ns}.json`), 'utf8')) as Strings;
const exact = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

for (const lang of ['en', 'ar'] as const) {
  test(`${lang}: a review session assigns an action the worker sees; a closure is approved later`, async ({ app: page, bridge }) => {
    test.setTimeout(180_000);
    const review = strings(lang, 'review');
    const closure = strings(lang, 'closure');
    await setUpOffice(bridge, { language: lang });
    await ok(bridge, 'session.login', { username: people.worker.username, password });
    const kase = await ok(bridge, 'cases.register', {
      child: { givenName: 'Amina', familyName: 'Odhiambo', sex: 'female', estimatedAgeYears: 10, separationReasons: ['poverty'], area: 'Kisumu' },
      riskLevel: 'high',
    });
    await ok(bridge, 'session.logout');

    // The supervisor picks the high-risk cases and records a decision with an action for the worker.
    await signIn(page, 'supervisor');
    await page.goto(`${page.url().split('#')[0]}#/reviews`);
    await expect(page.getByRole('heading', { level: 1, name: review.title })).toBeVisible();
    await expectNoSeriousViolations(page, `${lang} supervision`);
    await page.getByRole('button', { name: exact(review.sessions.start) }).click();
    await expect(page.getByText(review.session.caseOf.replace('{{n}}', '1').replace('{{count}}', '1'))).toBeVisible();
    await expect(page.getByRole('heading', { name: review.sheet.title })).toBeVisible();
    await page.getByLabel(review.decision.label, { exact: true }).selectOption('revise_plan');
    await page.getByLabel(review.decision.childConsulted).check();
    await page.getByRole('button', { name: review.decision.addAction }).click();
    await page.getByLabel(review.decision.actionText, { exact: true }).fill('Visit the school before Friday');
    // Locking at once (no pause after typing) keeps the decision being written: after unlocking it
    // is there again, restored from its draft.
    const session = strings(lang, 'session');
    await page.keyboard.press('Control+Shift+L');
    await expect(page.getByRole('heading', { name: session.lock.title })).toBeVisible();
    await page.getByLabel(session.account.password).fill(password);
    await page.getByRole('button', { name: session.lock.unlock }).click();
    await expect(page.getByLabel(review.decision.actionText, { exact: true })).toHaveValue('Visit the school before Friday', { timeout: 30_000 });
    await expect(page.getByLabel(review.decision.label, { exact: true })).toHaveValue('revise_plan');
    await page.getByRole('button', { name: review.decision.save }).click();
    await expect(page.getByRole('status').getByText(review.decision.saved)).toBeVisible();
    await expect(page.getByText(review.decision.options.revise_plan).first()).toBeVisible();
    await expectNoSeriousViolations(page, `${lang} review session`);
    await signOut(page);

    // The worker sees the action in My work.
    await signIn(page, 'worker');
    await expect(page.getByRole('heading', { name: review.work.title })).toBeVisible();
    await expect(page.getByText('Visit the school before Friday')).toBeVisible();
    await signOut(page);

    // Later: the worker recommended closure (bridge); the supervisor approves it on the Closure tab.
    await ok(bridge, 'session.login', { username: people.worker.username, password });
    const file = await ok<{ version: number }>(bridge, 'cases.get', { caseId: kase.id });
    await ok(bridge, 'closure.recommend', {
      caseId: kase.id,
      version: file.version,
      reason: 'reintegrated',
      checklist: {
        observationsReviewed: true,
        progressReviewed: true,
        providersConsulted: 'Head teacher',
        risks: [{ risk: 'Economic shock', likelihood: 1, severity: 2, mitigation: '' }],
        childViews: 'I am happy at home',
        familyViews: 'We are managing',
      },
    });
    await ok(bridge, 'session.logout');
    await signIn(page, 'supervisor');
    await page.goto(`${page.url().split('#')[0]}#/cases/${kase.id}?tab=closure`);
    await expect(page.getByRole('heading', { name: closure.pending.title })).toBeVisible();
    await expectNoSeriousViolations(page, `${lang} closure tab`);
    await page.getByRole('button', { name: closure.decide.approve }).click();
    await expect(page.getByText(closure.closed.title, { exact: true })).toBeVisible();
    await expect(page.getByText(closure.status.approved, { exact: true })).toBeVisible();
  });
}
