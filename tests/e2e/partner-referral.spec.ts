// A referral between two offices in browser mode, in English and in Arabic: Nakuru's directory
// lists Lira Counselling Office as a provider that is a trusted partner office. The worker sends a
// child's referral from the case as a sealed file (exactly the previewed fields); Lira's supervisor
// opens it — verified, decrypted, shown — accepts it into the register of referrals received (no
// case), and answers "accepted" with a signed file; Nakuru applies it and the referral moves on.
// Set-up (offices, cards, the case, its consent, the linked provider, the draft) goes through the
// API; every exchange step goes through the screens.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations, password, people, signIn } from './casework-kit';
import { expect, repoRoot, startBridge, test, type Bridge } from './fixtures';
import { ok, setUpPartnerOffice, trust } from './two-offices';

type Tree = { [k: string]: string | Tree };
const load = (language: string, ns: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', language, `${ns}.json`), 'utf8')) as Tree;
const pick = (tree: Tree, key: string) => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part], tree) as string;
const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

async function saveDownload(page: Page, action: () => Promise<void>, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Nakuru's child with consent for referral, and a draft referral to the partner provider. */
async function draftReferral(bridge: Bridge, partnerId: string): Promise<string> {
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  const today = new Date().toISOString().slice(0, 10);
  const kase = await ok(bridge, 'cases.register', {
    child: { givenName: 'Wanjiku', familyName: 'Otieno', sex: 'female', dateOfBirth: '2014-05-01', separationReasons: ['poverty'], careArrangement: 'kinship_care', area: 'Nakuru Town' },
  });
  const caseId = kase.id as string;
  await ok(bridge, 'consents.record', { caseId, consent: { givenBy: 'caregiver', giverName: 'Akinyi Otieno', relationship: 'mother', purposes: ['referral'], method: 'signature', date: today } });
  const provider = await ok(bridge, 'services.saveProvider', {
    provider: { name: 'Lira Counselling Office', kind: 'ngo', partnerId, services: [{ name: 'Child counselling', category: 'mental_health' }] },
  });
  await ok(bridge, 'referrals.saveDraft', {
    caseId,
    referral: { providerId: provider.id, category: 'mental_health', need: 'Counselling for night terrors', urgency: 'urgent', fields: ['name', 'age', 'need', 'urgency'] },
  });
  await ok(bridge, 'session.logout');
  return caseId;
}

for (const language of ['en', 'ar'] as const) {
  test(`a referral to a partner office goes as a sealed file, is accepted there and answered back (${language})`, async ({ app: nakuru, bridge, browser }, testInfo) => {
    test.setTimeout(180_000);
    const r = (key: string) => pick(load(language, 'referrals'), key);
    const liraBridge = await startBridge();
    try {
      const nakuruCard = await setUpPartnerOffice(bridge, 'NKR', 'Nakuru District Office', language);
      const liraCard = await setUpPartnerOffice(liraBridge, 'LRA', 'Lira Counselling Office', language);
      const liraInNakuru = await trust(bridge, liraCard, 'provider');
      await trust(liraBridge, nakuruCard);
      const caseId = await draftReferral(bridge, liraInNakuru);
      const dir = testInfo.outputPath('files');
      fs.mkdirSync(dir, { recursive: true });

      // Nakuru: the worker previews exactly what leaves and sends it as a sealed file.
      await signIn(nakuru, 'worker');
      await nakuru.goto(`${nakuru.url().split('#')[0]}#/cases/${caseId}?tab=referrals`);
      await nakuru.getByRole('button', { name: exact(r('card.previewSend')) }).click();
      const send = nakuru.getByRole('dialog', { name: r('preview.title') });
      await expect(send.getByTestId('referral-preview')).toContainText('Wanjiku Otieno');
      await expect(send.getByText(r('exchange.partnerNote').replace('{{provider}}', 'Lira Counselling Office'))).toBeVisible();
      await expectNoSeriousViolations(nakuru, `sealed send (${language})`);
      const referralFile = await saveDownload(nakuru, () => send.getByRole('button', { name: exact(r('exchange.sendSealed')) }).click(), dir);
      await expect(send).toBeHidden();
      await expect(nakuru.getByText(exact(r('status.sent')))).toBeVisible();
      // Sealed: the child's name is nowhere in the file.
      expect(fs.readFileSync(referralFile).includes(Buffer.from('Wanjiku'))).toBe(false);

      // Lira: the supervisor opens the file, sees what came, accepts it and answers.
      const context = await browser.newContext();
      const lira = await context.newPage();
      // A fresh one-time link: the first one is worth a minute only, and the set-up above takes longer on a busy machine.
      await lira.goto(await liraBridge.newLaunchUrl());
      await signIn(lira, 'supervisor');
      await lira.goto(`${lira.url().split('#')[0]}#/referrals`);
      await lira.getByRole('link', { name: r('received.link') }).click();
      await lira.getByLabel(r('received.openFile')).setInputFiles(referralFile);
      const preview = lira.getByTestId('received-preview');
      await expect(preview).toContainText('Wanjiku Otieno');
      await expect(preview).toContainText('Counselling for night terrors');
      await expect(preview).toContainText('NKR');
      await expectNoSeriousViolations(lira, `received preview (${language})`);
      await lira.getByRole('button', { name: exact(r('received.accept')) }).click();
      const detail = lira.getByTestId('received-detail');
      await expect(detail).toContainText('Wanjiku Otieno');
      await lira.getByLabel(r('move.to')).selectOption({ label: r('status.accepted') });
      const responseFile = await saveDownload(lira, () => lira.getByRole('button', { name: exact(r('received.respond')) }).click(), dir);
      await expect(detail.getByText(exact(r('status.accepted')))).toBeVisible();
      await expectNoSeriousViolations(lira, `received referral (${language})`);
      await context.close();
      // No case was made at Lira.
      await ok(liraBridge, 'session.login', { username: people.supervisor.username, password });
      expect((await ok(liraBridge, 'cases.list', {})).rows).toEqual([]);

      // Nakuru: the worker applies the answer in the register; the referral is accepted.
      await nakuru.goto(`${nakuru.url().split('#')[0]}#/referrals`);
      await nakuru.getByLabel(r('exchange.applyFile')).setInputFiles(responseFile);
      await expect(nakuru.getByText(r('exchange.applied').replace('{{status}}', r('status.accepted')))).toBeVisible();
      await nakuru.getByRole('link', { name: r('exchange.openCase') }).click();
      await expect(nakuru.getByText(exact(r('status.accepted'))).first()).toBeVisible();
    } finally {
      await liraBridge.stop();
    }
  });
}
