// Service mapping and a referral through the real screens, in English and in Arabic: a provider is
// imported from a CSV file (its preview first), the gap matrix and the map show a gap where a
// child has a need and no one serves it, the child is referred with consent (exactly what leaves
// is previewed), the slip is printed and its text checked, and the provider's answer and the
// outcome are recorded. Set-up (office, staff, areas, the child's case and its well-being scores,
// the consent) goes through the API; every services and referral step goes through the screens.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations, password, people, setUpOffice, signIn } from './casework-kit';
import { expect, repoRoot, test, type Bridge } from './fixtures';

type Tree = { [k: string]: string | Tree };
const load = (language: string, ns: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', language, `${ns}.json`), 'utf8')) as Tree;
const pick = (tree: Tree, key: string) => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part], tree) as string;
const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const factors = ['food_security', 'nutrition_growth', 'shelter', 'care', 'abuse_exploitation', 'legal_protection', 'wellness', 'health_care_services', 'emotional_health', 'social_behaviour', 'performance', 'education_work', 'family_relationships', 'community_belonging', 'stigma'];
const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 2.7], [x + 0.1, 2.7], [x + 0.1, 2.8], [x, 2.8], [x, 2.7]]] });

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
}

/** Areas with small boundaries, and a child in Layibi whose well-being scores call for counselling and legal aid. */
async function setUpCase(bridge: Bridge): Promise<string> {
  await ok(bridge, 'session.login', { username: people.worker.username, password });
  const gulu = (await ok(bridge, 'services.saveArea', { area: { code: 'GUL', name: 'Gulu', level: 'district' } })).id;
  await ok(bridge, 'services.saveArea', { area: { code: 'GUL-PEC', name: 'Pece', parentId: gulu } });
  await ok(bridge, 'services.saveArea', { area: { code: 'GUL-LAY', name: 'Layibi', parentId: gulu } });
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: 'GUL-PEC', name: 'Pece' }, geometry: square(32.2) },
      { type: 'Feature', properties: { code: 'GUL-LAY', name: 'Layibi' }, geometry: square(32.3) },
    ],
  });
  await ok(bridge, 'services.importBoundaries', { geojson, codeProperty: 'code' });
  const c = await ok(bridge, 'cases.register', {
    child: { givenName: 'Akello', familyName: 'Nyeko', sex: 'female', dateOfBirth: '2013-04-02', separationReasons: ['poverty'], careArrangement: 'kinship_care', area: 'Layibi' },
  });
  const caseId = c.id as string;
  const today = new Date().toISOString().slice(0, 10);
  const answers = Object.fromEntries(factors.map((f) => [f, f === 'emotional_health' ? 1 : f === 'legal_protection' ? 2 : 3]));
  await ok(bridge, 'assessments.save', { caseId, templateKey: 'csi', templateVersion: 1, date: today, answers, complete: true });
  await ok(bridge, 'consents.record', { caseId, consent: { givenBy: 'caregiver', giverName: 'Lamunu Nyeko', relationship: 'aunt', purposes: ['referral'], method: 'signature', date: today } });
  await ok(bridge, 'session.logout');
  return caseId;
}

const providerCsv = (language: string) =>
  [
    'provider,provider_kind,phone,provider_language,required_fields,last_verified,service,category,min_age,max_age,languages,areas',
    `Layibi Counselling Centre,ngo,0772 123 456,${language},,2026-01-10,Child counselling,mental_health,6,17,Acholi;English,GUL-LAY`,
  ].join('\n');

async function go(page: Page, hash: string) {
  await page.goto(`${page.url().split('#')[0]}#${hash}`);
}

for (const language of ['en', 'ar'] as const) {
  test(`a provider imported from CSV, a gap on the matrix and the map, a referral with consent, its slip and its outcome (${language})`, async ({ app: page, bridge }, testInfo) => {
    test.setTimeout(180_000);
    const s = (key: string) => pick(load(language, 'services'), key);
    const r = (key: string) => pick(load(language, 'referrals'), key);
    await setUpOffice(bridge, { language });
    const caseId = await setUpCase(bridge);
    await signIn(page, 'worker');

    // The directory: import a provider from a CSV file, after its preview.
    await go(page, '/services');
    await expect(page.getByRole('heading', { name: exact(s('title')), level: 1 })).toBeVisible();
    await page.getByLabel(s('import.file')).setInputFiles({ name: 'providers.csv', mimeType: 'text/csv', buffer: Buffer.from(providerCsv(language)) });
    await expect(page.getByText(s('import.noProblems'))).toBeVisible();
    await page.getByRole('button', { name: exact(s('import.import')) }).click();
    await expect(page.getByRole('cell', { name: 'Child counselling' })).toBeVisible();
    await expectNoSeriousViolations(page, `directory (${language})`);

    // The gaps: legal aid in Layibi is a gap (legal protection scored 2, no provider); counselling is covered.
    await go(page, '/services/gaps');
    const matrix = page.getByRole('region', { name: s('gaps.legend') });
    const layibiRow = matrix.getByRole('row', { name: /Layibi/ });
    await expect(layibiRow.getByText(exact(s('gaps.gap')))).toBeVisible();
    const map = page.getByRole('group', { name: s('gaps.map') });
    await map.getByRole('button', { name: new RegExp(`^Layibi: ${s('gaps.gap')}$`) }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('link', { name: /Akello Nyeko/ })).toBeVisible();
    await expect(page.getByText('Layibi Counselling Centre — Child counselling')).toBeVisible();
    await expectNoSeriousViolations(page, `gaps (${language})`);

    // The referral: from the case, to the suggested provider, only the default fields.
    await go(page, `/cases/${caseId}?tab=referrals`);
    await page.getByRole('button', { name: exact(r('form.new')) }).click();
    const form = page.getByRole('dialog', { name: r('form.new') });
    await form.getByLabel(r('form.category')).selectOption({ label: s('categories.mental_health') });
    await form.getByLabel(r('form.suggested')).selectOption({ label: 'Layibi Counselling Centre — Child counselling' });
    await form.getByLabel(r('form.need')).fill('Counselling for night terrors');
    await form.getByRole('combobox', { name: r('form.urgency') }).selectOption({ label: r('urgency.urgent') });
    await expectNoSeriousViolations(page, `referral form (${language})`);
    await form.getByRole('button', { name: exact(r('form.saveDraft')) }).click();
    await expect(form).toBeHidden();
    await page.getByRole('button', { name: exact(r('card.previewSend')) }).click();
    const send = page.getByRole('dialog', { name: r('preview.title') });
    const preview = send.getByTestId('referral-preview');
    await expect(preview).toContainText('Akello Nyeko');
    await expect(preview).toContainText('Counselling for night terrors');
    await expect(preview).not.toContainText('2013-04-02');
    await expect(send.getByText(r('preview.consentOk'))).toBeVisible();
    await send.getByRole('button', { name: exact(r('preview.send')) }).click();
    await expect(send).toBeHidden();
    await expect(page.getByText(exact(r('status.sent')))).toBeVisible();

    // The slip, in the provider's language, holds what was previewed and nothing more.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: exact(r('card.print')) }).click()]);
    const file = path.join(testInfo.outputPath('files'), download.suggestedFilename());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Akello Nyeko');
    expect(text).toContain('Counselling for night terrors');
    expect(text).toContain('Layibi Counselling Centre');
    expect(text).not.toContain('2013-04-02');
    expect(text).not.toContain('Lamunu');

    // The provider accepts, the service starts and is completed with an outcome.
    for (const [to, extra] of [['accepted', null], ['started', null], ['completed', 'Six sessions; sleeping through the night']] as const) {
      await page.getByLabel(r('move.to')).selectOption({ label: r(`status.${to}`) });
      if (extra) await page.getByRole('textbox', { name: r('move.outcome'), exact: true }).fill(extra);
      await page.getByRole('button', { name: exact(r('move.save')) }).click();
      await expect(page.getByText(exact(r(`status.${to}`))).first()).toBeVisible();
    }
    await expect(page.getByText(r('card.outcome').replace('{{outcome}}', 'Six sessions; sleeping through the night'))).toBeVisible();
    await expectNoSeriousViolations(page, `referrals tab (${language})`);
  });
}
