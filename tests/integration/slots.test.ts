// The key-slot file agrees with the users in the database after a crash at any point: stale slots
// are dropped on open and never shadow a real one, users without a slot are flagged for a reset,
// an unopenable database says DB_UNREADABLE (not LOGIN_FAILED, no lockout), and the data folder's
// files are owner-only. (Real crashes at every fault point: crash-points.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminPassword, cleanUpAfterEach, clientsFor, currentDataKey, openCore, setUpOffice, setUpStaffedOffice, tempDir, workerPassword } from '../fixtures/core';
import { expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();

describe('slots and users agree', () => {
  it('a slot whose user never committed (a crash before the commit) is dropped on the next open and never shadows the real user', async () => {
    const office = track(await setUpStaffedOffice());
    // The crash: the slot for a new "juma" was written, the row never committed.
    await office.core.vault.setUserSlot('ghost-id', 'juma', 'the password before the crash', currentDataKey(office.core));
    office.shutdown();
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      const admin = await clients.login('admin', adminPassword);
      expect(restarted.vault.read()!.slots.some((s) => s.id === 'ghost-id')).toBe(false);
      await admin.ok('admin.createUser', { username: 'juma', displayName: 'Juma Worker', role: 'caseworker', password: 'the real password now' });
      await expectCode(clients.client().call('session.login', { username: 'juma', password: 'the password before the crash' }), 'LOGIN_FAILED');
      await clients.login('juma', 'the real password now');
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('a stale slot under an existing username is replaced by a reset, not left to shadow it', async () => {
    const office = track(await setUpStaffedOffice());
    // Added beside the real one while the database is open (so no reconcile runs before the reset).
    const stale = await office.core.vault.userSlot('stale-id', 'sara', 'an old stale password', currentDataKey(office.core));
    office.core.vault.update((c) => {
      c.slots.unshift(stale);
    });
    await office.admin.ok('admin.resetPassword', { id: office.users.supervisor.id, recoveryKey: office.recoveryKey, newPassword: 'supervisor after the reset' });
    const slots = office.core.vault.read()!.slots.filter((s) => s.username === 'sara');
    expect(slots.map((s) => s.id)).toEqual([office.users.supervisor.id]);
    await expectCode(office.client().call('session.login', { username: 'sara', password: 'an old stale password' }), 'LOGIN_FAILED');
    await office.login('sara', 'supervisor after the reset');
  });

  it('a removed user whose slot survived (a crash after the commit) loses it on the next open', async () => {
    const office = track(await setUpStaffedOffice());
    const before = office.core.vault.read()!;
    await office.admin.ok('admin.removeUser', { id: office.users.worker.id });
    // The crash: put the slot back as if removeUserSlot never ran.
    office.core.vault.update((c) => {
      c.slots = before.slots;
    });
    office.shutdown();
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      await clients.login('admin', adminPassword);
      expect(restarted.vault.read()!.slots.some((s) => s.id === office.users.worker.id)).toBe(false);
      await expectCode(clients.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_FAILED');
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('an active user without a slot is flagged for a reset, and the reset lets them in again', async () => {
    const office = track(await setUpStaffedOffice());
    office.core.vault.removeUserSlot(office.users.worker.id);
    const users = await office.admin.ok('admin.listUsers', {});
    expect(users.find((u) => u.username === 'wanjiru')?.needsPasswordReset).toBe(true);
    expect(users.filter((u) => u.needsPasswordReset)).toHaveLength(1);
    await office.admin.ok('admin.resetPassword', { id: office.users.worker.id, recoveryKey: office.recoveryKey, newPassword: 'the worker is back again' });
    expect((await office.admin.ok('admin.listUsers', {})).some((u) => u.needsPasswordReset)).toBe(false);
    await office.login('wanjiru', 'the worker is back again');
  });
});

describe('a database that cannot be opened', () => {
  it('answers DB_UNREADABLE to a correct password when the file is damaged, and does not count towards the lockout', async () => {
    const office = track(await setUpStaffedOffice());
    office.shutdown();
    const { dbFile } = office.core.paths;
    const fd = fs.openSync(dbFile, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x41), 0, 4096, 0);
    fs.closeSync(fd);
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      for (let i = 0; i < 6; i += 1) {
        await expectCode(clients.client().call('session.login', { username: 'admin', password: adminPassword }), 'DB_UNREADABLE');
      }
      expect(restarted.vault.read()!.lockouts.admin).toBeUndefined();
      // A wrong password is still a failed login.
      await expectCode(clients.client().call('session.login', { username: 'admin', password: 'not the password at all' }), 'LOGIN_FAILED');
      await expectCode(
        clients.client().call('session.resetWithRecoveryKey', { recoveryKey: office.recoveryKey, username: 'admin', newPassword: 'a new admin password' }),
        'DB_UNREADABLE',
      );
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('answers DB_UNREADABLE when the file is another office’s database (no slot key opens it) or is missing', async () => {
    const office = track(await setUpOffice());
    const other = track(await setUpOffice());
    office.shutdown();
    other.shutdown();
    fs.copyFileSync(other.core.paths.dbFile, office.core.paths.dbFile);
    const restarted = openCore(office.dir);
    try {
      const clients = clientsFor(restarted);
      await expectCode(clients.client().call('session.login', { username: 'admin', password: adminPassword }), 'DB_UNREADABLE');
      fs.rmSync(office.core.paths.dbFile);
      await expectCode(clients.client().call('session.login', { username: 'admin', password: adminPassword }), 'DB_UNREADABLE');
      clients.closeAll();
    } finally {
      restarted.close();
    }
  });

  it('answers DB_UNREADABLE when the key-slot file is damaged', async () => {
    const office = track(await setUpOffice());
    office.shutdown();
    fs.writeFileSync(office.core.paths.keyFile, '{"format": "homeward-keyslots", "slots": [');
    const restarted = openCore(office.dir);
    try {
      const clients = clientsFor(restarted);
      await expectCode(clients.client().call('session.login', { username: 'admin', password: adminPassword }), 'DB_UNREADABLE');
      clients.closeAll();
    } finally {
      restarted.close();
    }
  });
});

describe('file permissions', () => {
  const mode = (file: string) => fs.statSync(file).mode & 0o777;

  it('the data folder is 0700 and the database, its -wal and -shm and the slot file 0600, even when the folder pre-existed as 0755', async () => {
    if (process.platform === 'win32') return;
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const office = track(await setUpOffice({ dataDir: dir }));
    const admin = await office.login('admin', adminPassword);
    await admin.ok('admin.listUsers', {});
    const { dbFile, keyFile } = office.core.paths;
    expect(mode(dir)).toBe(0o700);
    for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, keyFile]) {
      expect(fs.existsSync(file), file).toBe(true);
      expect(mode(file), path.basename(file)).toBe(0o600);
    }
    // Loosened from outside (an old version, a copy): tightened again on the next open.
    office.shutdown();
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(dbFile, 0o644);
    fs.chmodSync(keyFile, 0o644);
    const restarted = openCore(dir);
    const clients = clientsFor(restarted);
    try {
      await clients.login('admin', adminPassword);
      expect(mode(dir)).toBe(0o700);
      for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, keyFile]) expect(mode(file), path.basename(file)).toBe(0o600);
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });
});
