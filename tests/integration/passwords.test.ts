// Passwords on key slots: changing one rewrites only that slot, the policy, and resets with the
// office recovery key (from the login screen and by an administrator).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KeySlot } from '../../electron/core/vault/keyfile';
import {
  cleanUpAfterEach,
  clientsFor,
  keyFileText,
  openCore,
  setUpOffice,
  setUpStaffedOffice,
  tempDir,
  testClock,
  workerPassword,
} from '../fixtures/core';
import { expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();

/** How a slot appears inside the key-slot file (an element of the `slots` array). */
const slotText = (slot: KeySlot): string => JSON.stringify(slot, null, 2).split('\n').join('\n    ');

describe('changing a password', () => {
  it('rewrites only that user’s slot; every other slot stays byte-for-byte the same', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    const before = office.core.vault.read()!;
    const textBefore = keyFileText(office.core);
    await worker.ok('session.changePassword', { currentPassword: workerPassword, newPassword: 'a brand new passphrase for her' });
    const after = office.core.vault.read()!;
    const textAfter = keyFileText(office.core);
    const workerId = office.users.worker.id;
    expect(after.slots.map((s) => s.id).sort()).toEqual(before.slots.map((s) => s.id).sort());
    for (const slot of before.slots.filter((s) => s.id !== workerId)) {
      expect(textBefore.includes(slotText(slot))).toBe(true);
      expect(textAfter.includes(slotText(slot)), `slot ${slot.username ?? slot.id}`).toBe(true);
    }
    const oldSlot = before.slots.find((s) => s.id === workerId)!;
    const newSlot = after.slots.find((s) => s.id === workerId)!;
    expect(newSlot.kdf.salt).not.toBe(oldSlot.kdf.salt);
    expect(newSlot.privateKey).not.toEqual(oldSlot.privateKey);
    expect(after.office).toEqual(before.office);
  });

  it('the old password stops working and the new one works', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    const newPassword = 'a brand new passphrase for her';
    await worker.ok('session.changePassword', { currentPassword: workerPassword, newPassword });
    await expectCode(office.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_FAILED');
    await office.client().ok('session.login', { username: 'wanjiru', password: newPassword });
    await expectCode(worker.call('session.lock', {}).then(() => worker.call('session.unlock', { password: workerPassword })), 'PASSWORD_INCORRECT');
    await worker.ok('session.unlock', { password: newPassword });
  });

  it('a wrong current password is refused with PASSWORD_INCORRECT and the key slots are untouched', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    const before = office.core.vault.read()!.slots;
    await expectCode(worker.call('session.changePassword', { currentPassword: 'not my password at all', newPassword: 'a brand new passphrase' }), 'PASSWORD_INCORRECT');
    expect(office.core.vault.read()!.slots).toEqual(before);
  });
});

describe('password policy', () => {
  const weak = [
    ['shorter than 12 characters', 'Tr0ub4dor&3'],
    ['a common password', 'passwordpassword'],
    ['a common password with digits', 'qwertyuiop123'],
    ['a common password, spaced out', 'Pass Word 123!'],
    ['too repetitive', 'aaaaaaaaaaaaaaaaaaaa'],
    ['containing the username', 'wanjiru-is-my-password'],
  ] as const;

  it.each(weak)('a password %s is refused with PASSWORD_WEAK', async (_label, password) => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    const before = keyFileText(office.core);
    const error = await expectCode(worker.call('session.changePassword', { currentPassword: workerPassword, newPassword: password }), 'PASSWORD_WEAK');
    expect(String(error.params?.problems)).not.toBe('');
    expect(keyFileText(office.core)).toBe(before);
  });

  it('the policy applies to new users, to the first administrator and to recovery resets', async () => {
    const office = track(await setUpStaffedOffice());
    await expectCode(office.admin.call('admin.createUser', { username: 'newbie', displayName: 'New Bie', role: 'caseworker', password: 'password1' }), 'PASSWORD_WEAK');
    await expectCode(
      office.client().call('session.resetWithRecoveryKey', { recoveryKey: office.recoveryKey, username: 'wanjiru', newPassword: 'letmein123' }),
      'PASSWORD_WEAK',
    );
    const freshDir = tempDir();
    const fresh = openCore(freshDir);
    const clients = clientsFor(fresh);
    try {
      await expectCode(
        clients.client().call('session.setupOffice', {
          office: { name: 'Weak Office', code: 'WKO', country: 'UG', defaultLanguage: 'en' },
          admin: { username: 'boss', displayName: 'Boss', password: 'administrator' },
        }),
        'PASSWORD_WEAK',
      );
      expect(fresh.vault.read()).toBeNull();
    } finally {
      clients.closeAll();
      fresh.close();
      fs.rmSync(freshDir, { recursive: true, force: true });
    }
  });

  it('a passphrase of ordinary words is accepted', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('session.changePassword', { currentPassword: workerPassword, newPassword: 'mango tree by the river' });
    await office.client().ok('session.login', { username: 'wanjiru', password: 'mango tree by the river' });
  });
});

describe('resetting a password with the recovery key', () => {
  const newPassword = 'recovered passphrase of seven words';

  it('from the login screen, with no one logged in: the new password works, the old one does not, and the database closes again', async () => {
    const office = track(await setUpStaffedOffice());
    await office.admin.ok('session.logout', {});
    expect(office.core.store.isOpen).toBe(false);
    await office.client().ok('session.resetWithRecoveryKey', { recoveryKey: office.recoveryKey, username: 'wanjiru', newPassword });
    expect(office.core.store.isOpen).toBe(false);
    await expectCode(office.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_FAILED');
    await office.client().ok('session.login', { username: 'wanjiru', password: newPassword });
  });

  it('accepts the key typed in lowercase with spaces instead of dashes', async () => {
    const office = track(await setUpStaffedOffice());
    const typed = `  ${office.recoveryKey.toLowerCase().replace(/-/g, ' ')} `;
    await office.client().ok('session.resetWithRecoveryKey', { recoveryKey: typed, username: 'wanjiru', newPassword });
    await office.client().ok('session.login', { username: 'wanjiru', password: newPassword });
  });

  it('a mistyped, random or other office’s recovery key is refused with RECOVERY_KEY_INVALID and changes nothing', async () => {
    const office = track(await setUpStaffedOffice());
    const other = track(await setUpOffice());
    const key = office.recoveryKey;
    const swapped = key[0] === '7' ? `8${key.slice(1)}` : `7${key.slice(1)}`;
    const before = keyFileText(office.core);
    for (const recoveryKey of [swapped, key.slice(0, -4), 'ABCD-EFGH-JKMN', '', other.recoveryKey]) {
      await expectCode(office.client().call('session.resetWithRecoveryKey', { recoveryKey, username: 'wanjiru', newPassword }), 'RECOVERY_KEY_INVALID');
    }
    expect(keyFileText(office.core)).toBe(before);
    await office.client().ok('session.login', { username: 'wanjiru', password: workerPassword });
  });

  it('a reset also lifts a lockout', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    for (let i = 0; i < 5; i++) await office.client().call('session.login', { username: 'wanjiru', password: 'not the password at all' });
    await office.client().ok('session.resetWithRecoveryKey', { recoveryKey: office.recoveryKey, username: 'wanjiru', newPassword });
    await office.client().ok('session.login', { username: 'wanjiru', password: newPassword });
  });

  it('an administrator can reset a user’s password with the recovery key', async () => {
    const office = track(await setUpStaffedOffice());
    await office.admin.ok('admin.resetPassword', { id: office.users.worker.id, recoveryKey: office.recoveryKey, newPassword });
    await office.client().ok('session.login', { username: 'wanjiru', password: newPassword });
    await expectCode(office.admin.call('admin.resetPassword', { id: office.users.worker.id, recoveryKey: 'ABCD-EFGH', newPassword }), 'RECOVERY_KEY_INVALID');
    await expectCode(office.admin.call('admin.resetPassword', { id: 'no-such-user', recoveryKey: office.recoveryKey, newPassword }), 'NOT_FOUND');
  });
});

