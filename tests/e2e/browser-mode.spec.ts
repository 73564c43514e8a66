// Browser mode as a transport: the launch link, the cookie, the CSP, and what a browser without
// the link sees. (The app's own flows are in the other specs.)
import { expect, test } from './fixtures';

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser-mode', 'about browser mode only');
});

test('the launch link leaves an HttpOnly, SameSite=Strict cookie and no token in the address bar', async ({ app, bridge, context }) => {
  expect(app.url()).not.toContain('launch=');
  expect(app.url().startsWith(`${bridge.origin}/`)).toBe(true);
  const cookies = await context.cookies(bridge.origin);
  expect(cookies).toEqual([expect.objectContaining({ name: 'hw_token', httpOnly: true, sameSite: 'Strict', path: '/' })]);
  // The cookie is this browser's own secret: neither the printed link's token nor another browser's.
  expect(cookies[0]!.value).not.toBe(new URL(bridge.launchUrl).searchParams.get('launch'));
  expect(cookies[0]!.value).not.toBe(bridge.cookie);
  expect(await app.evaluate(() => document.cookie)).toBe('');
});

test('a used launch link lets no second browser in, and a fresh one from the terminal does', async ({ app, browser, bridge }) => {
  await expect(app.locator('#root > *').first()).toBeVisible();
  const second = await browser.newContext();
  const page = await second.newPage();
  const reused = await page.goto(bridge.launchUrl);
  expect(reused?.status()).toBe(403);
  await expect(page.getByText('already used')).toBeVisible();
  expect(await second.cookies()).toEqual([]);

  const fresh = await page.goto(await bridge.newLaunchUrl());
  expect(fresh?.status()).toBe(200);
  expect(page.url()).toBe(`${bridge.origin}/`);
  await expect(page.locator('#root > *').first()).toBeVisible();
  await second.close();
});

test('the app starts under the strict CSP without a single violation or page error', async ({ page, bridge }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    // Failed loads are judged below by URL (the browser asks for /favicon.ico on its own).
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') problems.push(`${r.status()} ${r.url()}`);
  });
  const response = await page.goto(await bridge.newLaunchUrl());
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('#root > *').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('#root > *').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('a browser that did not open the link sees only a pointer to the terminal', async ({ browser, bridge }) => {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  const response = await page.goto(`${bridge.origin}/`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText('printed in the terminal')).toBeVisible();
  const call = await page.evaluate(async () => {
    const r = await fetch('/api/session.status', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return { status: r.status, body: await r.text() };
  });
  expect(call.status).toBe(403);
  expect(call.body).not.toContain('setupRequired');
  await stranger.close();
});
