// The dialog walk of the axe test: on a screen, press every distinct button that opens a dialog,
// and scan the dialog empty, after a submit with nothing filled in (the errors), and filled in —
// then close it without saving. Driven by what is on the screen, not by a list of dialogs, so a
// dialog added later is scanned too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, repoRoot } from './fixtures';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = fs.readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe's serious and critical findings on the page (or inside `scope`), one line per rule. axe is
 * put into the page once (AxeBuilder injects its 500 kB again on every scan, which made a walk of
 * a hundred dialog states take minutes) and asked for violations only.
 */
export async function axeFindings(page: Page, scope?: string): Promise<string[]> {
  if (scope && (await page.locator(scope).count()) === 0) return [];
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  // A dialog that closes on its own (a submit that succeeded) may be gone by the time axe looks.
  const violations = await page
    .evaluate(
    async ({ scope, tags }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
      // Colours fading mid-transition would be measured half-way (see expectNoSeriousViolations).
      await Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined)));
      const results = await axe.run(scope ? { include: [scope] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return results.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
    },
    { scope: scope ?? null, tags: wcagTags },
    )
    .catch((error: Error) => {
      if (scope && /No elements found for include/.test(error.message)) return [];
      throw error;
    });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(' | ')}`);
}

/** A generated office (`npm run seed`): cases in every stage, with their records. */
export function seedOffice(cases = 8): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeward-a11y-'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'seed.ts'), '--cases', String(cases), '--dir', dir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`seeding failed:\n${run.stdout}\n${run.stderr}`);
  return dir;
}

/** Fills every empty control in the dialog with something plausible (nothing is saved). */
async function fillIn(dialog: Locator): Promise<void> {
  await dialog.evaluate((root) => {
    const setValue = (element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => {
      const proto = Object.getPrototypeOf(element) as object;
      Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(element, value);
      element.dispatchEvent(new Event('input', { bubbles: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const checkedGroups = new Set<string>();
    for (const element of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select'))) {
      if (element.disabled || element.getClientRects().length === 0) continue;
      if (element instanceof HTMLSelectElement) {
        if (!element.value && element.options.length > 1) setValue(element, element.options[1]!.value);
      } else if (element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox')) {
        const group = element.name || element.id;
        if (element.type === 'radio' && checkedGroups.has(group)) continue;
        checkedGroups.add(group);
        if (!element.checked) element.click();
      } else if (element instanceof HTMLInputElement && element.type === 'date') {
        if (!element.value) setValue(element, new Date().toISOString().slice(0, 10));
      } else if (element instanceof HTMLInputElement && element.type === 'number') {
        if (!element.value) setValue(element, '3');
      } else if (element instanceof HTMLInputElement && (element.type === 'file' || element.type === 'hidden' || element.readOnly)) {
        continue;
      } else if (!element.value) {
        setValue(element, 'Nyalenda B, Kisumu');
      }
    }
  }, undefined, { timeout: 10_000 });
}

async function closeDialogs(page: Page): Promise<void> {
  for (let i = 0; i < 4 && (await page.locator('dialog[open]').count()) > 0; i += 1) {
    await page.keyboard.press('Escape');
    // A "discard what you typed?" question is itself a dialog: say yes to it.
    const discard = page.locator('dialog[open]').last().getByRole('button', { name: /^(Discard|تجاهل|إهمال)/ });
    if (await discard.count()) await discard.first().click();
    await page.waitForTimeout(100);
  }
  await expect(page.locator('dialog[open]')).toHaveCount(0);
}

/**
 * Presses each distinct button inside `area` (by its visible text, so one "Edit" per table) and
 * scans every dialog it opens in three states. Buttons that do not open a dialog are put back by
 * reloading `url`. Returns the findings, each prefixed with the screen and the button.
 */
export async function walkDialogs(page: Page, url: string, area: string, screen: string, seen: Set<string>): Promise<string[]> {
  const findings: string[] = [];
  await page.goto(url);
  await expect(page.locator(area).first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  const labels = await page
    .locator(area)
    .locator('button:not([disabled]):not([role="tab"]):not([aria-pressed]):not(.chip__remove)')
    .evaluateAll((buttons) => buttons.filter((b) => b.getClientRects().length > 0).map((b) => (b.textContent ?? '').trim()));
  for (const label of [...new Set(labels)]) {
    if (!label || seen.has(`${screen}:${label}`)) continue;
    seen.add(`${screen}:${label}`);
    const button = page.locator(area).getByRole('button', { name: label, exact: false }).filter({ hasText: label }).first();
    if (!(await button.isVisible().catch(() => false)) || !(await button.isEnabled().catch(() => false))) continue;
    const started = Date.now();
    const timings: number[] = [];
    await button.click();
    const dialog = page.locator('dialog[open]').last();
    const opened = await dialog.waitFor({ state: 'visible', timeout: 1500 }).then(
      () => true,
      () => false,
    );
    if (!opened) {
      if (process.env.HOMEWARD_A11Y_LOG) console.log(`no dialog: ${screen} ${label}`);
      await page.goto(url);
      await expect(page.locator(area).first()).toBeVisible();
      continue;
    }
    const name = `${screen} → "${label}"`;
    timings.push(Date.now() - started);
    for (const finding of await axeFindings(page, 'dialog[open]')) findings.push(`${name} (empty): ${finding}`);
    timings.push(Date.now() - started);
    const submit = dialog.locator('button[type="submit"]:not([disabled])').last();
    if (await submit.count()) {
      await submit.click();
      await page.waitForTimeout(200);
      if (await dialog.isVisible()) for (const finding of await axeFindings(page, 'dialog[open]')) findings.push(`${name} (errors): ${finding}`);
    }
    // The empty submit above may still be closing the dialog (a form that is valid empty, its
    // answer slower than 200 ms on a busy machine): filling waits at most 10 s, and a dialog gone
    // meanwhile is not scanned filled (it waited for the whole test's time once, in CI).
    if ((await dialog.isVisible()) && (await fillIn(dialog).then(() => true, () => false)) && (await dialog.isVisible())) {
      for (const finding of await axeFindings(page, 'dialog[open]')) findings.push(`${name} (filled): ${finding}`);
    }
    await closeDialogs(page);
    if (process.env.HOMEWARD_A11Y_LOG) console.log(`${Date.now() - started} ms ${screen} ${label} ${timings.join(' ')}`);
  }
  return findings;
}
