// Node-only. Making one backup: snapshot → fsync → verify (integrity, audit chain, anchor) → key
// slots → manifest (last) → atomic rename → rotate. See folder.ts for why a kill never leaves
// anything that looks like a complete backup.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { BackupManifest } from '../../../shared/backup/contract';
import type { Office } from '../../../shared/session/contract';
import type { AuditAnchor } from '../audit/anchor';
import type { KeyFile } from '../vault/keyfile';
import {
  backupName,
  checkFolder,
  fsyncPath,
  manifestName,
  partialName,
  removePartials,
  rotateBackups,
  sha256File,
  writeDurable,
} from './folder';
import { runSnapshot } from './snapshot';

/** Where a test or the torture runner may cut a backup short (the process dies right there). */
export const backupFaultPoints = ['copied', 'verified', 'slotsWritten', 'manifestWritten', 'renamed'] as const;
export type BackupFaultPoint = (typeof backupFaultPoints)[number];

export interface BackupRequest {
  folder: string;
  dbFile: string;
  /** The key that opens the live database now, and the slot file that holds it (read together). */
  dataKey: Buffer;
  slots: KeyFile;
  office: Office;
  createdBy: string | null;
  keep: number;
  now: () => Date;
  nativeBinding?: string;
  /** The live database's log, to check the copy is a prefix of it (skipped when null). */
  liveAnchorCheck?: (anchor: AuditAnchor) => Promise<'matches' | 'missing' | 'different'>;
  onProgress?: (phase: 'copying' | 'verifying', bytesDone: number, bytesTotal: number) => void;
  fault?: (point: BackupFaultPoint) => void;
}

export interface BackupOutcome {
  name: string;
  dir: string;
  manifest: BackupManifest;
  rotated: string[];
}

/** The slot file as it goes into a backup: no login back-off state, no waiting events. */
function slotsForBackup(slots: KeyFile, head: { id: number; hash: string } | null): KeyFile {
  return { ...slots, lockouts: {}, pendingAudit: [], auditHead: head, slots: slots.slots.map((s) => ({ ...s })) };
}

export async function makeBackup(request: BackupRequest): Promise<BackupOutcome> {
  const folder = checkFolder(request.folder);
  removePartials(folder);
  const createdAt = request.now();
  const name = backupName(request.office.code, createdAt);
  const work = path.join(folder, partialName(name));
  fs.mkdirSync(work, { mode: 0o700 });
  try {
    return await buildInto(request, folder, name, work, createdAt);
  } catch (error) {
    // An ordinary failure cleans up; a kill leaves the .partial folder for the next backup to remove.
    fs.rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

async function buildInto(request: BackupRequest, folder: string, name: string, work: string, createdAt: Date): Promise<BackupOutcome> {
  const dbCopy = path.join(work, 'homeward.db');

  const snapshot = await runSnapshot({
    source: request.dbFile,
    target: dbCopy,
    key: request.dataKey,
    nativeBinding: request.nativeBinding,
    onProgress: (done, total) => request.onProgress?.('copying', done, total),
    onCopied: () => request.onProgress?.('verifying', 0, 1),
  });
  await fsyncPath(dbCopy);
  request.fault?.('copied');
  if (snapshot.problems.length > 0) {
    throw new AppError('BACKUP_FAILED', `the copy failed its integrity check: ${snapshot.problems[0]}`);
  }

  // The copy's own audit chain must verify (walked in the snapshot worker), and be a prefix of the live log.
  const chain = snapshot.chain;
  if (!chain || !chain.intact) throw new AppError('BACKUP_FAILED', `the copy's audit chain is broken at ${chain?.brokenAtId ?? '?'}`);
  const lastId = chain.lastId;
  const anchor: AuditAnchor = { headHash: chain.lastHash, count: lastId, at: createdAt.toISOString() };
  if (request.liveAnchorCheck && (await request.liveAnchorCheck(anchor)) !== 'matches') {
    throw new AppError('BACKUP_FAILED', "the copy's history differs from the live log");
  }
  request.fault?.('verified');

  const slotsFile = path.join(work, 'homeward.keys.json');
  await writeDurable(slotsFile, JSON.stringify(slotsForBackup(request.slots, lastId ? { id: lastId, hash: anchor.headHash } : null), null, 2));
  request.fault?.('slotsWritten');

  const manifest: BackupManifest = {
    format: 'homeward-backup',
    version: 1,
    office: request.office,
    createdAt: createdAt.toISOString(),
    createdBy: request.createdBy,
    schemaVersion: snapshot.schemaVersion,
    database: { file: 'homeward.db', bytes: fs.statSync(dbCopy).size, sha256: await sha256File(dbCopy) },
    keySlots: { file: 'homeward.keys.json', sha256: await sha256File(slotsFile) },
    audit: { headHash: anchor.headHash, count: anchor.count, at: anchor.at },
  };
  await writeDurable(path.join(work, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  await fsyncPath(work);
  request.fault?.('manifestWritten');

  const dir = path.join(folder, name);
  fs.renameSync(work, dir);
  await fsyncPath(folder);
  request.fault?.('renamed');

  const rotated = rotateBackups(folder, request.office.code, request.keep);
  return { name, dir, manifest, rotated };
}
