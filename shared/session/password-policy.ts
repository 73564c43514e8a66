// Environment-free. Password policy: at least 12 characters, or a passphrase of 4+ words of 3+
// letters (at least 16 characters in all); never one of the commonly used passwords.
import { commonPasswords } from './common-passwords';

export type PasswordProblem = 'tooShort' | 'common' | 'tooRepetitive' | 'containsUsername';

export const PASSWORD_MIN_LENGTH = 12;

function isPassphrase(password: string): boolean {
  const words = password.trim().split(/[\s\-_.]+/u).filter((w) => w.length >= 3);
  return words.length >= 4 && password.length >= 16;
}

export function checkPassword(password: string, username = ''): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const lower = password.toLowerCase();
  if ([...password].length < PASSWORD_MIN_LENGTH && !isPassphrase(password)) problems.push('tooShort');
  const squashed = lower.replace(/[^\p{L}\p{N}]/gu, '');
  if (commonPasswords.has(lower) || commonPasswords.has(squashed) || commonPasswords.has(squashed.replace(/\d+$/u, ''))) {
    problems.push('common');
  }
  if (new Set(password).size <= 3) problems.push('tooRepetitive');
  if (username.length >= 3 && lower.includes(username.toLowerCase())) problems.push('containsUsername');
  return problems;
}
