// Administration → Service categories through the real screens, in English and in Arabic: an
// administrator (who reads no case) adds a category named in two languages; a case worker finds it
// in the directory's category filter, named in the interface's language; the administrator retires
// it (kept, marked retired) — no delete is offered for a category the Guidelines ship.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations, setUpOffice, signIn, signOut } from './casework-kit';
import { expect, repoRoot, test } from './fixtures';

type Tree = { [k: string]: string | Tree };
const load = (language: string, ns: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'locales', language, `${ns}.json`), 'utf8')) as Tree;
const pick = (tree: Tree, key: string) => key.split('.').reduce<Tree | string>((node, part) => (node as Tree)[part], tree) as string;
const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const names = { en: 'Nutrition and feeding', ar: 'التغذية والإطعام' };
const fill = (s: string, values: Record<string, string>) => Object.entries(values).reduce((text, [k, v]) => text.replace(`{{${k}}}`, v), s);

async function go(page: Page, hash: string) {
  await page.goto(`${page.url().split('#')[0]}#${hash}`);
}

for (const language of ['en', 'ar'] as const) {
  test(`an administrator adds a category in the office's languages; it is in the directory's filter; retired, it stays (${language})`, async ({ app: page, bridge }) => {
    test.setTimeout(120_000);
    const s = (key: string) => pick(load(language, 'services'), key);
    const languageName = { en: 'English', ar: 'العربية' };
    await setUpOffice(bridge, { language });
    await signIn(page, 'admin');
    await go(page, '/admin/categories');
    await expect(page.getByRole('heading', { name: exact(s('categoryAdmin.title')), level: 1 })).toBeVisible();
    // A category the Guidelines ship can be retired, never deleted.
    await expect(page.getByRole('button', { name: fill(s('categoryAdmin.deleteNamed'), { name: s('categories.peer_support') }) })).toHaveCount(0);
    await page.getByRole('button', { name: exact(s('categoryAdmin.add')) }).click();
    const dialog = page.getByRole('dialog', { name: s('categoryAdmin.add') });
    await dialog.getByLabel(s('categoryAdmin.key')).fill('nutrition');
    await dialog.getByLabel(fill(s('categoryAdmin.nameIn'), { language: languageName.en })).fill(names.en);
    await dialog.getByLabel(fill(s('categoryAdmin.nameIn'), { language: languageName.ar })).fill(names.ar);
    await expectNoSeriousViolations(page, `category dialog (${language})`);
    await dialog.getByRole('button', { name: exact(s('categoryAdmin.save')) }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: new RegExp(names[language]) });
    await expect(row).toBeVisible();
    await expectNoSeriousViolations(page, `categories (${language})`);
    await signOut(page);

    // A case worker finds it in the directory's filter, in the interface's language.
    await signIn(page, 'worker');
    await go(page, '/services');
    await expect(page.getByLabel(s('search.category')).locator('option', { hasText: names[language] })).toHaveCount(1);
    await signOut(page);

    // Retired: still listed, marked, and brought back in one step.
    await signIn(page, 'admin');
    await go(page, '/admin/categories');
    await page.getByRole('button', { name: fill(s('categoryAdmin.retireNamed'), { name: names[language] }) }).click();
    await expect(page.getByRole('row', { name: new RegExp(names[language]) }).getByText(exact(s('categoryAdmin.retiredBadge')))).toBeVisible();
    await expect(page.getByRole('button', { name: fill(s('categoryAdmin.restoreNamed'), { name: names[language] }) })).toBeVisible();
  });
}
