import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../shared/session/password-policy';

describe('password policy', () => {
  it.each([
    ['Tr0ub4dor&3', ['tooShort']],
    ['password', ['tooShort', 'common']],
    ['passwordpassword', ['common']],
    ['Password123!', ['common']],
    ['QWERTY-uiop-123', ['common']],
    ['aaaaaaaaaaaaaaaa', ['tooRepetitive']],
    ['ababababababab', ['tooRepetitive']],
  ] as const)('%j is refused for %j', (password, problems) => {
    expect(checkPassword(password)).toEqual(problems);
  });

  it('a password containing the username is refused, whatever the case', () => {
    expect(checkPassword('Wanjiru-likes-mangoes', 'wanjiru')).toContain('containsUsername');
    expect(checkPassword('short-uid-is-fine-here', 'ab')).toEqual([]);
  });

  it.each(['correct horse battery staple', 'mango tree by the river', 'Kx9#mQ2$vL7!', 'ñandú-pájaro-río-cielo', 'مفتاح سري طويل جدا'])(
    '%j is accepted',
    (password) => {
      expect(checkPassword(password)).toEqual([]);
    },
  );

  it('length counts characters, not UTF-16 units', () => {
    // Eleven emoji are 22 UTF-16 units but 11 characters: too short.
    expect(checkPassword('🐘🦒🦓🦁🐆🦛🦏🐊🦩🦜🐒')).toContain('tooShort');
  });
});
