// A password change, killed at random or at each of its steps (staged slot, committed audit entry,
// promoted slot): afterwards exactly one of the old and the new password works, and the new one
// works exactly when the change's audit entry is in the log. (reset.ts: the same for a reset.)
import { createInProcessClient } from '../../../electron/core/client';
import { armFault, faultPoints } from '../../../electron/core/vault/faults';
import type { TortureContext, TortureOp } from '../op';
import { loginClient, openTortureCore, staff } from '../office';

export const newPassword = (ctx: TortureContext) => `changed passphrase ${ctx.seed}`;

async function works(dir: string, password: string): Promise<boolean> {
  const core = openTortureCore(dir);
  try {
    const client = createInProcessClient(core);
    const result = await client.call('session.login', { username: staff.worker.username, password });
    if (!result.ok && result.error.code !== 'LOGIN_FAILED') throw new Error(`login: ${result.error.code}`);
    client.close();
    return result.ok;
  } finally {
    core.close();
  }
}

/** How many entries of `action` the log holds about the worker, and whether staged slots remain. */
async function auditedChanges(dir: string, ctx: TortureContext, action: string): Promise<{ entries: number; staged: number }> {
  const core = openTortureCore(dir);
  try {
    const admin = await loginClient(core, staff.admin.username, ctx.adminPassword);
    const { raw } = core.store.get();
    const entries = raw
      .prepare(`SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.entity_id WHERE a.action = ? AND u.username = ?`)
      .pluck()
      .get(action, staff.worker.username) as number;
    const staged = core.vault.read()?.stagedSlots?.length ?? 0;
    admin.close();
    return { entries, staged };
  } finally {
    core.close();
  }
}

/**
 * `before`: entries of `action` about the worker in the template office (the worker changed the
 * password given by the administrator once at first sign-in; no reset happened).
 */
export async function checkPasswordOutcome(dir: string, ctx: TortureContext, action: string, before: number): Promise<void> {
  const old = await works(dir, staff.worker.password);
  const fresh = await works(dir, newPassword(ctx));
  if (old === fresh) throw new Error(`old password ${old ? 'and' : 'nor'} new password work${old ? '' : 's'}`);
  const { entries, staged } = await auditedChanges(dir, ctx, action);
  if (staged > 0) throw new Error(`${staged} staged slots remain after opening`);
  const expected = before + (fresh ? 1 : 0);
  if (entries !== expected) {
    throw new Error(`${entries} ${action} entries (expected ${expected}): the ${fresh ? 'new password works' : 'old password works'} but the log ${entries > expected ? 'records a change' : 'does not record it'}`);
  }
}

const op: TortureOp = {
  name: 'password',
  faultPoints: faultPoints.password,
  async prepare() {},
  async run(dir, ctx) {
    armFault(ctx.faultPoint ?? null);
    const core = openTortureCore(dir);
    const worker = await loginClient(core, staff.worker.username, staff.worker.password);
    await worker.ok('session.changePassword', { currentPassword: staff.worker.password, newPassword: newPassword(ctx) });
    core.close();
  },
  check: (dir, ctx) => checkPasswordOutcome(dir, ctx, 'user.passwordChange', 1),
};
export default op;
