// Node-only. Failed-login back-off and temporary lockout, kept in the key-slot file so that
// restarting the app does not reset the count.
import { AppError } from '../../../shared/contract/errors';
import type { Vault } from '../vault/vault';

/** No wait for the first two failures, then 5 s, 15 s, and from the 5th on 1, 2, 4 … 15 minutes. */
export function lockoutSeconds(failures: number): number {
  if (failures < 3) return 0;
  if (failures === 3) return 5;
  if (failures === 4) return 15;
  return Math.min(60 * 2 ** (failures - 5), 15 * 60);
}

export function assertNotLockedOut(vault: Vault, username: string, now: Date): void {
  const entry = vault.require().lockouts[username];
  if (!entry?.lockedUntil) return;
  const seconds = Math.ceil((Date.parse(entry.lockedUntil) - now.getTime()) / 1000);
  if (seconds > 0) {
    throw new AppError('LOGIN_LOCKED', `too many failed attempts; try again in ${seconds} s`, { params: { seconds } });
  }
}

/** Bounds on what anyone at the login screen can make the key-slot file hold. */
export const MAX_LOCKOUT_ENTRIES = 500;

/** Records a failure; returns the lockout that now applies, in seconds (0 for none). */
export function recordFailure(vault: Vault, username: string, now: Date): number {
  let seconds = 0;
  vault.update((content) => {
    const entry = content.lockouts[username] ?? { failures: 0, lockedUntil: null };
    entry.failures += 1;
    seconds = lockoutSeconds(entry.failures);
    entry.lockedUntil = seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null;
    content.lockouts[username] = entry;
    const names = Object.keys(content.lockouts);
    if (names.length > MAX_LOCKOUT_ENTRIES) {
      // Typing many different names must not grow the file without end: forget the oldest.
      for (const name of names.slice(0, names.length - MAX_LOCKOUT_ENTRIES)) delete content.lockouts[name];
    }
  });
  return seconds;
}

export function clearFailures(vault: Vault, username: string): void {
  if (!vault.require().lockouts[username]) return;
  vault.update((content) => {
    delete content.lockouts[username];
  });
}
