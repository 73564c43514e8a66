// Node-only. The data folder's hygiene: owner-only permissions, durable renames, and the removal of
// leftovers a crash can leave (key-slot temp copies, a half-written rotation copy).
import fs from 'node:fs';
import path from 'node:path';

/** The rotation writes the database under the new key here, then renames it over the live file. */
export const rotationFile = (dbFile: string): string => `${dbFile}.rotating`;
/** An empty scratch database whose only use is to carry the new key into the rotation's copy. */
export const keyholderFile = (dbFile: string): string => `${dbFile}.keyholder`;

export const sidecars = (dbFile: string): string[] => [`${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`];

function chmodIfExists(file: string, mode: number): void {
  try {
    fs.chmodSync(file, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * The folder 0700 and every file that holds key material or case data 0600, also when they were
 * created by an older version or the folder pre-existed as 0755. (On Windows chmod only toggles the
 * read-only bit; the per-user profile folder's ACL is what protects the data there.)
 */
export function tightenPermissions(dataDir: string, dbFile: string, keyFile: string): void {
  if (process.platform === 'win32') return;
  fs.chmodSync(dataDir, 0o700);
  for (const file of [dbFile, ...sidecars(dbFile), keyFile]) chmodIfExists(file, 0o600);
}

/** Creates the database file empty and 0600 before SQLite does (SQLite gives -wal/-shm its mode). */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync there
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Leftovers of a crash. Key-slot temp copies (`.homeward.keys.json.<pid>.tmp`) may be full copies
 * of the slots, including a removed user's; a rotation copy that was never renamed is incomplete or
 * unneeded (the live file is always complete). Only one process opens a data folder (the lock
 * file), so nothing here can belong to a write in progress.
 */
export function removeLeftovers(dataDir: string, dbFile: string, keyFile: string): string[] {
  const removed: string[] = [];
  const tmpPrefix = `.${path.basename(keyFile)}.`;
  for (const name of fs.readdirSync(dataDir)) {
    if (name.startsWith(tmpPrefix) && name.endsWith('.tmp')) {
      fs.rmSync(path.join(dataDir, name), { force: true });
      removed.push(name);
    }
  }
  for (const base of [rotationFile(dbFile), keyholderFile(dbFile)]) {
    for (const file of [base, ...sidecars(base)]) {
      if (fs.existsSync(file)) {
        fs.rmSync(file, { force: true });
        removed.push(path.basename(file));
      }
    }
  }
  return removed;
}

/** Migration backups beside the database (`homeward.db.v3.<time>.bak`). */
export function migrationBackups(dbFile: string): string[] {
  const dir = path.dirname(dbFile);
  const prefix = `${path.basename(dbFile)}.v`;
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bak'))
    .map((name) => path.join(dir, name));
}
