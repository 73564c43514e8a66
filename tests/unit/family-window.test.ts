// The desktop app lets a page open exactly one kind of window: the family's conference screen on
// the app's own origin. (The window itself is Electron-only; the decision is tested here.)
import { describe, expect, it } from 'vitest';
import { isFamilyViewUrl } from '../../electron/main/app-origin';

describe('which window.open the desktop app allows', () => {
  it('the family view route of app://homeward, with or without its pairing code', () => {
    expect(isFamilyViewUrl('app://homeward/#/family-view')).toBe(true);
    expect(isFamilyViewUrl('app://homeward/#/family-view?pair=abcdefabcdefabcdef')).toBe(true);
  });

  it('nothing else: other routes, other origins, look-alikes', () => {
    for (const url of [
      'app://homeward/',
      'app://homeward/#/cases',
      'app://homeward/#/family-viewer',
      'app://homeward/other#/family-view',
      'app://evil/#/family-view',
      'http://127.0.0.1/#/family-view',
      'https://example.org/#/family-view',
      'javascript:alert(1)//#/family-view',
      '',
      null,
    ]) {
      expect(isFamilyViewUrl(url), String(url)).toBe(false);
    }
  });
});
