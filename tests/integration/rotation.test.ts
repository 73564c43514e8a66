// Rotating the data key (also when interrupted by a crash), removing users and their slots, and
// keeping at least one administrator.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copyUnderNewKey } from '../../electron/core/db/copy';
import { openRaw } from '../../electron/core/db/open';
import { keyholderFile, rotationFile } from '../../electron/core/vault/files';
import { AppError } from '../../shared/contract/errors';
import {
  adminPassword,
  cleanUpAfterEach,
  clientsFor,
  currentDataKey,
  openCore,
  setUpStaffedOffice,
  staffLogins as staff,
  workerPassword,
  type TestOffice,
} from '../fixtures/core';
import { codeOf, expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();

const openWithKey = (file: string, key: Buffer): string => {
  try {
    openRaw({ file, key }).close();
    return 'opened';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

/** Steps 1–3 of a rotation (stage, copy, rename), then the process "dies" before promoting. */
async function swapWithoutPromoting(office: TestOffice, nextKey: Buffer): Promise<void> {
  const { dbFile } = office.core.paths;
  office.core.vault.stageNextKey(nextKey);
  office.core.store.checkpoint();
  const oldKey = currentDataKey(office.core);
  await copyUnderNewKey({ source: dbFile, target: rotationFile(dbFile), keyholder: keyholderFile(dbFile), oldKey, newKey: nextKey, expectedBytes: 1 });
  office.shutdown();
  fs.renameSync(rotationFile(dbFile), dbFile);
}

describe('rotating the data key', () => {
  it('the old key no longer opens the file, every user and the recovery key still unlock it, and the audit chain holds', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    const oldKey = currentDataKey(office.core);
    const before = office.core.vault.read()!;
    const result = await office.admin.ok('admin.rotateDataKey', {});
    expect(result.slots).toBe(before.slots.length);
    const newKey = currentDataKey(office.core);
    expect(newKey.equals(oldKey)).toBe(false);
    // Sessions carry on through a rotation.
    await worker.ok('session.heartbeat', {});
    const after = office.core.vault.read()!;
    for (const slot of after.slots) {
      const old = before.slots.find((s) => s.id === slot.id)!;
      expect(slot.nextDataKey).toBeUndefined();
      expect(slot.dataKey).not.toEqual(old.dataKey);
      // Re-wrapped without anyone's password: the password-protected part is untouched.
      expect(slot.privateKey).toEqual(old.privateKey);
      expect(slot.kdf).toEqual(old.kdf);
    }
    office.shutdown();
    expect(openWithKey(office.core.paths.dbFile, oldKey)).toBe('DB_KEY_INVALID');
    expect(openWithKey(office.core.paths.dbFile, newKey)).toBe('opened');

    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      for (const [username, password] of staff) await clients.login(username, password);
      await clients.client().ok('session.resetWithRecoveryKey', { recoveryKey: office.recoveryKey, username: 'omar', newPassword: 'new words after the rotation' });
      const admin = await clients.login('admin', adminPassword);
      expect(await admin.ok('audit.verify', {})).toMatchObject({ intact: true, problem: null });
      const entries = await admin.ok('audit.list', { action: 'vault.rotateDataKey' });
      expect(entries.entries).toHaveLength(1);
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('a rotation interrupted after the swap but before the slots were promoted still lets everyone in, and finishes on the next login', async () => {
    const office = track(await setUpStaffedOffice());
    const oldKey = currentDataKey(office.core);
    const nextKey = crypto.randomBytes(32);
    await swapWithoutPromoting(office, nextKey); // the crash: promoteNextKey never ran
    expect(office.core.vault.read()!.slots.every((s) => s.nextDataKey)).toBe(true);

    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      await clients.login('wanjiru', workerPassword);
      expect(currentDataKey(restarted).equals(nextKey)).toBe(true);
      expect(restarted.vault.read()!.slots.some((s) => s.nextDataKey)).toBe(false);
      for (const [username, password] of staff) await clients.login(username, password);
    } finally {
      clients.closeAll();
      restarted.close();
    }
    expect(openWithKey(office.core.paths.dbFile, oldKey)).toBe('DB_KEY_INVALID');
    expect(openWithKey(office.core.paths.dbFile, nextKey)).toBe('opened');
  });

  it('a rotation interrupted before the rekey is abandoned cleanly: the old key stays and the staged one is discarded', async () => {
    const office = track(await setUpStaffedOffice());
    const oldKey = currentDataKey(office.core);
    office.core.vault.stageNextKey(crypto.randomBytes(32));
    office.shutdown();

    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      for (const [username, password] of staff) await clients.login(username, password);
      expect(currentDataKey(restarted).equals(oldKey)).toBe(true);
      expect(restarted.vault.read()!.slots.some((s) => s.nextDataKey)).toBe(false);
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('the recovery key alone can finish an interrupted rotation', async () => {
    const office = track(await setUpStaffedOffice());
    const nextKey = crypto.randomBytes(32);
    await swapWithoutPromoting(office, nextKey);
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      await clients.client().ok('session.resetWithRecoveryKey', { recoveryKey: office.recoveryKey, username: 'wanjiru', newPassword: 'recovered after a crash' });
      expect(restarted.vault.read()!.slots.some((s) => s.nextDataKey)).toBe(false);
      for (const [username, password] of staff.filter(([u]) => u !== 'wanjiru')) await clients.login(username, password);
      await clients.login('wanjiru', 'recovered after a crash');
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });
});

describe('removing users and keeping an administrator', () => {
  it('a removed user cannot log in, loses their live session and their key slot', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    const removed = await office.admin.ok('admin.removeUser', { id: office.users.worker.id });
    // She had logged in, so she may have kept the data key: rotation is advised.
    expect(removed).toEqual({ removed: true, rekeyRecommended: true });
    expect(office.core.vault.read()!.slots.some((s) => s.id === office.users.worker.id)).toBe(false);
    expect(office.core.vault.findUserSlot('wanjiru')).toBeNull();
    await expectCode(worker.call('session.heartbeat', {}), 'NOT_AUTHENTICATED');
    await expectCode(office.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_FAILED');
    expect((await office.admin.ok('admin.listUsers', {})).map((u) => u.username)).not.toContain('wanjiru');
    await expectCode(
      office.admin.call('admin.createUser', { username: 'wanjiru', displayName: 'Someone Else', role: 'caseworker', password: 'another long passphrase' }),
      'USERNAME_TAKEN',
    );
  });

  it('removing a user who never logged in does not call for a rotation', async () => {
    const office = track(await setUpStaffedOffice());
    expect(await office.admin.ok('admin.removeUser', { id: office.users.otherWorker.id })).toEqual({ removed: true, rekeyRecommended: false });
  });

  it('the only administrator cannot demote or deactivate themselves (LAST_ADMIN) nor remove their own account', async () => {
    const office = track(await setUpStaffedOffice());
    const adminId = (await office.admin.ok('session.status', {})).session!.userId;
    await expectCode(office.admin.call('admin.updateUser', { id: adminId, role: 'supervisor' }), 'LAST_ADMIN');
    await expectCode(office.admin.call('admin.updateUser', { id: adminId, active: false }), 'LAST_ADMIN');
    expect(['LAST_ADMIN', 'CONFLICT']).toContain(await codeOf(office.admin.call('admin.removeUser', { id: adminId })));
    const users = await office.admin.ok('admin.listUsers', {});
    expect(users.find((u) => u.id === adminId)).toMatchObject({ role: 'admin', active: true });
  });

  it('with two administrators one may be demoted, after which the other is the last', async () => {
    const office = track(await setUpStaffedOffice());
    const second = await office.admin.ok('admin.createUser', { username: 'second.admin', displayName: 'Second Admin', role: 'admin', password: 'second admin passphrase' });
    const secondClient = await office.login('second.admin', 'second admin passphrase');
    const adminId = (await office.admin.ok('session.status', {})).session!.userId;
    await secondClient.ok('admin.updateUser', { id: adminId, role: 'supervisor' });
    await expectCode(secondClient.call('admin.updateUser', { id: second.id, role: 'caseworker' }), 'LAST_ADMIN');
  });

  it('a deactivated administrator does not count as the one that must remain', async () => {
    const office = track(await setUpStaffedOffice());
    const second = await office.admin.ok('admin.createUser', { username: 'second.admin', displayName: 'Second Admin', role: 'admin', password: 'second admin passphrase' });
    await office.admin.ok('admin.updateUser', { id: second.id, active: false });
    const adminId = (await office.admin.ok('session.status', {})).session!.userId;
    await expectCode(office.admin.call('admin.updateUser', { id: adminId, role: 'caseworker' }), 'LAST_ADMIN');
  });

  it('a deactivated administrator can be removed while an active administrator remains', async () => {
    const office = track(await setUpStaffedOffice());
    const second = await office.admin.ok('admin.createUser', { username: 'second.admin', displayName: 'Second Admin', role: 'admin', password: 'second admin passphrase' });
    await office.admin.ok('admin.updateUser', { id: second.id, active: false });
    expect(await codeOf(office.admin.call('admin.removeUser', { id: second.id }))).toBe('ok');
  });
});

