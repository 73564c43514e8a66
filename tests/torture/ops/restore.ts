// Torture op: restoring the office's backup on a "new computer" (dir/newpc, empty), killed at any
// moment or at each step. Afterwards the new computer is either still without an office (and a
// repeated restore then succeeds) or holds the complete office: the administrator logs in with
// the password as of the backup, every case is there, and the audit chain verifies.
import fs from 'node:fs';
import path from 'node:path';
import { createInProcessClient } from '../../../electron/core/client';
import { checkBackup, installBackup, restoreFaultPoints } from '../../../electron/core/backup/restore';
import type { TortureOp } from '../op';
import { backUp, dieNow, ensureFolder, loginAdmin, newPcFolder, openCore, usbFolder } from '../backup-office';

/** The one backup prepare made. */
function backupDir(dir: string): string {
  const name = fs.readdirSync(usbFolder(dir)).find((n) => n.startsWith('homeward-backup-'));
  if (!name) throw new Error('prepare made no backup');
  return path.join(usbFolder(dir), name);
}

async function caseCount(dir: string, password: string): Promise<number> {
  const core = openCore(dir);
  try {
    const admin = await loginAdmin(core, password);
    const raw = core.store.get().raw;
    const count = (raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    admin.close();
    return count;
  } finally {
    core.close();
  }
}

const op: TortureOp = {
  name: 'restore',
  faultPoints: restoreFaultPoints,

  async prepare(dir, ctx) {
    ensureFolder(usbFolder(dir));
    fs.rmSync(newPcFolder(dir), { recursive: true, force: true });
    ensureFolder(newPcFolder(dir));
    const core = openCore(dir);
    try {
      const admin = await loginAdmin(core, ctx.adminPassword);
      await backUp(core, usbFolder(dir), 5);
      admin.close();
    } finally {
      core.close();
    }
  },

  async run(dir, ctx) {
    const checked = await checkBackup(backupDir(dir), ctx.recoveryKey);
    const core = openCore(newPcFolder(dir));
    await installBackup(checked, core.paths, (point) => {
      if (point === ctx.faultPoint) dieNow();
    });
    core.close();
  },

  async check(dir, ctx) {
    const newPc = newPcFolder(dir);
    const core = openCore(newPc);
    try {
      const client = createInProcessClient(core);
      const status = await client.ok('session.status', {});
      if (status.setupRequired) {
        // Cut short before the office existed: the wizard offers restore again, and it works.
        await client.ok('backup.restore', { path: backupDir(dir), recoveryKey: ctx.recoveryKey });
      }
      client.close();
    } finally {
      core.close();
    }
    const expected = await caseCount(dir, ctx.adminPassword);
    const restored = await caseCount(newPc, ctx.adminPassword);
    if (restored !== expected) throw new Error(`restored office has ${restored} cases, the backup's office ${expected}`);
    const again = openCore(newPc);
    try {
      const admin = await loginAdmin(again, ctx.adminPassword);
      const verify = await admin.ok('audit.verify', {});
      if (!verify.intact) throw new Error(`restored audit chain broken at ${verify.brokenAtId}`);
      admin.close();
    } finally {
      again.close();
    }
    const leftovers = fs.readdirSync(newPc).filter((n) => n.endsWith('.tmp'));
    if (leftovers.length > 0) throw new Error(`leftover temporary files: ${leftovers.join(', ')}`);
  },
};

export default op;
