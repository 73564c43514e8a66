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
  async prepare(dir, ctx) {
    const { dbFile, keyFile } = storePaths(dir);
    fs.copyFileSync(dbFile, `${dbFile}.v1.2026-01-01T00-00-00-000Z.bak`);
    // About 16 MB more, so the copy lasts long enough for random kills (and the mid-copy fault
    // point) to land inside it.
    const [current] = await new Vault(keyFile, tortureKdf).unlockWithRecoveryKey(ctx.recoveryKey);
    const raw = openRaw({ file: dbFile, key: current.dataKey });
    try {
      const caseId = raw.prepare('SELECT id FROM cases LIMIT 1').pluck().get() as string;
      const insert = raw.prepare(`INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, NULL, 'bulk', ?)`);
      const text = 'y'.repeat(2000);
      raw.transaction(() => {
        for (let i = 0; i < 8000; i += 1) insert.run(caseId, '2026-01-01T00:00:00.000Z', `${i} ${text}`);
      })();
      raw.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      raw.close();
    }
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
