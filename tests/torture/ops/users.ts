// User creation and removal, killed at random or at each step between the slot file and the commit.
import { AppError } from '../../../shared/contract/errors';
import { armFault, faultPoints } from '../../../electron/core/vault/faults';
import { createInProcessClient } from '../../../electron/core/client';
import type { TortureContext, TortureOp } from '../op';
import { loginClient, openTortureCore, staff } from '../office';

const newUser = (ctx: TortureContext) => ({ username: `new.${ctx.seed}`, password: `fresh passphrase ${ctx.seed}` });

async function canLogIn(dir: string, username: string, password: string): Promise<boolean> {
  const core = openTortureCore(dir);
  try {
    const client = createInProcessClient(core);
    const result = await client.call('session.login', { username, password });
    if (!result.ok && result.error.code !== 'LOGIN_FAILED') throw new AppError(result.error.code, result.error.message);
    client.close();
    return result.ok;
  } finally {
    core.close();
  }
}

const op: TortureOp = {
  name: 'users',
  faultPoints: [...faultPoints.createUser, ...faultPoints.removeUser],
  async prepare() {},
  async run(dir, ctx) {
    armFault(ctx.faultPoint ?? null);
    const core = openTortureCore(dir);
    const admin = await loginClient(core, staff.admin.username, ctx.adminPassword);
    const { username, password } = newUser(ctx);
    await admin.ok('admin.createUser', { username, displayName: 'New Worker', role: 'caseworker', password });
    const omar = (await admin.ok('admin.listUsers', {})).find((u) => u.username === staff.otherWorker.username)!;
    await admin.ok('admin.removeUser', { id: omar.id });
    core.close();
  },
  async check(dir, ctx) {
    const core = openTortureCore(dir);
    let users;
    try {
      const admin = await loginClient(core, staff.admin.username, ctx.adminPassword);
      users = await admin.ok('admin.listUsers', {});
      admin.close();
    } finally {
      core.close();
    }
    const stranded = users.filter((u) => u.needsPasswordReset);
    if (stranded.length > 0) throw new Error(`active users without a key slot: ${stranded.map((u) => u.username).join(', ')}`);
    const created = newUser(ctx);
    const exists = users.some((u) => u.username === created.username);
    if ((await canLogIn(dir, created.username, created.password)) !== exists) {
      throw new Error(`the new user ${exists ? 'exists but cannot' : 'does not exist but can'} log in`);
    }
    const omarActive = users.some((u) => u.username === staff.otherWorker.username);
    if ((await canLogIn(dir, staff.otherWorker.username, staff.otherWorker.password)) !== omarActive) {
      throw new Error(`the removed user ${omarActive ? 'is active but cannot' : 'is removed but can'} log in`);
    }
  },
};
export default op;
