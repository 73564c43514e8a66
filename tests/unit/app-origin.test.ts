// The Electron shell trusts exactly one origin: app://homeward. IPC senders, navigation and
// downloads are judged by these functions.
import { describe, expect, it } from 'vitest';
import { isAppBlobUrl, isAppUrl } from '../../electron/main/app-origin';

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
