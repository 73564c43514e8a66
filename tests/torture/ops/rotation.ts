// Key rotation, killed at random or at each of its steps. Starts from an office that also holds a
// migration backup under the current key: once the key changed, that backup must be gone.
import fs from 'node:fs';
import { openRaw } from '../../../electron/core/db/open';
import { storePaths } from '../../../electron/core/store';
import { armFault, faultPoints } from '../../../electron/core/vault/faults';
import { migrationBackups } from '../../../electron/core/vault/files';
import { Vault } from '../../../electron/core/vault/vault';
import type { TortureOp } from '../op';
import { loginClient, openTortureCore, staff, tortureKdf } from '../office';

const op: TortureOp = {
  name: 'rotation',
  faultPoints: faultPoints.rotation,
  async prepare(dir) {
    const { dbFile } = storePaths(dir);
    fs.copyFileSync(dbFile, `${dbFile}.v1.2026-01-01T00-00-00-000Z.bak`);
  },
  async run(dir, ctx) {
    armFault(ctx.faultPoint ?? null);
    const core = openTortureCore(dir);
    const admin = await loginClient(core, staff.admin.username, ctx.adminPassword);
    await admin.ok('admin.rotateDataKey', {});
    core.close();
  },
  async check(dir, ctx) {
    const paths = storePaths(dir);
    const vault = new Vault(paths.keyFile, tortureKdf);
    const [current] = await vault.unlockWithRecoveryKey(ctx.recoveryKey);
    for (const file of migrationBackups(paths.dbFile)) {
      try {
        openRaw({ file, key: current.dataKey, readonly: true }).close();
      } catch {
        throw new Error(`a migration backup under an old key was left: ${file}`);
      }
    }
    // Everyone still gets in.
    const core = openTortureCore(dir);
    try {
      for (const who of [staff.supervisor, staff.worker]) (await loginClient(core, who.username, who.password)).close();
    } finally {
      core.close();
    }
  },
};
export default op;
