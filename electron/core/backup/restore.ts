// Node-only. Restoring a backup on a computer with no office yet (the first-run wizard): check the
// backup completely with the recovery key, then install its database and key slots so that at
// every instant either no office exists (the wizard shows again, and restoring can simply be
// repeated) or the complete restored office does. Users then log in with their passwords as of
// the backup. Restoring over an existing office is deliberately not offered: it would silently
// throw away everything recorded since the backup; an office that wants that moves its data
// folder aside first (README, "Backups").
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { latestVersion } from '../../../migrations';
import { AppError } from '../../../shared/contract/errors';
import type { BackupManifest } from '../../../shared/backup/contract';
import { openRaw, type RawDatabase } from '../db/open';
import type { StorePaths } from '../store';
import { readKeyFile, writeKeyFile, type KeyFile } from '../vault/keyfile';
import { Vault } from '../vault/vault';
import { fsyncPath, manifestName, readManifest, sha256File } from './folder';
import { verifyDatabase } from './verify';

export const restoreFaultPoints = ['checked', 'databaseCopied', 'databaseInPlace', 'slotsInPlace'] as const;
export type RestoreFaultPoint = (typeof restoreFaultPoints)[number];

export interface CheckedBackup {
  dir: string;
  manifest: BackupManifest;
  slots: KeyFile;
  dataKey: Buffer;
}

/** A backup folder, or its manifest.json, or the database file beside it. */
function backupDir(given: string): string {
  if (!path.isAbsolute(given)) throw new AppError('BACKUP_FOLDER_INVALID', 'give the full path', { params: { reason: 'notAbsolute' } });
  let stat: fs.Stats;
  try {
    stat = fs.statSync(given);
  } catch {
    throw new AppError('BACKUP_FOLDER_INVALID', 'no such folder or file', { params: { reason: 'missing' } });
  }
  return stat.isDirectory() ? given : path.dirname(given);
}

/** Everything a restore relies on, checked before anything is written. */
export async function checkBackup(given: string, recoveryKey: string, nativeBinding?: string): Promise<CheckedBackup> {
  const dir = backupDir(given);
  const manifest = readManifest(path.join(dir, manifestName));
  const dbFile = path.join(dir, manifest.database.file);
  const slotsFile = path.join(dir, manifest.keySlots.file);
  if (!fs.existsSync(dbFile) || !fs.existsSync(slotsFile)) throw new AppError('BACKUP_INVALID', 'backup files missing');
  const mismatch = () => new AppError('BACKUP_INVALID', 'backup files do not match their manifest');
  if ((await sha256File(slotsFile)) !== manifest.keySlots.sha256) throw mismatch();
  // The database's hash is taken while the worker checks the same file (below): one read each, at once.
  const dbHash = sha256File(dbFile);
  dbHash.catch(() => undefined);
  if (manifest.schemaVersion > latestVersion) {
    throw new AppError('DB_FROM_FUTURE', 'the backup is from a newer Homeward', { params: { version: manifest.schemaVersion, supported: latestVersion } });
  }
  let slots: KeyFile;
  try {
    slots = readKeyFile(slotsFile) as KeyFile;
  } catch {
    throw new AppError('BACKUP_INVALID', 'unreadable key slots');
  }
  const candidates = await new Vault(slotsFile).unlockWithRecoveryKey(recoveryKey);
  let dataKey: Buffer | null = null;
  for (const candidate of candidates) {
    let raw: RawDatabase | null = null;
    try {
      // Opening proves the key; the chain is walked with the integrity check, in the worker below.
      raw = openRaw({ file: dbFile, key: candidate.dataKey, nativeBinding, readonly: true, cacheKiB: 8192 });
      dataKey = candidate.dataKey;
      break;
    } catch (error) {
      if (error instanceof AppError && error.code === 'DB_KEY_INVALID') continue;
      if ((await dbHash) !== manifest.database.sha256) throw mismatch();
      throw error;
    } finally {
      raw?.close();
    }
  }
  if (!dataKey) {
    // A damaged file is said to be damaged, not blamed on the key.
    if ((await dbHash) !== manifest.database.sha256) throw mismatch();
    throw new AppError('RECOVERY_KEY_INVALID', 'the recovery key does not open this backup');
  }
  const [integrity, hash] = await Promise.all([verifyDatabase({ target: dbFile, key: dataKey, nativeBinding }).catch((error: unknown) => error as Error), dbHash]);
  if (hash !== manifest.database.sha256) throw mismatch();
  // A page that fails its HMAC mid-check stops the check with an error rather than a problem row.
  if (integrity instanceof Error || integrity.problems.length > 0) throw new AppError('BACKUP_INVALID', 'the backup failed its integrity check');
  // Intact from its first entry, and exactly the history the manifest anchored (ids run 1…lastId).
  const chain = integrity.chain;
  if (!chain?.intact || chain.lastId !== manifest.audit.count || chain.lastHash !== manifest.audit.headHash) {
    throw new AppError('BACKUP_INVALID', 'the backup audit chain does not verify against its manifest');
  }
  return { dir, manifest, slots, dataKey };
}

/**
 * Installs a checked backup into an empty data folder. Order: database copied under a temporary
 * name and fsynced → stale WAL/SHM removed → database renamed into place → slots renamed into
 * place (the slot file is what makes an office exist). A database without slots is what
 * setupOffice refuses and what a repeated restore replaces.
 */
export async function installBackup(backup: CheckedBackup, paths: StorePaths, fault?: (point: RestoreFaultPoint) => void): Promise<void> {
  fault?.('checked');
  const tmp = path.join(paths.dataDir, `.homeward.db.restore-${crypto.randomBytes(4).toString('hex')}.tmp`);
  for (const name of fs.readdirSync(paths.dataDir)) {
    if (/^\.homeward\.db\.restore-.*\.tmp$/u.test(name)) fs.rmSync(path.join(paths.dataDir, name), { force: true });
  }
  await fs.promises.copyFile(path.join(backup.dir, backup.manifest.database.file), tmp);
  await fs.promises.chmod(tmp, 0o600);
  await fsyncPath(tmp);
  fault?.('databaseCopied');
  // A WAL left by an earlier database would be replayed into this one: remove it first.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${paths.dbFile}${suffix}`, { force: true });
  fs.renameSync(tmp, paths.dbFile);
  await fsyncPath(paths.dataDir);
  fault?.('databaseInPlace');
  const slots: KeyFile = { ...backup.slots, lockouts: {}, pendingAudit: [] };
  writeKeyFile(paths.keyFile, slots);
  await fsyncPath(paths.dataDir);
  fault?.('slotsInPlace');
}
