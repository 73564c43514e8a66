// Two offices in browser mode (two bridges, two data folders, two browser contexts) exchange a
// case with a document through the real screens: Nakuru sends it, Kisumu opens, previews and
// accepts it, and Nakuru applies the receipt — in English and in Arabic. Set-up steps (offices,
// staff, cards, the case itself) go through the API; every transfer step goes through the screens.
// A second test sends the case back after both offices changed it: the exchange itself goes through
// the API there, and Nakuru resolves the conflicts field by field on the screen.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { password, people, signIn } from './casework-kit';
import { expect, repoRoot, startBridge, test, type Bridge } from './fixtures';
import { ok, setUpPartnerOffice as setUp, trust } from './two-offices';

const pdfBase64 = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64');

type Tree = { [k: string]: string | Tree };
const texts = (language: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', language, 'transfer.json'), 'utf8')) as Tree;
const pick = (tree: Tree, key: string) => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part], tree) as string;
const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const child = { givenName: 'Wanjiku', familyName: 'Otieno', sex: 'female', dateOfBirth: '2014-05-01', separationReasons: ['poverty'], careArrangement: 'kinship_care', separationPlace: 'Nakuru market', area: 'Nakuru Town' };

async function caseWithDocument(bridge: Bridge): Promise<string> {
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  const c = await ok(bridge, 'cases.register', { child });
  const caseId = c.id as string;
  const today = new Date().toISOString().slice(0, 10);
  await ok(bridge, 'consents.record', { caseId, consent: { givenBy: 'caregiver', giverName: 'Akinyi Otieno', relationship: 'mother', purposes: ['transfer'], method: 'signature', date: today } });
  await ok(bridge, 'notes.uploadDocument', { caseId, document: { title: 'Birth notification', kind: 'id_document', mime: 'application/pdf', fileName: 'birth.pdf', dataBase64: pdfBase64 } });
  await ok(bridge, 'session.logout');
  return caseId;
}

/** A transfer file, downloaded in chunks through the API as the screens do. */
async function download(bridge: Bridge, transferId: string, file: 'package' | 'receipt'): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = await ok(bridge, 'transfer.download', { transferId, file, offset });
    const data = Buffer.from(chunk.dataBase64 as string, 'base64');
    parts.push(data);
    offset += data.length;
    if (chunk.done) return Buffer.concat(parts);
  }
}

/** Uploads a transfer file in one chunk (they are small here); returns the upload id. */
async function upload(bridge: Bridge, bytes: Buffer): Promise<string> {
  const result = await ok(bridge, 'transfer.upload', { uploadId: null, offset: 0, totalBytes: bytes.length, dataBase64: bytes.toString('base64') });
  return result.uploadId as string;
}

const selection = { parts: ['family', 'consents', 'notes', 'tracing', 'safety', 'contacts', 'documents'], excludeDocumentIds: [] };

/** The signed-in worker sends the case to the one trusted partner; returns the package. */
async function sendThroughApi(bridge: Bridge, caseId: string, reason: string): Promise<Buffer> {
  const [partner] = (await bridge.call('transfer.destinations')).value as { id: string }[];
  const sent = await ok(bridge, 'transfer.send', { caseId, details: { partnerId: partner.id, reason, basis: 'consent', childAssent: 'given' }, selection });
  return download(bridge, sent.transferId as string, 'package');
}

/** The signed-in worker changes the case's separation place and area and adds a note. */
async function changeCase(bridge: Bridge, caseId: string, separationPlace: string, area: string, note: string) {
  const file = await ok(bridge, 'cases.get', { caseId });
  await ok(bridge, 'cases.update', { caseId, version: file.version, child: { ...child, separationPlace, area }, riskLevel: file.riskLevel, priority: file.priority });
  await ok(bridge, 'notes.add', { caseId, note: { kind: 'general', date: new Date().toISOString().slice(0, 10), text: note } });
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
      // A fresh one-time link: the first one is worth a minute only, and the set-up above can take longer on a busy machine.
      await kisumu.goto(await kisumuBridge.newLaunchUrl());
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

for (const language of ['en', 'ar'] as const) {
  test(`a case sent back changed on both sides: the original office resolves each conflicting field on the screen (${language})`, async ({ app: nakuru, bridge }, testInfo) => {
    test.setTimeout(180_000);
    const t = (key: string) => pick(texts(language), key);
    const kisumuBridge = await startBridge();
    try {
      const nakuruCard = await setUp(bridge, 'NKR', 'Nakuru District Office', language);
      const kisumuCard = await setUp(kisumuBridge, 'KSM', 'Kisumu District Office', language);
      await trust(bridge, kisumuCard);
      await trust(kisumuBridge, nakuruCard);
      const caseId = await caseWithDocument(bridge);

      // Nakuru sends the case, then (still responsible while it waits) corrects it and adds a note.
      await ok(bridge, 'session.login', { username: people.worker.username, password });
      const outbound = await sendThroughApi(bridge, caseId, 'moving_district');
      await changeCase(bridge, caseId, 'Nakuru bus park', 'Nakuru East', 'Nakuru note: the aunt called');
      await ok(bridge, 'session.logout');

      // Kisumu accepts it; Nakuru applies the receipt.
      await ok(kisumuBridge, 'session.login', { username: people.supervisor.username, password });
      const incoming = await upload(kisumuBridge, outbound);
      const staff = (await kisumuBridge.call('cases.staff')).value as { id: string; displayName: string }[];
      const kisumuWorker = staff.find((s) => s.displayName === people.worker.displayName)!.id;
      const accepted = await ok(kisumuBridge, 'transfer.accept', { uploadId: incoming, assignTo: kisumuWorker });
      const receipt = await download(kisumuBridge, accepted.transferId as string, 'receipt');
      await ok(kisumuBridge, 'session.logout');
      await ok(bridge, 'session.login', { username: people.worker.username, password });
      await ok(bridge, 'transfer.applyReceipt', { uploadId: await upload(bridge, receipt) });
      await ok(bridge, 'session.logout');

      // Kisumu's worker changes the same fields differently, adds a note and sends the case back.
      await ok(kisumuBridge, 'session.login', { username: people.worker.username, password });
      await changeCase(kisumuBridge, accepted.caseId as string, 'Kisumu bus park', 'Kisumu Central', 'Kisumu note: school place found');
      const returned = await sendThroughApi(kisumuBridge, accepted.caseId as string, 'return_to_sender');
      await ok(kisumuBridge, 'session.logout');
      const dir = testInfo.outputPath('files');
      fs.mkdirSync(dir, { recursive: true });
      const returnedFile = path.join(dir, 'returned.homeward');
      fs.writeFileSync(returnedFile, returned);

      // Nakuru's supervisor opens the file: each field both offices changed, ours / theirs / base.
      await signIn(nakuru, 'supervisor');
      const base = nakuru.url().split('#')[0];
      await nakuru.goto(`${base}#/transfers`);
      await nakuru.getByLabel(t('open.file')).setInputFiles(returnedFile);
      const conflicts = nakuru.getByRole('table', { name: /NKR-/ });
      await expect(conflicts).toBeVisible();
      const rows = conflicts.locator('tbody tr');
      await expect(rows).toHaveCount(2);
      // Fields are named as the case form names them, in the interface's language.
      const fieldName = (key: string) => pick(JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', language, 'cases.json'), 'utf8')) as Tree, `fieldNames.${key}`);
      const place = rows.filter({ hasText: `· ${fieldName('separationPlace')}` });
      const area = rows.filter({ hasText: `· ${fieldName('area')}` });
      for (const [row, cells] of [
        [place, ['Nakuru market', 'Nakuru bus park', 'Kisumu bus park']],
        [area, ['Nakuru Town', 'Nakuru East', 'Kisumu Central']],
      ] as const) {
        await expect(row.getByRole('rowheader')).toContainText(t('tables.cases'));
        await expect(row.getByRole('cell')).toHaveText(cells.map((c) => new RegExp(c)));
      }
      const merge = nakuru.getByRole('button', { name: exact(t('open.merge')) });
      await nakuru.getByLabel(t('open.assignTo')).selectOption({ label: people.worker.displayName });
      await expect(merge).toBeDisabled();
      // A value per field: theirs for the separation place, ours for the area.
      await place.getByRole('radio', { name: `Kisumu bus park (${t('conflicts.theirs')})` }).check();
      await expect(merge).toBeDisabled();
      await area.getByRole('radio', { name: `Nakuru East (${t('conflicts.ours')})` }).check();
      await saveDownload(nakuru, () => merge.click(), dir);
      await expect(nakuru.getByText(t('open.accepted'))).toBeVisible();

      // The case shows the values chosen and both offices' notes.
      await nakuru.goto(`${base}#/cases/${caseId}`);
      await expect(nakuru.getByText('Kisumu bus park', { exact: true })).toBeVisible();
      await expect(nakuru.getByText('Nakuru East', { exact: true })).toBeVisible();
      await expect(nakuru.getByText('Nakuru bus park', { exact: true })).toHaveCount(0);
      await expect(nakuru.getByText('Kisumu Central', { exact: true })).toHaveCount(0);
      await nakuru.goto(`${base}#/cases/${caseId}?tab=notes`);
      await expect(nakuru.getByText('Nakuru note: the aunt called')).toBeVisible();
      await expect(nakuru.getByText('Kisumu note: school place found')).toBeVisible();
    } finally {
      await kisumuBridge.stop();
    }
  });
}
