// Torture op: a backup to the "USB drive" (dir/usb) while case work goes on, killed at any moment
// or at each step. Afterwards every backup that looks complete (its final name) must verify fully
// with the recovery key — manifest, file hashes, integrity, audit chain against its anchor — and
// the live office must still open; whatever a kill cut short stays hidden (.partial), unlisted.
import fs from 'node:fs';
import path from 'node:path';
import { backupFaultPoints } from '../../../electron/core/backup/backup';
import { listBackups } from '../../../electron/core/backup/folder';
import { checkBackup } from '../../../electron/core/backup/restore';
import type { TortureOp } from '../op';
import { backUp, dieNow, ensureFolder, loginAdmin, openCore, usbFolder } from '../backup-office';

const keep = 2;

const op: TortureOp = {
  name: 'backup',
  faultPoints: backupFaultPoints,

  async prepare(dir, ctx) {
    // One complete backup already on the drive, so rotation runs in the trial too.
    ensureFolder(usbFolder(dir));
    const core = openCore(dir);
    try {
      const admin = await loginAdmin(core, ctx.adminPassword);
      await backUp(core, usbFolder(dir), keep);
      admin.close();
    } finally {
      core.close();
    }
  },

  async run(dir, ctx) {
    const core = openCore(dir);
    const admin = await loginAdmin(core, ctx.adminPassword);
    let backingUp = true;
    // Audited activity during the backup: the live log moves on while the copy is taken.
    const activity = (async () => {
      while (backingUp) {
        await admin.ok('audit.list', { limit: 1 });
        await new Promise((r) => setTimeout(r, 1));
      }
    })();
    await backUp(core, usbFolder(dir), keep, (point) => {
      if (point === ctx.faultPoint) dieNow();
    });
    backingUp = false;
    await activity;
    admin.close();
    core.close();
  },

  async check(dir, ctx) {
    const folder = usbFolder(dir);
    const names = fs.readdirSync(folder);
    for (const name of names) {
      if (name.startsWith('.')) {
        if (!/^\.homeward-backup-.*\.partial$/u.test(name)) throw new Error(`unexpected hidden entry ${name} in the backup folder`);
        continue;
      }
      // Anything else must be a complete backup that verifies — or the check is failing.
      const checked = await checkBackup(path.join(folder, name), ctx.recoveryKey);
      checked.dataKey.fill(0);
    }
    const complete = listBackups(folder, openCoreOffice(dir));
    if (complete.length < 1 || complete.length > keep) throw new Error(`${complete.length} complete backups; expected 1..${keep}`);
    // The live office still opens and its chain verifies.
    const core = openCore(dir);
    try {
      const admin = await loginAdmin(core, ctx.adminPassword);
      const status = await admin.ok('audit.verify', {});
      if (!status.intact) throw new Error(`live audit chain broken at ${status.brokenAtId}`);
      admin.close();
    } finally {
      core.close();
    }
  },
};

function openCoreOffice(dir: string): string {
  const core = openCore(dir);
  try {
    return core.vault.require().office.code;
  } finally {
    core.close();
  }
}

export default op;
