// Node-only (no electron import). One process per data folder: the Electron app and the browser-mode
// bridge may point at the same folder, and two processes must never open one database. Electron's
// own single-instance lock only sees other Electron processes, so both take this file lock too.
import fs from 'node:fs';
import path from 'node:path';

export interface LockOwner {
  pid: number;
  mode: 'electron' | 'web';
  // Never a launch link or cookie: the lock file is on disk, and links are credentials.
  startedAt: string;
}

export type LockResult = { acquired: true; lock: InstanceLock } | { acquired: false; owner: LockOwner; file: string };

export interface InstanceLock {
  readonly file: string;
  update(owner: Partial<LockOwner>): void;
  release(): void;
}

export function lockFileFor(dataDir: string): string {
  return path.join(dataDir, 'homeward.lock');
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : null;
  } catch {
    return null;
  }
}

/** Takes the data folder's lock, or reports who holds it. A lock left by a dead process is taken over. */
export function acquireInstanceLock(dataDir: string, mode: LockOwner['mode']): LockResult {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = lockFileFor(dataDir);
  let current: LockOwner = { pid: process.pid, mode, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(current), { flag: 'wx', mode: 0o600 });
      let released = false;
      const lock: InstanceLock = {
        file,
        update(owner) {
          current = { ...current, ...owner };
          fs.writeFileSync(file, JSON.stringify(current), { mode: 0o600 });
        },
        release() {
          if (released) return;
          released = true;
          if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
      return { acquired: true, lock };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && owner.pid !== process.pid && isAlive(owner.pid)) return { acquired: false, owner, file };
    // Stale (the owner crashed) or unreadable (a crash mid-write): remove and retry.
    fs.rmSync(file, { force: true });
  }
  const owner = readOwner(file);
  return { acquired: false, owner: owner ?? { pid: -1, mode: 'web', startedAt: '' }, file };
}
