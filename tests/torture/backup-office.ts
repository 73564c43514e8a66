// Shared by the backup and restore torture ops. Kept outside ops/: the runner loads every file
// there as an operation. It relies on the core only.
import fs from 'node:fs';
import path from 'node:path';
import { createInProcessClient, type InProcessClient } from '../../electron/core/client';
import { createCore, type Core } from '../../electron/core/core';
import { makeBackup, type BackupFaultPoint } from '../../electron/core/backup/backup';

/** Trials measure crash safety, not Argon2: the same cheap KDF as the runner's template office. */
const kdfCost = { memoryKiB: 1024, iterations: 1, parallelism: 1 };

export const usbFolder = (dir: string) => path.join(dir, 'usb');
export const newPcFolder = (dir: string) => path.join(dir, 'newpc');

export function openCore(dir: string): Core {
  return createCore({ dataDir: dir, kdfCost, log: () => undefined });
}

export async function loginAdmin(core: Core, password: string): Promise<InProcessClient> {
  const client = createInProcessClient(core);
  await client.ok('session.login', { username: 'admin', password });
  return client;
}

/** One backup of the office in `dir`, straight through the core function (so faults can be armed). */
export async function backUp(core: Core, folder: string, keep: number, fault?: (point: BackupFaultPoint) => void) {
  const store = core.store.get();
  const office = core.vault.require().office;
  return makeBackup({
    folder,
    dbFile: core.paths.dbFile,
    dataKey: Buffer.from(store.dataKey),
    slots: JSON.parse(JSON.stringify(core.vault.require())),
    office,
    createdBy: 'admin',
    keep,
    now: () => new Date(),
    fault,
  });
}

/** Dies the way a power cut or `kill -9` does: no cleanup, no exit handlers. */
export function dieNow(): never {
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL is not delivered synchronously on every platform: make sure nothing runs after it.
  process.exit(137);
}

export function ensureFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
}
