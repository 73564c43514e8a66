// Two offices in browser mode (two bridges, two data folders, two browser contexts) exchange a
// case with a document through the real screens: Nakuru sends it, Kisumu opens, previews and
// accepts it, and Nakuru applies the receipt — in English and in Arabic. Set-up steps (offices,
// staff, cards, the case itself) go through the API; every transfer step goes through the screens.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { password, people, signIn } from './casework-kit';
import { expect, repoRoot, startBridge, test, type Bridge } from './fixtures';

const pdfBase64 = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64');

type Tree = { [k: string]: string | Tree };
const texts = (language: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', language, 'transfer.json'), 'utf8')) as Tree;
const pick = (tree: Tree, key: string) => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part], tree) as string;
const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
}

async function setUp(bridge: Bridge, code: string, name: string, language: 'en' | 'ar') {
  await ok(bridge, 'session.setupOffice', { office: { name, code, country: 'KE', defaultLanguage: language }, admin: { username: people.admin.username, displayName: people.admin.displayName, password } });
  await ok(bridge, 'session.login', { username: people.admin.username, password });
  // An administrator's password is replaced at each person's first sign-in.
  const given = `${password} as given`;
  for (const person of [people.worker, people.supervisor]) await ok(bridge, 'admin.createUser', { ...person, language, password: given });
  const card = await ok(bridge, 'transfer.officeCard');
  await ok(bridge, 'session.logout');
  for (const person of [people.worker, people.supervisor]) {
    await ok(bridge, 'session.login', { username: person.username, password: given });
    await ok(bridge, 'session.changePassword', { currentPassword: given, newPassword: password });
    await ok(bridge, 'session.logout');
  }
  return card as { cardText: string; fingerprint: string };
}

async function trust(bridge: Bridge, card: { cardText: string; fingerprint: string }) {
  await ok(bridge, 'session.login', { username: people.admin.username, password });
  await ok(bridge, 'transfer.trustPartner', { cardText: card.cardText, kind: 'office', fingerprint: card.fingerprint });
  await ok(bridge, 'session.logout');
}

async function caseWithDocument(bridge: Bridge): Promise<string> {
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  const c = await ok(bridge, 'cases.register', { child: { givenName: 'Wanjiku', familyName: 'Otieno', sex: 'female', dateOfBirth: '2014-05-01', separationReasons: ['poverty'], careArrangement: 'kinship_care' } });
  const caseId = c.id as string;
  const today = new Date().toISOString().slice(0, 10);
  await ok(bridge, 'consents.record', { caseId, consent: { givenBy: 'caregiver', giverName: 'Akinyi Otieno', relationship: 'mother', purposes: ['transfer'], method: 'signature', date: today } });
  await ok(bridge, 'notes.uploadDocument', { caseId, document: { title: 'Birth notification', kind: 'id_document', mime: 'application/pdf', fileName: 'birth.pdf', dataBase64: pdfBase64 } });
  await ok(bridge, 'session.logout');
  return caseId;
}

async function saveDownload(page: Page, action: () => Promise<void>, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

for (const language of ['en', 'ar'] as const) {
  test(`two offices exchange a case with a document, accept it and return the receipt (${language})`, async ({ app: nakuru, bridge, browser }, testInfo) => {
    test.setTimeout(180_000);
    const t = (key: string) => pick(texts(language), key);
    const kisumuBridge = await startBridge();
    try {
      const nakuruCard = await setUp(bridge, 'NKR', 'Nakuru District Office', language);
      const kisumuCard = await setUp(kisumuBridge, 'KSM', 'Kisumu District Office', language);
      await trust(bridge, kisumuCard);
      await trust(kisumuBridge, nakuruCard);
      const caseId = await caseWithDocument(bridge);
      const dir = testInfo.outputPath('files');
      fs.mkdirSync(dir, { recursive: true });

      // Nakuru: the worker sends the case from its Transfer tab.
      await signIn(nakuru, 'worker');
      await nakuru.goto(`${nakuru.url().split('#')[0]}#/cases/${caseId}?tab=transfer`);
      await nakuru.getByRole('button', { name: exact(t('send.open')) }).click();
      const dialog = nakuru.getByRole('dialog');
      await dialog.getByLabel(t('send.partner')).selectOption({ label: `Kisumu District Office (KSM) · ${t('kinds.office')}` });
      await expect(dialog.getByTestId('transfer-preview')).toContainText('Birth notification');
      const packageFile = await saveDownload(nakuru, () => dialog.getByRole('button', { name: exact(t('send.submit')) }).click(), dir);
      await expect(nakuru.getByText(t('states.pending'), { exact: true })).toBeVisible();
      expect(fs.readFileSync(packageFile).includes(Buffer.from('Wanjiku'))).toBe(false);

      // Kisumu: the supervisor opens the file, previews and accepts it.
      const context = await browser.newContext();
      const kisumu = await context.newPage();
      await kisumu.goto(kisumuBridge.launchUrl);
      await signIn(kisumu, 'supervisor');
      await kisumu.goto(`${kisumu.url().split('#')[0]}#/transfers`);
      await kisumu.getByLabel(t('open.file')).setInputFiles(packageFile);
      await expect(kisumu.getByTestId('incoming-preview')).toContainText('Birth notification');
      await expect(kisumu.getByText('Wanjiku Otieno')).toBeVisible();
      await kisumu.getByLabel(t('open.assignTo')).selectOption({ label: people.worker.displayName });
      const receiptFile = await saveDownload(kisumu, () => kisumu.getByRole('button', { name: exact(t('open.accept')) }).click(), dir);
      await expect(kisumu.getByText(t('open.accepted'))).toBeVisible();
      await context.close();

      // Nakuru: the worker applies the receipt; the case is transferred and read-only.
      await nakuru.goto(`${nakuru.url().split('#')[0]}#/transfers`);
      await nakuru.getByLabel(t('open.file')).setInputFiles(receiptFile);
      await nakuru.getByRole('button', { name: exact(t('receipt.apply')) }).click();
      await expect(nakuru.getByText(t('receipt.appliedAccepted'))).toBeVisible();
      await nakuru.goto(`${nakuru.url().split('#')[0]}#/cases/${caseId}?tab=transfer`);
      await expect(nakuru.getByText(t('states.transferred'), { exact: true })).toBeVisible();
    } finally {
      await kisumuBridge.stop();
    }
  });
}
