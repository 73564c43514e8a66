// A password change, killed at random or between its slot and its audit entry: afterwards exactly
// one of the old and the new password works.
import { createInProcessClient } from '../../../electron/core/client';
import { armFault, faultPoints } from '../../../electron/core/vault/faults';
import type { TortureContext, TortureOp } from '../op';
import { loginClient, openTortureCore, staff } from '../office';

const newPassword = (ctx: TortureContext) => `changed passphrase ${ctx.seed}`;

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
  async check(dir, ctx) {
    const old = await works(dir, staff.worker.password);
    const fresh = await works(dir, newPassword(ctx));
    if (old === fresh) throw new Error(`old password ${old ? 'and' : 'nor'} new password work${old ? '' : 's'}`);
  },
};
export default op;
