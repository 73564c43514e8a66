// Browser mode: the family's screen is a second tab. It names a connection of its own in a header,
// pairs it, and that connection alone becomes the family view; the facilitator's tab (the page's
// usual connection) is untouched, and neither reaches the other's channels.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebBridge, type WebBridge } from '../../../electron/web/bridge';
import { tempDir } from '../../fixtures/core';
import { conferenceOffice, ref, type ConferenceOffice } from './helpers';

let o: ConferenceOffice;
let bridge: WebBridge;
let cookie = '';

function post(channel: string, input: unknown, headers: Record<string, string> = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const host = `127.0.0.1:${bridge.port}`;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: 'POST', path: `/api/${channel}`, headers: { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/json', Cookie: cookie, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString()) as never));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(input));
  });
}

beforeAll(async () => {
  o = await conferenceOffice();
  const rendererDir = tempDir('homeward-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Homeward</title>');
  bridge = await startWebBridge({ core: o.core, rendererDir, log: () => undefined });
  const launch = new URL(bridge.launchUrl);
  cookie = await new Promise<string>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: bridge.port, path: `/?launch=${launch.searchParams.get('launch')}`, headers: { Host: `127.0.0.1:${bridge.port}` } }, (res) => {
        res.resume();
        resolve(/^(hw_token=[^;]+);/.exec(res.headers['set-cookie']![0])![1]);
      })
      .on('error', reject);
  });
});
afterAll(async () => {
  await bridge?.close();
  o.cleanup();
});

describe('the family view in a second browser tab', () => {
  const tab = { 'X-Homeward-Tab': 'family-tab-0123456789abcdef' };

  it('pairs its own connection and sees the screen; the page’s connection does not become a family view', async () => {
    const { token } = await o.worker.ok('conference.openFamilyView', ref(o));
    expect(await post('conference.pairFamilyView', { token }, tab)).toEqual({ ok: true, value: { paired: true } });
    const screen = await post('conference.familyScreen', { knownRevision: -1 }, tab);
    expect(screen.ok).toBe(true);
    expect((await post('conference.familyScreen', { knownRevision: -1 })).error?.code).toBe('FORBIDDEN');
    expect((await post('session.status', {})).ok).toBe(true);
  });

  it('the paired tab is refused everything else, login included', async () => {
    expect((await post('session.status', {}, tab)).error?.code).toBe('FORBIDDEN');
    expect((await post('session.login', { username: 'wanjiru', password: 'x' }, tab)).error?.code).toBe('FORBIDDEN');
    expect((await post('conference.get', ref(o), tab)).error?.code).toBe('FORBIDDEN');
  });

  it('a malformed tab name falls back to the page’s connection, which is no family view', async () => {
    expect((await post('conference.familyScreen', { knownRevision: -1 }, { 'X-Homeward-Tab': 'short' })).error?.code).toBe('FORBIDDEN');
  });
});
