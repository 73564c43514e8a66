// The Electron shell trusts exactly one origin: app://homeward. IPC senders, navigation and
// downloads are judged by these functions.
import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isAppBlobUrl, isAppUrl } from '../../electron/main/app-origin';

describe('the app origin', () => {
  it('accepts pages of app://homeward only', () => {
    expect(isAppUrl('app://homeward/')).toBe(true);
    expect(isAppUrl('app://homeward/cases/12?tab=plan#x')).toBe(true);
    for (const url of [
      'app://evil/',
      'app://homeward.evil/',
      'app://user:pw@homeward/',
      'file:///etc/passwd',
      'http://homeward/',
      'https://homeward/',
      'http://127.0.0.1:3000/',
      'about:blank',
      'devtools://devtools/',
      'javascript:alert(1)',
      '',
      'not a url',
      null,
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('allows downloads only of blobs the app made', () => {
    expect(isAppBlobUrl('blob:app://homeward/6a1c2b3d-0000-4000-8000-000000000000')).toBe(true);
    expect(isAppBlobUrl('blob:https://evil.example/123')).toBe(false);
    expect(isAppBlobUrl('app://homeward/recovery.txt')).toBe(false);
    expect(isAppBlobUrl('data:text/plain,hello')).toBe(false);
  });
});

describe('the session-wide request filter', () => {
  const off = { devTools: false };
  const on = { devTools: true };

  it('lets through the app’s own protocol, its blobs and data: images', () => {
    for (const url of ['app://homeward/', 'app://homeward/assets/index-abc.js', 'blob:app://homeward/5d3c-11', 'data:image/png;base64,iVBORw0KGgo=']) {
      expect(isAllowedRequest(url, off), url).toBe(true);
    }
  });

  it('refuses everything else, whatever the page asks for', () => {
    for (const url of [
      'http://127.0.0.1:8080/api/session.status',
      'https://example.org/track.gif',
      'ws://127.0.0.1:9229/',
      'wss://example.org/',
      'file:///etc/passwd',
      'file:///C:/Users/office/homeward.db',
      'ftp://example.org/',
      'app://evil/',
      'app://homeward.evil/',
      'blob:https://example.org/1',
      'data:text/html,<script>alert(1)</script>',
      'chrome://settings',
      'chrome-extension://abc/x.js',
      'devtools://devtools/bundled/inspector.html',
      '',
      null,
      undefined,
    ]) {
      expect(isAllowedRequest(url, off), String(url)).toBe(false);
    }
  });

  it('lets the devtools front end load only when devtools were enabled', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', on)).toBe(true);
    expect(isAllowedRequest('https://chrome-devtools-frontend.appspot.com/x', on)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/', on)).toBe(false);
  });
});
