// The audit log: what is recorded, the hash chain and how it shows tampering, filters and paging.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../electron/core/audit/audit';
import type { AuditEntry } from '../../shared/audit/contract';
import {
  adminPassword,
  cleanUpAfterEach,
  clientsFor,
  openCore,
  openRawWithKey,
  setUpStaffedOffice,
  testClock,
  workerPassword,
  type TestOffice,
} from '../fixtures/core';
import { expectCode } from '../fixtures/results';
import { fullCheck } from '../fixtures/audit';

const track = cleanUpAfterEach();

type Staffed = Awaited<ReturnType<typeof setUpStaffedOffice>>;

async function allEntries(office: Staffed): Promise<AuditEntry[]> {
  return (await office.admin.ok('audit.list', { limit: 500 })).entries;
}

/** An office with some ordinary history: logins, a lock, an unlock, a settings change. */
async function busyOffice(options = {}): Promise<Staffed> {
  const office = track(await setUpStaffedOffice(options));
  const worker = await office.login('wanjiru', workerPassword);
  await worker.ok('session.lock', {});
  await worker.ok('session.unlock', { password: workerPassword });
  await office.admin.ok('admin.updateSettings', { autoLockMinutes: 10 });
  await worker.ok('session.logout', {});
  return office;
}

/** What someone holding the data key could do with the file: drop the guards, then rewrite rows. */
function tamper(office: TestOffice, ...statements: string[]): void {
  const raw = openRawWithKey(office.core);
  try {
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    for (const sql of statements) raw.exec(sql);
  } finally {
    raw.close();
  }
}

describe('what the audit log records', () => {
  it('logins, failed logins, locks, unlocks, user changes, settings, password changes and logouts, with who, when and what', async () => {
    const clock = testClock('2025-03-01T08:00:00.000Z');
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    clock.advance(60_000);
    await expectCode(office.client().call('session.login', { username: 'wanjiru', password: 'not the password at all' }), 'LOGIN_FAILED');
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('session.lock', {});
    await worker.ok('session.unlock', { password: workerPassword });
    await worker.ok('session.changePassword', { currentPassword: workerPassword, newPassword: 'her new passphrase of words' });
    await office.admin.ok('admin.updateUser', { id: office.users.otherWorker.id, displayName: 'Omar O. Worker' });
    await office.admin.ok('admin.removeUser', { id: office.users.otherWorker.id });
    await office.admin.ok('admin.updateSettings', { autoLockMinutes: 15 });
    await office.admin.ok('admin.resetPassword', { id: office.users.supervisor.id, recoveryKey: office.recoveryKey, newPassword: 'reset by the administrator' });
    await worker.ok('session.logout', {});

    const entries = await allEntries(office);
    const find = (action: string, extra: Partial<AuditEntry> = {}) => entries.find((e) => e.action === action && Object.entries(extra).every(([k, v]) => e[k as keyof AuditEntry] === v));
    const workerId = office.users.worker.id;
    const omarId = office.users.otherWorker.id;
    expect(find('office.setup')).toMatchObject({ entityType: 'office', entityId: 'GUL', at: '2025-03-01T08:00:00.000Z' });
    expect(find('session.login', { username: 'admin' })).toBeDefined();
    expect(find('session.loginFailed', { username: 'wanjiru' })).toMatchObject({ details: { reason: 'password' }, at: '2025-03-01T08:01:00.000Z' });
    expect(find('session.login', { username: 'wanjiru' })).toMatchObject({ userId: workerId, entityType: 'user', entityId: workerId });
    expect(find('session.lock', { userId: workerId })).toMatchObject({ entityId: workerId });
    expect(find('session.unlock', { userId: workerId })).toBeDefined();
    expect(find('user.passwordChange', { userId: workerId })).toBeDefined();
    expect(find('user.create', { entityId: workerId })).toMatchObject({ username: 'admin', details: { role: 'caseworker' } });
    expect(find('user.update', { entityId: omarId })).toMatchObject({ username: 'admin', details: { displayName: 'Omar O. Worker' } });
    expect(find('user.remove', { entityId: omarId })).toMatchObject({ username: 'admin', entityType: 'user' });
    expect(find('office.updateSettings')).toMatchObject({ username: 'admin', details: { autoLockMinutes: 15 } });
    expect(find('user.passwordReset', { entityId: office.users.supervisor.id })).toMatchObject({ username: 'admin', details: { method: 'recoveryKey' } });
    expect(find('session.logout', { userId: workerId })).toBeDefined();
    // Nothing secret in the log.
    const text = JSON.stringify(entries);
    for (const secret of [workerPassword, 'her new passphrase of words', 'reset by the administrator', office.recoveryKey]) expect(text.includes(secret)).toBe(false);
  });

  it('failed logins while the database is closed wait in the key-slot file and are written at the next login', async () => {
    const clock = testClock('2025-03-01T08:00:00.000Z');
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    await office.admin.ok('session.logout', {});
    expect(office.core.store.isOpen).toBe(false);
    clock.advance(60_000);
    await expectCode(office.client().call('session.login', { username: 'wanjiru', password: 'a wrong guess here' }), 'LOGIN_FAILED');
    await expectCode(office.client().call('session.login', { username: 'nobody', password: 'another wrong guess' }), 'LOGIN_FAILED');
    expect(office.core.vault.read()!.pendingAudit).toHaveLength(2);
    clock.advance(60_000);
    const admin = await office.login('admin', adminPassword);
    expect(office.core.vault.read()!.pendingAudit).toEqual([]);
    const failed = (await admin.ok('audit.list', { action: 'session.loginFailed' })).entries;
    // A name that is no user's may be a password typed in the wrong field: never stored as typed.
    expect(failed.map((e) => [e.username, e.at, e.details?.reason]).reverse()).toEqual([
      ['wanjiru', '2025-03-01T08:01:00.000Z', 'password'],
      [null, '2025-03-01T08:01:00.000Z', 'unknownUser'],
    ]);
    expect(JSON.stringify(failed)).not.toContain('nobody');
    expect(await admin.ok('audit.verify', {})).toMatchObject({ intact: true });
  });

  it('pending failed logins survive an app restart', async () => {
    const office = track(await setUpStaffedOffice());
    await office.admin.ok('session.logout', {});
    await expectCode(office.client().call('session.login', { username: 'wanjiru', password: 'a wrong guess here' }), 'LOGIN_FAILED');
    office.shutdown();
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      const admin = await clients.login('admin', adminPassword);
      expect((await admin.ok('audit.list', { action: 'session.loginFailed' })).entries.map((e) => e.username)).toEqual(['wanjiru']);
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });
});

describe('the hash chain', () => {
  it('is intact after normal use, covers every entry, and its head is mirrored in the key-slot file', async () => {
    const office = await busyOffice();
    const entries = await allEntries(office);
    const status = await office.admin.ok('audit.verify', {});
    expect(status).toMatchObject({ intact: true, checked: entries.length, brokenAtId: null, problem: null });
    expect(status.schemaRepairs).toBe(0);
    // The full check in its worker thread: the same verdict over the same entries (including
    // those that carry a case's state hash), and the case data matches.
    const full = await fullCheck(office.admin);
    expect(full.result).toEqual({ intact: true, checked: entries.length, brokenAtId: null, problem: null });
    expect(full.records).toMatchObject({ changedCount: 0, changed: [] });
    expect(office.core.vault.read()!.auditHead).toEqual({ id: entries[0].id, hash: entries[0].hash });
  });

  it('the mirrored head is read afresh whenever the key-slot file changes, by the app or from outside', async () => {
    const office = await busyOffice();
    const { vault } = office.core;
    const head = vault.auditHead();
    expect(head).toEqual(vault.read()!.auditHead);
    // Another audited call moves it (the app rewrote the file).
    await office.admin.ok('admin.updateSettings', { autoLockMinutes: 12 });
    const moved = vault.auditHead();
    expect(moved!.id).toBeGreaterThan(head!.id);
    expect(moved).toEqual(vault.read()!.auditHead);
    // Rewritten from outside, in place (same inode, same length): seen at once.
    const file = office.core.paths.keyFile;
    const text = fs.readFileSync(file, 'utf8');
    const other = text.replace(moved!.hash, 'f'.repeat(moved!.hash.length));
    expect(other).not.toBe(text);
    fs.writeFileSync(file, other);
    expect(vault.auditHead()).toEqual({ id: moved!.id, hash: 'f'.repeat(moved!.hash.length) });
    // Put back by replacing the file (a new inode): seen too.
    fs.writeFileSync(`${file}.new`, text);
    fs.renameSync(`${file}.new`, file);
    expect(vault.auditHead()).toEqual(moved);
  });

  it('an edited entry is reported as edited at its id', async () => {
    const office = await busyOffice();
    tamper(office, `UPDATE audit_log SET username = 'someone-else' WHERE id = 4`);
    expect(await office.admin.ok('audit.verify', {})).toMatchObject({ intact: false, brokenAtId: 4, problem: 'edited' });
  });

  it('an edited entry whose own hash was recomputed breaks the link to the next entry', async () => {
    const office = await busyOffice();
    const raw = openRawWithKey(office.core);
    const row = raw.prepare('SELECT * FROM audit_log WHERE id = 4').get() as Parameters<typeof entryHash>[1] & { prev_hash: string; hash: string };
    raw.close();
    const forged = { ...row, username: 'someone-else' };
    const forgedHash = entryHash(row.prev_hash, forged);
    tamper(office, `UPDATE audit_log SET username = 'someone-else', hash = '${forgedHash}' WHERE id = 4`);
    expect(await office.admin.ok('audit.verify', {})).toMatchObject({ intact: false, brokenAtId: 5, problem: 'edited' });
  });

  it('a deleted entry in the middle is reported as deleted where the gap is', async () => {
    const office = await busyOffice();
    tamper(office, 'DELETE FROM audit_log WHERE id = 5');
    expect(await office.admin.ok('audit.verify', {})).toMatchObject({ intact: false, brokenAtId: 6, problem: 'deleted' });
  });

  it('deleting the last entries is reported as truncated, thanks to the head kept in the key-slot file', async () => {
    const office = await busyOffice();
    const lastId = (await allEntries(office))[0].id;
    tamper(office, `DELETE FROM audit_log WHERE id > ${lastId - 2}`);
    expect(await office.admin.ok('audit.verify', {})).toMatchObject({ intact: false, brokenAtId: lastId - 1, problem: 'truncated' });
  });

  it('a truncated log stays reported as truncated when checked again', async () => {
    const office = await busyOffice();
    const lastId = (await allEntries(office))[0].id;
    tamper(office, `DELETE FROM audit_log WHERE id > ${lastId - 2}`);
    expect((await office.admin.ok('audit.verify', {})).intact).toBe(false);
    expect((await office.admin.ok('audit.verify', {})).intact).toBe(false);
  });

  it('a log cut short, with its sequence rewound, and then continued still shows the cut', async () => {
    const office = await busyOffice();
    const lastId = (await allEntries(office))[0].id;
    tamper(office, `DELETE FROM audit_log WHERE id > ${lastId - 2}`, `UPDATE sqlite_sequence SET seq = ${lastId - 2} WHERE name = 'audit_log'`);
    await office.admin.ok('session.lock', {});
    await office.admin.ok('session.unlock', { password: adminPassword });
    expect((await office.admin.ok('audit.verify', {})).intact).toBe(false);
  });

  it('the table refuses UPDATE and DELETE itself, even to a connection holding the key', async () => {
    const office = await busyOffice();
    const raw = openRawWithKey(office.core);
    try {
      expect(() => raw.exec(`UPDATE audit_log SET action = 'x' WHERE id = 2`)).toThrow(/append-only/);
      expect(() => raw.exec('DELETE FROM audit_log WHERE id = 2')).toThrow(/append-only/);
      expect(() => raw.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    } finally {
      raw.close();
    }
    const db = office.core.store.get().db;
    await expect(db.updateTable('audit_log').set({ action: 'x' }).where('id', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('id', '=', 1).execute()).rejects.toThrow(/append-only/);
    expect(await office.admin.ok('audit.verify', {})).toMatchObject({ intact: true });
  });
});

describe('listing the audit log', () => {
  /** Three days of history: set-up on day 1, the worker's session on day 2, settings on day 3. */
  async function historyOffice() {
    const clock = testClock('2025-03-01T08:00:00.000Z');
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    clock.set('2025-03-02T09:00:00.000Z');
    const worker = await office.login('wanjiru', workerPassword);
    clock.set('2025-03-02T09:30:00.000Z');
    await worker.ok('session.lock', {});
    clock.set('2025-03-02T10:00:00.000Z');
    await worker.ok('session.unlock', { password: workerPassword });
    clock.set('2025-03-03T07:00:00.000Z');
    const admin = await office.login('admin', adminPassword);
    await admin.ok('admin.updateSettings', { autoLockMinutes: 20 });
    return { office, admin };
  }

  it('filters by user', async () => {
    const { office, admin } = await historyOffice();
    const entries = (await admin.ok('audit.list', { userId: office.users.worker.id })).entries;
    // Day 1 ends with the worker's first sign-in, where she replaced the password she was given.
    expect(entries.map((e) => e.action)).toEqual(['session.unlock', 'session.lock', 'session.login', 'session.logout', 'user.passwordChange', 'session.login']);
    expect(entries.every((e) => e.userId === office.users.worker.id)).toBe(true);
  });

  it('filters by action prefix', async () => {
    const { admin } = await historyOffice();
    const session = (await admin.ok('audit.list', { action: 'session.' })).entries;
    expect(session.length).toBeGreaterThan(0);
    expect(session.every((e) => e.action.startsWith('session.'))).toBe(true);
    const creates = (await admin.ok('audit.list', { action: 'user.create' })).entries;
    expect(creates).toHaveLength(4);
  });

  it('filters by entity', async () => {
    const { office, admin } = await historyOffice();
    const entries = (await admin.ok('audit.list', { entityType: 'user', entityId: office.users.worker.id })).entries;
    expect(entries.map((e) => e.action)).toEqual([
      'session.unlock', 'session.lock', 'session.login', 'session.logout', 'user.passwordChange', 'session.login', 'user.create',
    ]);
    const officeEntries = (await admin.ok('audit.list', { entityType: 'office' })).entries;
    expect(officeEntries.map((e) => e.action).sort()).toEqual(['office.setup', 'office.updateSettings']);
  });

  it('filters by date, whole days inclusive', async () => {
    const { admin } = await historyOffice();
    const day2 = (await admin.ok('audit.list', { from: '2025-03-02', to: '2025-03-02' })).entries;
    expect(day2.map((e) => e.action)).toEqual(['session.unlock', 'session.lock', 'session.login']);
    const fromDay3 = (await admin.ok('audit.list', { from: '2025-03-03' })).entries;
    expect(fromDay3.map((e) => e.action)).toEqual(['office.updateSettings', 'session.login']);
    const toDay1 = (await admin.ok('audit.list', { to: '2025-03-01' })).entries;
    expect(toDay1.every((e) => e.at.startsWith('2025-03-01'))).toBe(true);
    expect(toDay1.length).toBeGreaterThan(0);
  });

  it('filters by time of day in UTC', async () => {
    const { admin } = await historyOffice();
    const entries = (await admin.ok('audit.list', { from: '2025-03-02T09:15:00Z', to: '2025-03-02T09:45:00Z' })).entries;
    expect(entries.map((e) => e.action)).toEqual(['session.lock']);
  });

  it('a time with a UTC offset means the same instant', async () => {
    const { admin } = await historyOffice();
    // 12:15+03:00 is 09:15Z and 12:45+03:00 is 09:45Z: only the lock at 09:30Z lies between.
    const entries = (await admin.ok('audit.list', { from: '2025-03-02T12:15:00+03:00', to: '2025-03-02T12:45:00+03:00' })).entries;
    expect(entries.map((e) => e.action)).toEqual(['session.lock']);
  });

  it('pages newest first with nextBeforeId until the end, without gaps or repeats', async () => {
    const { admin } = await historyOffice();
    const all = (await admin.ok('audit.list', { limit: 500 })).entries;
    expect(all.length).toBeGreaterThan(7);
    const paged: AuditEntry[] = [];
    let beforeId: number | undefined;
    for (let page = 0; page < 20; page++) {
      const result = await admin.ok('audit.list', { limit: 3, ...(beforeId ? { beforeId } : {}) });
      expect(result.entries.length).toBeLessThanOrEqual(3);
      paged.push(...result.entries);
      if (result.nextBeforeId === null) break;
      expect(result.nextBeforeId).toBe(result.entries[result.entries.length - 1].id);
      beforeId = result.nextBeforeId;
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('an exact page size ends with nextBeforeId null', async () => {
    const { admin } = await historyOffice();
    const all = (await admin.ok('audit.list', { limit: 500 })).entries;
    const exact = await admin.ok('audit.list', { limit: all.length });
    expect(exact.nextBeforeId).toBeNull();
    const oneShort = await admin.ok('audit.list', { limit: all.length - 1 });
    expect(oneShort.nextBeforeId).toBe(all[all.length - 2].id);
  });
});
