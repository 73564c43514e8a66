// Set-up steps shared by the case-work specs: an office with an administrator, a case worker and a
// supervisor (through the API: the office wizard and the users screen have their own specs), and
// signing in and out through the real screens.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, type Bridge } from './fixtures';

export const password = 'kettle orchard lantern 47';

export const people = {
  admin: { username: 'admin', displayName: 'Grace Admin', role: 'admin' as const },
  worker: { username: 'amani', displayName: 'Amani Wekesa', role: 'caseworker' as const },
  supervisor: { username: 'sofia', displayName: 'Sofia Mendes', role: 'supervisor' as const },
};
export type Person = keyof typeof people;

async function ok(bridge: Bridge, channel: string, input: unknown = {}) {
  const result = await bridge.call(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Sets up the office and its staff, then leaves the bridge signed out. */
export async function setUpOffice(bridge: Bridge, options: { language?: 'en' | 'ar' } = {}): Promise<void> {
  const language = options.language ?? 'en';
  await ok(bridge, 'session.setupOffice', {
    office: { name: 'Kisumu District Office', code: 'KSM', country: 'KE', defaultLanguage: language },
    admin: { username: people.admin.username, displayName: people.admin.displayName, password },
  });
  await ok(bridge, 'session.login', { username: people.admin.username, password });
  const given = `${password} as given`;
  for (const person of [people.worker, people.supervisor]) {
    await ok(bridge, 'admin.createUser', { ...person, language, password: given });
  }
  await ok(bridge, 'session.logout');
  // Each person's first sign-in replaces the administrator's password (the screen for it has its
  // own spec, session-flow.spec.ts).
  for (const person of [people.worker, people.supervisor]) {
    await ok(bridge, 'session.login', { username: person.username, password: given });
    await ok(bridge, 'session.changePassword', { currentPassword: given, newPassword: password });
    await ok(bridge, 'session.logout');
  }
}

export async function signIn(page: Page, who: Person): Promise<void> {
  // A fresh load: the shell reads the session state (set up, signed out) when it starts.
  await page.goto(page.url().split('#')[0] + '#/');
  await page.reload();
  await page.getByLabel('Username').or(page.getByLabel('اسم المستخدم')).fill(people[who].username);
  await page.getByLabel(/^(Password|كلمة المرور)/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|دخول)$/ }).click();
  await expect(page.getByRole('navigation', { name: /^(Sections|الأقسام)$/ })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Log out|تسجيل الخروج)$/ }).click();
  await expect(page.getByRole('button', { name: /^(Sign in|دخول)$/ })).toBeVisible();
}

/**
 * axe-core finds no serious or critical violation on the page once it has settled. Buttons fade
 * their colours over 120 ms (components.css): axe run mid-fade measured a half-way colour's contrast
 * and failed now and then, so running transitions and animations are awaited first.
 */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined))));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(report, `axe on ${screen}`).toEqual([]);
}

/** Nothing sticks out sideways: the page never scrolls horizontally. */
export async function expectNoHorizontalOverflow(page: Page, screen: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `horizontal overflow on ${screen}`).toBeLessThanOrEqual(clientWidth);
}
