// Permissions, checked by the core on every call. The cases are generated from the shared channel
// list and role table, so a new channel is covered the day it is declared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../electron/core/client';
import { channels, type ChannelName } from '../../shared/contract';
import { can, permissions, rolePermissions, roles, type Permission, type Role } from '../../shared/permissions';
import { permissionChannels, publicChannels, sampleInput, sessionChannels } from '../fixtures/channels';
import { adminPassword, setUpStaffedOffice, supervisorPassword, workerPassword } from '../fixtures/core';
import { codeOf, expectCode } from '../fixtures/results';

const loginAs: Record<Role, readonly [string, string]> = {
  admin: ['admin', adminPassword],
  supervisor: ['sara', supervisorPassword],
  caseworker: ['wanjiru', workerPassword],
};
const roleNames: Record<Role, string> = { admin: 'an administrator', supervisor: 'a supervisor', caseworker: 'a case worker' };

const callWithSample = (client: InProcessClient, name: ChannelName) => client.call(name, sampleInput(name) as never);

const refusals = roles.flatMap((role) =>
  permissionChannels
    .filter((name) => !can(role, channels[name].access as Permission))
    .map((name) => ({ role, name, who: roleNames[role], needs: channels[name].access })),
);
const grants = roles.flatMap((role) =>
  permissionChannels.filter((name) => can(role, channels[name].access as Permission)).map((name) => ({ role, name, who: roleNames[role] })),
);

let office: Awaited<ReturnType<typeof setUpStaffedOffice>>;
const clients = {} as Record<Role, InProcessClient>;

beforeAll(async () => {
  office = await setUpStaffedOffice();
  for (const role of roles) clients[role] = await office.login(...loginAs[role]);
});
afterAll(() => office?.cleanup());

describe('refused by role', () => {
  it('there is something to refuse: case workers and supervisors lack administrator channels', () => {
    for (const role of ['caseworker', 'supervisor'] as const) expect(refusals.some((r) => r.role === role), role).toBe(true);
  });

  it.each(refusals)('$who cannot call $name (needs $needs)', async ({ role, name }) => {
    const error = await expectCode(callWithSample(clients[role], name), 'FORBIDDEN');
    expect(error.params).toEqual({ channel: name });
  });

  it('a refused call is audited as access.denied and has no effect', async () => {
    const worker = clients.caseworker;
    const keyBefore = Buffer.from(office.core.store.get().dataKey);
    await expectCode(worker.call('admin.createUser', { username: 'sneaky', displayName: 'Sneaky', role: 'admin', password: 'sneaky long passphrase' }), 'FORBIDDEN');
    await expectCode(worker.call('admin.rotateDataKey', {}), 'FORBIDDEN');
    await expectCode(worker.call('admin.updateSettings', { autoLockMinutes: 60 }), 'FORBIDDEN');
    expect(office.core.store.get().dataKey.equals(keyBefore)).toBe(true);
    const users = await clients.admin.ok('admin.listUsers', {});
    expect(users.map((u) => u.username)).not.toContain('sneaky');
    expect((await clients.admin.ok('admin.getSettings', {})).autoLockMinutes).toBe(5);
    const denied = await clients.admin.ok('audit.list', { action: 'access.denied', userId: office.users.worker.id, limit: 500 });
    expect(denied.entries.map((e) => e.details?.channel)).toEqual(expect.arrayContaining(['admin.createUser', 'admin.rotateDataKey', 'admin.updateSettings']));
  });
});

describe('allowed by role', () => {
  // Run last in the file's order: these calls have real effects (a user created, the key rotated).
  it.each(grants)('$who may call $name', async ({ role, name }) => {
    const code = await codeOf(callWithSample(clients[role], name));
    expect(['FORBIDDEN', 'NOT_AUTHENTICATED', 'SESSION_LOCKED', 'VALIDATION', 'INTERNAL']).not.toContain(code);
  });
});

describe('without a session', () => {
  describe('while no one is logged in', () => {
    let closed: Awaited<ReturnType<typeof setUpStaffedOffice>>;
    beforeAll(async () => {
      closed = await setUpStaffedOffice();
      await closed.admin.ok('session.logout', {});
    });
    afterAll(() => closed?.cleanup());

    it.each(sessionChannels)('%s refuses a caller who is not logged in', async (name) => {
      expect(closed.core.store.isOpen).toBe(false);
      await expectCode(callWithSample(closed.client(), name), 'NOT_AUTHENTICATED');
    });
  });

  it.each(sessionChannels)('%s refuses a caller who is not logged in, while someone else is', async (name) => {
    expect(office.core.store.isOpen).toBe(true);
    await expectCode(callWithSample(office.client(), name), 'NOT_AUTHENTICATED');
  });

  it('only the login-screen channels are public', () => {
    // The first-run wizard's restore (refused once an office exists) and its folder dialog count as login-screen channels.
    expect([...publicChannels].sort()).toEqual([
      'backup.chooseFolder',
      'backup.restore',
      'conference.pairFamilyView',
      'session.login',
      'session.resetWithRecoveryKey',
      'session.setupOffice',
      'session.status',
    ]);
  });
});

describe('the role table', () => {
  it('an administrator is not granted any case permission', () => {
    const casePermissions = permissions.filter((p) => p.startsWith('case.'));
    expect(casePermissions.length).toBeGreaterThan(0);
    for (const permission of casePermissions) expect(can('admin', permission), permission).toBe(false);
  });

  it('an administrator is refused every case channel', async () => {
    const caseChannels = permissionChannels.filter((name) => String(channels[name].access).startsWith('case.'));
    for (const name of caseChannels) await expectCode(callWithSample(clients.admin, name), 'FORBIDDEN');
  });

  it('a session reports exactly its role’s permissions', async () => {
    for (const role of roles) {
      const status = await clients[role].ok('session.status', {});
      expect(status.session?.permissions).toEqual([...rolePermissions[role]]);
    }
  });

  it('every channel declares a known access level', () => {
    for (const [name, def] of Object.entries(channels)) {
      expect(['public', 'session', 'sessionOrLocked', 'familyView', ...permissions], name).toContain(def.access);
    }
  });
});
