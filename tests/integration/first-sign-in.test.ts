// A password an administrator set (a new user, or a reset with the recovery key) is known to them:
// the user replaces it at the next sign-in before anything else answers.
import { describe, expect, it } from 'vitest';
import { channelsBeforePasswordChange } from '../../shared/session/contract';
import { cleanUpAfterEach, setUpOffice, setUpStaffedOffice, workerPassword } from '../fixtures/core';
import { expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();
const given = 'handed over on paper 41';
const chosen = 'my own quiet river stones';

describe('first sign-in after an administrator set the password', () => {
  it('a new user is told at login, and every channel but the password change refuses until it is done', async () => {
    const office = track(await setUpStaffedOffice());
    const user = await office.admin.ok('admin.createUser', { username: 'neema', displayName: 'Neema Okello', role: 'caseworker', password: given });
    const neema = await office.login('neema', given);
    const status = await neema.ok('session.status', {});
    expect(status.session).toMatchObject({ username: 'neema', mustChangePassword: true });

    await expectCode(neema.call('cases.list', {}), 'PASSWORD_CHANGE_REQUIRED');
    await expectCode(neema.call('cases.myWork', {}), 'PASSWORD_CHANGE_REQUIRED');
    // Keeping the administrator's password is not a change.
    await expectCode(neema.call('session.changePassword', { currentPassword: given, newPassword: given }), 'PASSWORD_UNCHANGED');
    await neema.ok('session.changePassword', { currentPassword: given, newPassword: chosen });
    expect((await neema.ok('session.status', {})).session?.mustChangePassword).toBe(false);
    await neema.ok('cases.list', {});

    // It stays done: the next sign-in goes straight in, and the old password no longer works.
    await neema.ok('session.logout', {});
    await expectCode(office.client().call('session.login', { username: 'neema', password: given }), 'LOGIN_FAILED');
    const again = await office.login('neema', chosen);
    expect((await again.ok('session.status', {})).session?.mustChangePassword).toBe(false);

    const { entries } = await office.admin.ok('audit.list', { action: 'user.passwordChange', entityId: user.id });
    expect(entries.map((e) => e.details)).toEqual([{ firstSignIn: true, changeId: expect.any(String) }]);
  });

  it('only the session channels in the short list answer before the change', async () => {
    const office = track(await setUpStaffedOffice());
    await office.admin.ok('admin.createUser', { username: 'neema', displayName: 'Neema Okello', role: 'supervisor', password: given });
    const neema = await office.login('neema', given);
    await neema.ok('session.heartbeat', {});
    await neema.ok('session.setLanguage', { language: 'fr' });
    await expectCode(neema.call('audit.list', {}), 'PASSWORD_CHANGE_REQUIRED');
    expect([...channelsBeforePasswordChange].sort()).toEqual([
      'session.changePassword', 'session.heartbeat', 'session.lock', 'session.logout', 'session.setLanguage', 'session.switchUser',
    ]);
  });

  it('after an administrator resets a password with the recovery key, the user must change it again — even signed in', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('cases.list', {});
    await office.admin.ok('admin.resetPassword', { id: office.users.worker.id, recoveryKey: office.recoveryKey, newPassword: given });
    await expectCode(worker.call('cases.list', {}), 'PASSWORD_CHANGE_REQUIRED');
    await worker.ok('session.logout', {});
    const back = await office.login('wanjiru', given);
    expect((await back.ok('session.status', {})).session?.mustChangePassword).toBe(true);
    await back.ok('session.changePassword', { currentPassword: given, newPassword: chosen });
    await back.ok('cases.list', {});
  });

  it('the office’s first administrator and a user resetting their own password at the login screen are not asked', async () => {
    const office = track(await setUpOffice());
    const admin = await office.login('admin', 'correct horse battery staple');
    expect((await admin.ok('session.status', {})).session?.mustChangePassword).toBe(false);
    await admin.ok('session.logout', {});

    const staffed = track(await setUpStaffedOffice());
    await staffed.client().ok('session.resetWithRecoveryKey', { recoveryKey: staffed.recoveryKey, username: 'wanjiru', newPassword: chosen });
    const worker = await staffed.login('wanjiru', chosen);
    expect((await worker.ok('session.status', {})).session?.mustChangePassword).toBe(false);
    await worker.ok('cases.list', {});
  });
});
