// Guessing passwords from inside an unlocked session, and what a mistyped username leaves behind.
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach, keyFileText, seconds, setUpStaffedOffice, testClock, workerPassword } from '../fixtures/core';
import { expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();

describe('session.changePassword and the login back-off', () => {
  it('wrong current passwords wait like wrong logins: the third locks for 5 s, even the right one', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    const worker = await office.login('wanjiru', workerPassword);
    const change = (currentPassword: string) => worker.call('session.changePassword', { currentPassword, newPassword: 'a brand new passphrase' });
    await expectCode(change('guess number one here'), 'PASSWORD_INCORRECT');
    await expectCode(change('guess number two here'), 'PASSWORD_INCORRECT');
    const locked = await expectCode(change('guess number three'), 'LOGIN_LOCKED');
    expect(locked.params).toEqual({ seconds: 5 });
    await expectCode(change(workerPassword), 'LOGIN_LOCKED');
    // The same count as the login screen: signing in elsewhere waits too.
    await expectCode(office.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_LOCKED');
    clock.advance(seconds(5));
    await worker.ok('session.changePassword', { currentPassword: workerPassword, newPassword: 'a brand new passphrase' });
    expect(office.core.vault.read()!.lockouts.wanjiru).toBeUndefined();

    const { entries } = await office.admin.ok('audit.list', { action: 'user.passwordChangeFailed' });
    expect(entries.map((e) => [e.username, e.details])).toEqual([
      ['wanjiru', { reason: 'changePassword' }],
      ['wanjiru', { reason: 'changePassword' }],
      ['wanjiru', { reason: 'changePassword' }],
    ]);
  });
});

describe('a password typed into the username field', () => {
  it('is kept neither in the key-slot file nor in the audit log, while the back-off still applies to it', async () => {
    const clock = testClock();
    const office = track(await setUpStaffedOffice({ now: clock.now }));
    // What a hurried worker types: her password where the username goes (valid username syntax).
    const typed = 'river-lantern-quietly-42';
    expect(typed).toBe(workerPassword);
    await office.admin.ok('session.logout', {});
    expect(office.core.store.isOpen).toBe(false);
    for (let i = 0; i < 2; i++) {
      await expectCode(office.client().call('session.login', { username: typed, password: 'wanjiru' }), 'LOGIN_FAILED');
    }
    const locked = await expectCode(office.client().call('session.login', { username: typed, password: 'wanjiru' }), 'LOGIN_LOCKED');
    expect(locked.params).toEqual({ seconds: 5 });
    // While the database was closed the failures waited in the key-slot file: not as typed there.
    expect(keyFileText(office.core)).not.toContain(typed);
    expect(office.core.vault.read()!.pendingAudit).toHaveLength(3);

    const admin = await office.login('admin', 'correct horse battery staple');
    expect(keyFileText(office.core)).not.toContain(typed);
    const { entries } = await admin.ok('audit.list', { action: 'session.loginFailed' });
    expect(entries).toHaveLength(3);
    expect(JSON.stringify(entries)).not.toContain(typed);
    // The entries still tell an administrator it was one and the same unknown name, three times.
    const refs = new Set(entries.map((e) => e.details?.nameRef));
    expect(refs.size).toBe(1);
    expect(entries.every((e) => e.username === null && e.details?.reason === 'unknownUser')).toBe(true);
  });
});
