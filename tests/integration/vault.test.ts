// Key slots: unlocking with a password, failed-login back-off and lockout, and the real cost of
// the key derivation (the only test that pays it).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultKdf } from '../../electron/core/vault/crypto';
import {
  adminPassword,
  cleanUpAfterEach,
  clientsFor,
  currentDataKey,
  keyFileText,
  openCore,
  seconds,
  setUpOffice,
  setUpStaffedOffice,
  tempDir,
  testClock,
  workerPassword,
  type TestOffice,
} from '../fixtures/core';
import { expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();

describe('unlocking a key slot', () => {
  it('the right password unlocks the database and starts a session', async () => {
    const office = track(await setUpStaffedOffice());
    const client = office.client();
    const info = await client.ok('session.login', { username: 'wanjiru', password: workerPassword });
    expect(info).toMatchObject({ username: 'wanjiru', displayName: 'Wanjiru Worker', role: 'caseworker', locked: false });
    expect(office.core.store.isOpen).toBe(true);
  });

  it('usernames are matched as typed by people: case and surrounding spaces do not matter', async () => {
    const office = track(await setUpStaffedOffice());
    await office.client().ok('session.login', { username: '  Wanjiru ', password: workerPassword });
  });

  it('a wrong password is refused with LOGIN_FAILED, and so is an unknown user, with the same message', async () => {
    const office = track(await setUpStaffedOffice());
    const wrong = await expectCode(office.client().call('session.login', { username: 'wanjiru', password: 'not her password at all' }), 'LOGIN_FAILED');
    const unknown = await expectCode(office.client().call('session.login', { username: 'nobody', password: workerPassword }), 'LOGIN_FAILED');
    expect(unknown.message).toBe(wrong.message);
  });

  it('a wrong password does not open the database when no one is logged in', async () => {
    const office = track(await setUpOffice());
    await expectCode(office.client().call('session.login', { username: 'admin', password: 'wrong password, long enough' }), 'LOGIN_FAILED');
    expect(office.core.store.isOpen).toBe(false);
  });

  it('each slot stores its own KDF parameters and salt; the key-slot file never holds the data key', async () => {
    const office = track(await setUpStaffedOffice());
    const key = currentDataKey(office.core);
    const { slots } = office.core.vault.read()!;
    const userSlots = slots.filter((s) => s.kind === 'user');
    expect(userSlots).toHaveLength(4);
    expect(slots.filter((s) => s.kind === 'recovery')).toHaveLength(1);
    for (const slot of userSlots) expect(slot.kdf).toMatchObject({ alg: 'argon2id', memoryKiB: expect.any(Number), iterations: expect.any(Number) });
    expect(new Set(slots.map((s) => s.kdf.salt)).size).toBe(slots.length);
    const text = keyFileText(office.core);
    for (const form of [key.toString('hex'), key.toString('hex').toUpperCase(), key.toString('base64'), key.toString('base64url')]) {
      expect(text.includes(form)).toBe(false);
    }
    expect(text.includes(adminPassword)).toBe(false);
  });
});

describe('failed-login back-off and lockout', () => {
  const fail = (office: TestOffice, username = 'wanjiru') =>
    office.client().call('session.login', { username, password: 'definitely not the password' });

  it('two failures cost nothing, the third locks the account for 5 s, reported with LOGIN_LOCKED and the seconds left', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    await expectCode(fail(office), 'LOGIN_FAILED');
    await expectCode(fail(office), 'LOGIN_FAILED');
    const locked = await expectCode(fail(office), 'LOGIN_LOCKED');
    expect(locked.params).toEqual({ seconds: 5 });
    clock.advance(seconds(2));
    // Even the right password waits out the lockout.
    const stillLocked = await expectCode(office.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_LOCKED');
    expect(stillLocked.params).toEqual({ seconds: 3 });
    clock.advance(seconds(3));
    await office.client().ok('session.login', { username: 'wanjiru', password: workerPassword });
    expect(office.core.vault.read()!.lockouts.wanjiru).toBeUndefined();
  });

  it('each further failure after a lockout waits longer, up to 15 minutes', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const error = await expectCode(fail(office), i < 2 ? 'LOGIN_FAILED' : 'LOGIN_LOCKED');
      const wait = Number(error.params?.seconds ?? 0);
      waits.push(wait);
      clock.advance(seconds(wait));
    }
    expect(waits).toEqual([0, 0, 5, 15, 60, 120, 240, 480, 900, 900]);
  });

  it('a lockout holds for that user only', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    for (let i = 0; i < 3; i++) await fail(office);
    await expectCode(office.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_LOCKED');
    await office.client().ok('session.login', { username: 'omar', password: workerPassword });
  });

  it('restarting the app does not reset a lockout', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    for (let i = 0; i < 3; i++) await fail(office);
    office.shutdown();
    const restarted = openCore(office.dir, { now: clock.now });
    const clients = clientsFor(restarted);
    try {
      const error = await expectCode(clients.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_LOCKED');
      expect(error.params).toEqual({ seconds: 5 });
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('wrong passwords at the lock screen count towards the same lockout', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('session.lock', {});
    await expectCode(worker.call('session.unlock', { password: 'not the password 1' }), 'PASSWORD_INCORRECT');
    await expectCode(worker.call('session.unlock', { password: 'not the password 2' }), 'PASSWORD_INCORRECT');
    await expectCode(worker.call('session.unlock', { password: 'not the password 3' }), 'LOGIN_LOCKED');
    await expectCode(worker.call('session.unlock', { password: workerPassword }), 'LOGIN_LOCKED');
    clock.advance(seconds(5));
    await worker.ok('session.unlock', { password: workerPassword });
  });
});

describe('the real key-derivation cost', () => {
  it('unlocking with the default Argon2id parameters takes between 0.2 and 1.5 s on this machine', async () => {
    const dir = tempDir();
    const core = openCore(dir, { kdfCost: defaultKdf });
    const clients = clientsFor(core);
    try {
      await clients.client().ok('session.setupOffice', {
        office: { name: 'Timing Office', code: 'TIM', country: 'UG', defaultLanguage: 'en' },
        admin: { username: 'admin', displayName: 'Amina Admin', password: adminPassword },
      });
      // A full login through the core: slot unwrap (one Argon2id derivation) plus opening the
      // database. Wall time is what a person waits; CPU time of this process is the same work
      // without other processes' load (test files run in parallel), so the bounds apply to it.
      const runs: { wall: number; cpu: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const client = clients.client();
        const started = performance.now();
        const cpuBefore = process.cpuUsage();
        await client.ok('session.login', { username: 'admin', password: adminPassword });
        const cpu = process.cpuUsage(cpuBefore);
        runs.push({ wall: (performance.now() - started) / 1000, cpu: (cpu.user + cpu.system) / 1e6 });
        await client.ok('session.logout', {});
      }
      const fastest = Math.min(...runs.map((r) => r.cpu));
      console.log(
        `unlock (Argon2id ${defaultKdf.memoryKiB / 1024} MiB, t=${defaultKdf.iterations}, p=${defaultKdf.parallelism}): ` +
          runs.map((r) => `${r.wall.toFixed(3)} s wall / ${r.cpu.toFixed(3)} s CPU`).join(', ') +
          `; fastest ${fastest.toFixed(3)} s CPU`,
      );
      expect(fastest).toBeGreaterThanOrEqual(0.2);
      expect(fastest).toBeLessThanOrEqual(1.5);
    } finally {
      clients.closeAll();
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
