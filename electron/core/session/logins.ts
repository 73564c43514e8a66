// Node-only. Failed-login back-off and temporary lockout, kept in the key-slot file so that
// restarting the app does not reset the count.
//
// Whatever is typed as a username lands here on failure, and people type their password into the
// username field. A name that belongs to a user is kept as is; any other name only as a keyed hash
// whose key lives in this process's memory. The file then never holds a typed secret, entries of
// unknown names mean nothing to a reader, and they are forgotten on restart — nothing is lost, as
// no account stands behind an unknown name (its back-off only keeps it looking like a real one).
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { Vault } from '../vault/vault';

/** No wait for the first two failures, then 5 s, 15 s, and from the 5th on 1, 2, 4 … 15 minutes. */
export function lockoutSeconds(failures: number): number {
  if (failures < 3) return 0;
  if (failures === 3) return 5;
  if (failures === 4) return 15;
  return Math.min(60 * 2 ** (failures - 5), 15 * 60);
}

const unknownNameKey = crypto.randomBytes(32);

/** A stable reference to a name that is no user's, which does not reveal the name. */
export function unknownNameRef(username: string): string {
  return crypto.createHmac('sha256', unknownNameKey).update(username, 'utf8').digest('hex').slice(0, 32);
}

export function isKnownUsername(vault: Vault, username: string): boolean {
  return vault.findUserSlot(username) !== null;
}

/** The back-off table's key for a typed name: the name itself only when it is a user's. */
export function lockoutKey(vault: Vault, username: string): string {
  return isKnownUsername(vault, username) ? username : `unknown:${unknownNameRef(username)}`;
}

export function assertNotLockedOut(vault: Vault, username: string, now: Date): void {
  const entry = vault.require().lockouts[lockoutKey(vault, username)];
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
  const key = lockoutKey(vault, username);
  vault.update((content) => {
    const entry = content.lockouts[key] ?? { failures: 0, lockedUntil: null };
    entry.failures += 1;
    seconds = lockoutSeconds(entry.failures);
    entry.lockedUntil = seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null;
    content.lockouts[key] = entry;
    const names = Object.keys(content.lockouts);
    if (names.length > MAX_LOCKOUT_ENTRIES) {
      // Typing many different names must not grow the file without end: forget the oldest.
      for (const name of names.slice(0, names.length - MAX_LOCKOUT_ENTRIES)) delete content.lockouts[name];
    }
  });
  return seconds;
}

export function clearFailures(vault: Vault, username: string): void {
  const key = lockoutKey(vault, username);
  if (!vault.require().lockouts[key]) return;
  vault.update((content) => {
    delete content.lockouts[key];
  });
}
