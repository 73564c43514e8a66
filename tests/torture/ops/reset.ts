// An administrator's reset of a worker's password with the recovery key, killed at random or at
// each step: exactly one of the old and new passwords works, and the new one exactly when the
// reset is in the audit log (the same three steps as a change: see session/password.ts).
import { armFault, faultPoints } from '../../../electron/core/vault/faults';
import type { TortureOp } from '../op';
import { loginClient, openTortureCore, staff } from '../office';
import { checkPasswordOutcome, newPassword } from './password';

const op: TortureOp = {
  name: 'reset',
  faultPoints: faultPoints.reset,
  async prepare() {},
  async run(dir, ctx) {
    armFault(ctx.faultPoint ?? null);
    const core = openTortureCore(dir);
    const admin = await loginClient(core, staff.admin.username, ctx.adminPassword);
    const worker = (await admin.ok('admin.listUsers', {})).find((u) => u.username === staff.worker.username)!;
    await admin.ok('admin.resetPassword', { id: worker.id, recoveryKey: ctx.recoveryKey, newPassword: newPassword(ctx) });
    core.close();
  },
  check: (dir, ctx) => checkPasswordOutcome(dir, ctx, 'user.passwordReset', 0),
};
export default op;
