// The browser-mode bridge's defences, against a real server on loopback and a real core over an
// encrypted database in a temp folder.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { startWebBridge, type WebBridge } from '../../electron/web/bridge';
import { contentSecurityPolicy } from '../../electron/web/renderer-files';
import { adminPassword, tempDir, testKdf } from '../fixtures/core';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let dir: string;
let rendererDir: string;
let core: Core;
let bridge: WebBridge;
/** The session cookie this test's "browser" got by opening the first launch link. */
let token: string;
/** Moves the bridge's clock (launch links expire by it). */
let skewMs = 0;
let host: string;
let origin: string;

function request(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { Host: host, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function cookieOf(reply: Reply): string | null {
  const header = reply.headers['set-cookie']?.[0];
  return header ? /^hw_token=([^;]+);/.exec(header)![1]! : null;
}

const launchPath = (url: string) => `/?launch=${new URL(url).searchParams.get('launch')}`;

const withCookie = (headers: Record<string, string> = {}) => ({ Cookie: `hw_token=${token}`, ...headers });

function api(channel: string, input: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request({
    method: 'POST',
    path: `/api/${channel}`,
    headers: withCookie({ 'Content-Type': 'application/json', Origin: origin, ...headers }),
    body: JSON.stringify(input),
  });
}

beforeAll(async () => {
  dir = tempDir('homeward-bridge-');
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Homeward</title><script type="module" src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer folder');
  core = createCore({ dataDir: path.join(dir, 'data'), kdfCost: testKdf, log: () => undefined });
  bridge = await startWebBridge({ core, rendererDir, bodyLimitBytes: 64 * 1024, log: () => undefined, now: () => Date.now() + skewMs });
  host = `127.0.0.1:${bridge.port}`;
  origin = `http://${host}`;
  const opened = await request({ path: new URL(bridge.launchUrl).pathname + new URL(bridge.launchUrl).search });
  token = cookieOf(opened)!;
});

afterAll(async () => {
  await bridge.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('browser-mode bridge', () => {
  it('listens on 127.0.0.1 only and prints a launch link with a long random token', () => {
    expect(bridge.launchUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?launch=[A-Za-z0-9_-]{43}$/);
  });

  it('is not reachable on a non-loopback address', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!external) return;
    const outcome = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: external.address, port: bridge.port });
      socket.setTimeout(2000, () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', () => resolve('refused'));
    });
    expect(outcome).not.toBe('connected');
  });

  it('exchanges a launch link for a fresh HttpOnly, SameSite=Strict cookie and redirects to /', async () => {
    const link = launchPath(bridge.newLaunchUrl());
    const reply = await request({ path: link });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/');
    const cookie = cookieOf(reply)!;
    expect(reply.headers['set-cookie']?.[0]).toBe(`hw_token=${cookie}; HttpOnly; SameSite=Strict; Path=/`);
    // The cookie is a new secret, not the link's token (which the terminal and the command line saw).
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link).not.toContain(cookie);
    const status = await api('session.status', {}, { Cookie: `hw_token=${cookie}` });
    expect(JSON.parse(status.body).ok).toBe(true);
  });

  it('refuses a launch link the second time: no cookie for whoever copies it after the first browser', async () => {
    const link = launchPath(bridge.newLaunchUrl());
    expect((await request({ path: link })).status).toBe(302);
    const again = await request({ path: link });
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('already used');
    // The browser that used it may reload the link: it keeps its own session, and gets nothing new.
    const reload = await request({ path: link, headers: withCookie() });
    expect(reload.status).toBe(302);
    expect(reload.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a launch link after a minute', async () => {
    const link = launchPath(bridge.newLaunchUrl());
    skewMs = 61_000;
    try {
      const late = await request({ path: link });
      expect(late.status).toBe(403);
      expect(late.headers['set-cookie']).toBeUndefined();
      expect(late.body).toContain('expired');
    } finally {
      skewMs = 0;
    }
    // Still spent afterwards, even with the clock back.
    expect((await request({ path: link })).status).toBe(403);
  });

  it('refuses a wrong launch token without setting a cookie', async () => {
    const link = launchPath(bridge.newLaunchUrl());
    const reply = await request({ path: `${link.slice(0, -1)}${link.endsWith('x') ? 'y' : 'x'}` });
    expect(reply.status).toBe(403);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('does not accept a launch token as the cookie', async () => {
    const link = new URL(bridge.newLaunchUrl()).searchParams.get('launch')!;
    const call = await api('session.status', {}, { Cookie: `hw_token=${link}` });
    expect(call.status).toBe(403);
  });

  it('answers a wrong Host header with 421, even with the right cookie (DNS rebinding)', async () => {
    for (const badHost of [`evil.example:${bridge.port}`, '127.0.0.1', `127.0.0.1:${bridge.port + 1}`, `localhost.evil.example:${bridge.port}`]) {
      const reply = await request({ path: '/', headers: withCookie({ Host: badHost }) });
      expect(reply.status, badHost).toBe(421);
      const call = await request({
        method: 'POST',
        path: '/api/session.status',
        headers: withCookie({ Host: badHost, 'Content-Type': 'application/json' }),
        body: '{}',
      });
      expect(call.status, badHost).toBe(421);
      expect(call.body).not.toContain('setupRequired');
    }
  });

  it('accepts localhost:<port> as well as 127.0.0.1:<port>', async () => {
    const reply = await request({ path: '/', headers: withCookie({ Host: `localhost:${bridge.port}` }) });
    expect(reply.status).toBe(200);
  });

  it('without the cookie, serves only a page that points to the terminal link', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(403);
    expect(page.body).toContain('printed in the terminal');
    expect(page.body).not.toContain('/assets/app.js');
    expect((await request({ path: '/assets/app.js' })).status).toBe(403);
  });

  it('refuses API calls without the cookie or with a wrong one', async () => {
    for (const cookie of [undefined, 'hw_token=', `hw_token=${token}x`, `other=${token}`]) {
      const reply = await request({
        method: 'POST',
        path: '/api/session.status',
        headers: { 'Content-Type': 'application/json', Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
        body: '{}',
      });
      expect(reply.status, String(cookie)).toBe(403);
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses API calls from another origin (CSRF)', async () => {
    const cases: Record<string, string>[] = [{ Origin: 'http://evil.example' }, { Origin: `http://127.0.0.1:${bridge.port + 1}` }, { 'Sec-Fetch-Site': 'cross-site' }];
    for (const headers of cases) {
      const reply = await api('session.status', {}, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(reply.body).error.code).toBe('FORBIDDEN');
    }
  });

  it('requires application/json, POST, and a body under the limit', async () => {
    const form = await api('session.status', {}, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const get = await request({ method: 'GET', path: '/api/session.status', headers: withCookie() });
    expect(get.status).toBe(405);
    const big = await api('session.login', { username: 'admin', password: 'x'.repeat(100 * 1024) });
    expect(big.status).toBe(413);
    const notJson = await request({
      method: 'POST',
      path: '/api/session.status',
      headers: withCookie({ 'Content-Type': 'application/json', Origin: origin }),
      body: '{not json',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe('VALIDATION');
  });

  it('answers a good request with the core Result, and unknown channels with UNKNOWN_CHANNEL', async () => {
    const status = await api('session.status', {});
    expect(status.status).toBe(200);
    expect(status.headers['content-type']).toContain('application/json');
    expect(status.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { setupRequired: true, office: null, session: null } });

    const unknown = await api('session.doesNotExist', {});
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    const invalid = await api('session.login', { username: 1 });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('keeps one session across requests', async () => {
    const setup = await api('session.setupOffice', {
      office: { name: 'Gulu District Office', code: 'GUL', country: 'UG', defaultLanguage: 'en' },
      admin: { username: 'admin', displayName: 'Amina Admin', password: adminPassword },
    });
    expect(JSON.parse(setup.body).ok).toBe(true);
    const login = await api('session.login', { username: 'admin', password: adminPassword });
    expect(JSON.parse(login.body)).toMatchObject({ ok: true, value: { username: 'admin', role: 'admin' } });
    const status = JSON.parse((await api('session.status', {})).body);
    expect(status.value.session).toMatchObject({ username: 'admin', locked: false });
    await api('session.logout', {});
  });

  it('serves the renderer with the CSP and hardening headers, falling back to index.html for app routes', async () => {
    const page = await request({ path: '/cases/123', headers: withCookie() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('/assets/app.js');
    expect(page.headers['content-security-policy']).toBe(contentSecurityPolicy);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');

    const script = await request({ path: '/assets/app.js', headers: withCookie() });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect((await request({ path: '/assets/missing.js', headers: withCookie() })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00.js']) {
      const reply = await request({ path: p, headers: withCookie() });
      expect(reply.body, p).not.toContain('outside the renderer folder');
    }
  });
});
