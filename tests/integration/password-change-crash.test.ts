// A password change or reset is made and audited, or not made at all, whichever instant a crash
// cuts it: the new slot is staged, the audit entry commits naming it, then the slot is promoted
// (session/password.ts). Here each intermediate state is built in-process and the office reopened;
// crash-points.test.ts and `npm run torture` kill a real process at each step.
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/core/audit/audit';
import { cleanUpAfterEach, clientsFor, currentDataKey, openCore, setUpStaffedOffice, workerPassword } from '../fixtures/core';
import { expectCode } from '../fixtures/results';

const track = cleanUpAfterEach();
const newPassword = 'a brand new worker passphrase';

/** The state a crash leaves after step 1 (staged) or step 2 (staged and audited). */
async function crashedOffice(step: 'staged' | 'committed', action: 'user.passwordChange' | 'user.passwordReset' = 'user.passwordChange') {
  const office = track(await setUpStaffedOffice());
  const { core } = office;
  const changeId = await core.vault.stageUserSlot(office.users.worker.id, 'wanjiru', newPassword, currentDataKey(core));
  if (step === 'committed') {
    await appendAudit(core.store.get().db, { action, entityType: 'user', entityId: office.users.worker.id, details: { changeId } });
  }
  office.shutdown();
  return { office, changeId };
}

function auditedChanges(core: ReturnType<typeof openCore>, changeId: string): number {
  return core.store
    .get()
    .raw.prepare(`SELECT count(*) FROM audit_log WHERE json_extract(details, '$.changeId') = ?`)
    .pluck()
    .get(changeId) as number;
}

describe('a password change cut by a crash', () => {
  it('after the slot was staged but before the audit entry committed: not made — the old password works, the new one never does', async () => {
    const { office, changeId } = await crashedOffice('staged');
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      // Tried first, the new password opens the database through the staged slot; the open finds
      // no audit entry for it, drops it, and the login is refused.
      await expectCode(clients.client().call('session.login', { username: 'wanjiru', password: newPassword }), 'LOGIN_FAILED');
      expect(restarted.vault.read()!.stagedSlots ?? []).toEqual([]);
      await clients.login('wanjiru', workerPassword);
      await expectCode(clients.client().call('session.login', { username: 'wanjiru', password: newPassword }), 'LOGIN_FAILED');
      expect(auditedChanges(restarted, changeId)).toBe(0);
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('after the audit entry committed but before the slot was promoted: made — the new password works, the old one is refused even as the first login', async () => {
    const { office, changeId } = await crashedOffice('committed');
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      // The old slot is still the user's when this login starts; the open promotes the staged one,
      // and the old password is then refused.
      await expectCode(clients.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_FAILED');
      expect(restarted.vault.read()!.stagedSlots ?? []).toEqual([]);
      expect(restarted.vault.read()!.slots.filter((s) => s.username === 'wanjiru')).toHaveLength(1);
      await clients.login('wanjiru', newPassword);
      expect(auditedChanges(restarted, changeId)).toBe(1);
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('after the audit entry committed: the new password works as the first login after the crash', async () => {
    const { office } = await crashedOffice('committed', 'user.passwordReset');
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      await clients.login('wanjiru', newPassword);
      await expectCode(clients.client().call('session.login', { username: 'wanjiru', password: workerPassword }), 'LOGIN_FAILED');
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('a staged slot whose audit entry names another change is not promoted by it', async () => {
    const office = track(await setUpStaffedOffice());
    const { core } = office;
    await core.vault.stageUserSlot(office.users.worker.id, 'wanjiru', newPassword, currentDataKey(core));
    await appendAudit(core.store.get().db, { action: 'user.passwordChange', entityType: 'user', entityId: office.users.worker.id, details: { changeId: 'another-change' } });
    office.shutdown();
    const restarted = openCore(office.dir);
    const clients = clientsFor(restarted);
    try {
      await clients.login('wanjiru', workerPassword);
      await expectCode(clients.client().call('session.login', { username: 'wanjiru', password: newPassword }), 'LOGIN_FAILED');
    } finally {
      clients.closeAll();
      restarted.close();
    }
  });

  it('a completed change and reset leave no staged slot and name their slot in the audit entry', async () => {
    const office = track(await setUpStaffedOffice());
    const worker = await office.login('wanjiru', workerPassword);
    await worker.ok('session.changePassword', { currentPassword: workerPassword, newPassword });
    await office.admin.ok('admin.resetPassword', { id: office.users.supervisor.id, recoveryKey: office.recoveryKey, newPassword: 'supervisor after the reset' });
    expect(office.core.vault.read()!.stagedSlots ?? []).toEqual([]);
    const rows = office.core.store
      .get()
      .raw.prepare(`SELECT action, json_extract(details, '$.changeId') AS changeId FROM audit_log WHERE action IN ('user.passwordChange', 'user.passwordReset') AND entity_id IN (?, ?) ORDER BY id DESC LIMIT 2`)
      .all(office.users.worker.id, office.users.supervisor.id) as { action: string; changeId: string | null }[];
    expect(rows.map((r) => r.action).sort()).toEqual(['user.passwordChange', 'user.passwordReset']);
    for (const row of rows) expect(row.changeId).toMatch(/^[0-9a-f-]{36}$/);
    await office.login('wanjiru', newPassword);
    await office.login('sara', 'supervisor after the reset');
  });
});
