// Sessions on a shared office PC: lock, auto-lock after idle, logout, switch user, and sessions that
// end because an administrator changed the account.
import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { sampleInput, unlockedOnlyChannels } from '../fixtures/channels';
import {
  adminPassword,
  cleanUpAfterEach,
  minutes,
  seconds,
  setUpStaffedOffice,
  supervisorPassword,
  testClock,
  workerPassword,
  type TestOffice,
} from '../fixtures/core';
import { codeOf, expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();

async function auditActions(office: TestOffice, action: string) {
  const admin = await office.login('admin', adminPassword);
  return (await admin.ok('audit.list', { action, limit: 500 })).entries;
}

describe('locking', () => {
  it('a locked session reaches nothing but the lock screen: every other channel answers SESSION_LOCKED', async () => {
    const office = track(await setUpStaffedOffice());
    for (const [username, password] of [['admin', adminPassword], ['wanjiru', workerPassword]] as const) {
      const client = await office.login(username, password);
      await client.ok('session.lock', {});
      for (const name of unlockedOnlyChannels) {
        expect(`${username} ${name}: ${await codeOf(client.call(name, sampleInput(name) as never))}`).toBe(`${username} ${name}: SESSION_LOCKED`);
      }
    }
  });

  it('while locked, the status shows only that the session is locked, and unlocking brings everything back', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('session.lock', {});
    const status = await worker.ok('session.status', {});
    expect(status.session?.locked).toBe(true);
    const unlocked = await worker.ok('session.unlock', { password: workerPassword });
    expect(unlocked.locked).toBe(false);
    await worker.ok('session.heartbeat', {});
  });

  it('lock and unlock are audited', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('session.lock', {});
    await worker.ok('session.lock', {}); // locking twice records one lock
    await worker.ok('session.unlock', { password: workerPassword });
    const locks = await auditActions(office, 'session.lock');
    const unlocks = await auditActions(office, 'session.unlock');
    expect(locks.filter((e) => e.username === 'wanjiru')).toHaveLength(1);
    expect(unlocks.filter((e) => e.username === 'wanjiru')).toHaveLength(1);
  });

  it('the lock screen channels stay usable while locked', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('session.lock', {});
    const lockScreen = Object.entries(channels).filter(([, def]) => def.access === 'sessionOrLocked').map(([name]) => name);
    expect(lockScreen).toEqual(expect.arrayContaining(['session.unlock', 'session.lock', 'session.logout', 'session.switchUser']));
    await worker.ok('session.lock', {});
    await worker.ok('session.switchUser', {});
  });

  it('locking every session at once (the OS suspends) locks and audits each of them', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await office.core.lockAll();
    await expectCode(worker.call('session.heartbeat', {}), 'SESSION_LOCKED');
    await expectCode(office.admin.call('admin.listUsers', {}), 'SESSION_LOCKED');
    await office.admin.ok('session.unlock', { password: adminPassword });
    const systemLocks = (await office.admin.ok('audit.list', { action: 'session.lock' })).entries.filter((e) => e.details?.reason === 'system');
    expect(systemLocks.map((e) => e.username).sort()).toEqual(['admin', 'wanjiru']);
  });
});

describe('auto-lock after idle', () => {
  it('locks after the office default of 5 idle minutes, not before, and audits session.autoLock', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    const worker = await office.login('wanjiru', workerPassword);
    expect((await worker.ok('session.status', {})).session?.autoLockMinutes).toBe(5);
    clock.advance(minutes(5));
    await worker.ok('session.heartbeat', {}); // exactly 5 minutes idle: still open, and it counts as activity
    clock.advance(minutes(5) + seconds(1));
    await expectCode(worker.call('session.heartbeat', {}), 'SESSION_LOCKED');
    expect((await worker.ok('session.status', {})).session?.locked).toBe(true);
    await worker.ok('session.unlock', { password: workerPassword });
    const autoLocks = (await auditActions(office, 'session.autoLock')).filter((e) => e.username === 'wanjiru');
    expect(autoLocks).toHaveLength(1);
    expect(autoLocks[0].details).toEqual({ idleSeconds: 301 });
  });

  it('follows the office setting', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    await office.admin.ok('admin.updateSettings', { autoLockMinutes: 1 });
    const worker = await office.login('wanjiru', workerPassword);
    expect((await worker.ok('session.heartbeat', {})).lockAt).toBe(new Date(clock.now().getTime() + minutes(1)).toISOString());
    clock.advance(seconds(61));
    await expectCode(worker.call('session.heartbeat', {}), 'SESSION_LOCKED');
  });

  it('status polls do not count as activity, so they cannot keep an idle session open', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    const worker = await office.login('wanjiru', workerPassword);
    for (let i = 0; i < 6; i++) {
      clock.advance(minutes(1));
      await worker.ok('session.status', {});
    }
    await expectCode(worker.call('session.heartbeat', {}), 'SESSION_LOCKED');
  });

  it('a refused call does not count as activity either', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    const worker = await office.login('wanjiru', workerPassword);
    clock.advance(minutes(4));
    await expectCode(worker.call('admin.listUsers', {}), 'FORBIDDEN');
    clock.advance(minutes(2));
    await expectCode(worker.call('session.heartbeat', {}), 'SESSION_LOCKED');
  });
});

describe('logging out', () => {
  it('the last logout closes the database and zeroes the data key in memory', async () => {
    const office = track(await setUpStaffedOffice());
    const liveKey = office.core.store.get().dataKey;
    expect(liveKey.some((b) => b !== 0)).toBe(true);
    await office.admin.ok('session.logout', {});
    expect(office.core.store.isOpen).toBe(false);
    expect(liveKey.every((b) => b === 0)).toBe(true);
    await expectCode(office.admin.call('session.heartbeat', {}), 'NOT_AUTHENTICATED');
    const status = await office.admin.ok('session.status', {});
    expect(status.session).toBeNull();
    expect(status.office?.code).toBe('GUL');
  });

  it('the database stays open while someone else is still logged in', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await office.admin.ok('session.logout', {});
    expect(office.core.store.isOpen).toBe(true);
    await worker.ok('session.heartbeat', {});
    await worker.ok('session.logout', {});
    expect(office.core.store.isOpen).toBe(false);
  });

  it('a locked session can log out', async () => {
    const office = track(await setUpStaffedOffice());
    await office.admin.ok('session.lock', {});
    await office.admin.ok('session.logout', {});
    expect(office.core.store.isOpen).toBe(false);
  });

  it('closing the app closes the database and zeroes the key', async () => {
    const office = track(await setUpStaffedOffice());
    const liveKey = office.core.store.get().dataKey;
    office.core.close();
    expect(office.core.store.isOpen).toBe(false);
    expect(liveKey.every((b) => b === 0)).toBe(true);
  });

  it('logouts are audited', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('session.logout', {});
    expect((await auditActions(office, 'session.logout')).map((e) => e.username)).toContain('wanjiru');
  });
});

describe('switching user on the shared PC', () => {
  it('ends the current session, and the next person logs in on the same window', async () => {
    const office = track(await setUpStaffedOffice());
    await office.admin.ok('session.logout', {});
    const window = await office.login('wanjiru', workerPassword);
    await window.ok('session.lock', {});
    await window.ok('session.switchUser', {});
    expect((await window.ok('session.status', {})).session).toBeNull();
    expect(office.core.store.isOpen).toBe(false);
    await expectCode(window.call('session.unlock', { password: workerPassword }), 'NOT_AUTHENTICATED');
    const info = await window.ok('session.login', { username: 'sara', password: supervisorPassword });
    expect(info.role).toBe('supervisor');
    expect((await window.ok('audit.list', { action: 'session.switchUser' })).entries.map((e) => e.username)).toEqual(['wanjiru']);
  });
});

describe('an administrator changing an account with a live session', () => {
  it('a deactivated user’s live session ends at once and they cannot log in until reactivated', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await office.admin.ok('admin.updateUser', { id: office.users.worker.id, active: false });
    await expectCode(worker.call('session.heartbeat', {}), 'NOT_AUTHENTICATED');
    await expectCode(office.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_FAILED');
    await office.admin.ok('admin.updateUser', { id: office.users.worker.id, active: true });
    await office.client().ok('session.login', { username: 'wanjiru', password: workerPassword });
  });

  it('a user whose role changes must log in again, and then has the new role', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await office.admin.ok('admin.updateUser', { id: office.users.worker.id, role: 'supervisor' });
    await expectCode(worker.call('session.heartbeat', {}), 'NOT_AUTHENTICATED');
    expect((await worker.ok('session.login', { username: 'wanjiru', password: workerPassword })).role).toBe('supervisor');
  });

  it('renaming a user does not end their session', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await office.admin.ok('admin.updateUser', { id: office.users.worker.id, displayName: 'Wanjiru W. Kamau' });
    expect(await codeOf(worker.call('session.heartbeat', {}))).toBe('ok');
  });

  it('an administrator correcting their own display name stays logged in', async () => {
    const office = track(await setUpStaffedOffice());
    const adminId = (await office.admin.ok('session.status', {})).session!.userId;
    await office.admin.ok('admin.updateUser', { id: adminId, displayName: 'Amina A. Admin' });
    expect(await codeOf(office.admin.call('admin.listUsers', {}))).toBe('ok');
  });

  it('when an account change ends the last live session, the database closes and the key is zeroed', async () => {
    const office = track(await setUpStaffedOffice());
    await office.admin.ok('admin.createUser', { username: 'second.admin', displayName: 'Second Admin', role: 'admin', password: 'second admin passphrase' });
    const adminId = (await office.admin.ok('session.status', {})).session!.userId;
    const liveKey = office.core.store.get().dataKey;
    // The only person logged in deactivates their own account (another administrator remains).
    await office.admin.ok('admin.updateUser', { id: adminId, active: false });
    await expectCode(office.admin.call('session.heartbeat', {}), 'NOT_AUTHENTICATED');
    expect(office.core.store.isOpen).toBe(false);
    expect(liveKey.every((b) => b === 0)).toBe(true);
  });
});
