// Node-only. The backup folder: checking a path the administrator gave, naming backups, finding the
// complete ones, rotating old ones, and the fsyncs that make "complete" survive a power cut.
//
// Layout: <folder>/homeward-backup-<OFFICE>-<UTC time>/{homeward.db, homeward.keys.json, manifest.json}.
// A backup is built in <folder>/.homeward-backup-…partial/ and renamed to its final name only after
// it verified and its manifest (written last) is on disk: a kill at any moment leaves either a
// hidden .partial folder (removed by the next backup, never listed, never restorable) or a
// complete, verified backup.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import { backupManifestSchema, type BackupEntry, type BackupManifest } from '../../../shared/backup/contract';

export const manifestName = 'manifest.json';
const finalPattern = /^homeward-backup-([A-Z0-9-]+)-(\d{8}T\d{6}\d{3}Z)$/u;
const partialPattern = /^\.homeward-backup-.*\.partial$/u;

/** Absolute, an existing directory, and writable (proved by writing and removing a probe file). */
export function checkFolder(folder: string): string {
  const invalid = (reason: string) => new AppError('BACKUP_FOLDER_INVALID', `backup folder: ${reason}`, { params: { reason } });
  if (!path.isAbsolute(folder)) throw invalid('notAbsolute');
  const resolved = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw invalid('missing');
  }
  if (!stat.isDirectory()) throw invalid('notFolder');
  // Named like a partial backup: a kill between writing and removing it leaves something the next
  // backup removes (removePartials) and nothing that could pass for a backup.
  const probe = path.join(resolved, `.homeward-backup-probe-${process.pid}-${crypto.randomBytes(4).toString('hex')}.partial`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch {
    throw invalid('notWritable');
  }
  return resolved;
}

export function backupName(officeCode: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  return `homeward-backup-${officeCode}-${stamp}`;
}

export function partialName(name: string): string {
  return `.${name}.partial`;
}

/** Parses and checks a manifest file; throws BACKUP_INVALID. */
export function readManifest(file: string): BackupManifest {
  try {
    return backupManifestSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    throw new AppError('BACKUP_INVALID', 'no readable backup manifest');
  }
}

/** Complete backups of one office in a folder, newest first. Unreadable entries are skipped. */
export function listBackups(folder: string, officeCode: string): (BackupEntry & { dir: string })[] {
  const entries: (BackupEntry & { dir: string })[] = [];
  for (const name of fs.readdirSync(folder)) {
    const match = finalPattern.exec(name);
    if (!match || match[1] !== officeCode) continue;
    const dir = path.join(folder, name);
    try {
      const manifest = readManifest(path.join(dir, manifestName));
      if (manifest.office.code !== officeCode) continue;
      entries.push({ name, dir, createdAt: manifest.createdAt, bytes: manifest.database.bytes, auditCount: manifest.audit.count });
    } catch {
      // not ours, or damaged: never counted as a backup, never rotated away
    }
  }
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Removes complete backups beyond the newest `keep`; returns their names. */
export function rotateBackups(folder: string, officeCode: string, keep: number): string[] {
  const removed: string[] = [];
  for (const entry of listBackups(folder, officeCode).slice(keep)) {
    fs.rmSync(entry.dir, { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

/** Leftovers of backups that were cut off (a kill, a pulled drive). */
export function removePartials(folder: string): void {
  for (const name of fs.readdirSync(folder)) {
    if (partialPattern.test(name)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  }
}

export async function fsyncPath(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows, for folders) refuse fsync on a directory: nothing to flush there.
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}

export async function writeDurable(file: string, text: string): Promise<void> {
  const handle = await fs.promises.open(file, 'w', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
