// Node-only. Making one backup: copy (snapshot.ts, fsynced) → verify (verify.ts: opens with the key,
// integrity check, audit chain; the file's SHA-256 is taken meanwhile) and anchor → key slots →
// manifest (last) → atomic rename → rotate. See folder.ts for why a kill never leaves anything
// that looks like a complete backup.
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
import { copyDatabase, type CopyMethod } from './snapshot';
import { verifyDatabase, type VerifyResult } from './verify';

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
  /** `fraction` is 0..1 through the phase; bytes are the copy's. */
  onProgress?: (progress: BackupProgress) => void;
  fault?: (point: BackupFaultPoint) => void;
  /** For the benchmark's comparisons only: how to copy, which check, and its page cache. */
  tuning?: { method?: CopyMethod; check?: 'integrity' | 'quick'; cacheKiB?: number };
}

export interface BackupProgress {
  phase: 'copying' | 'verifying';
  fraction: number;
  bytesDone: number;
  bytesTotal: number;
}

/**
 * One bar for the whole job: copying the pages takes a few percent of a backup's time (3.9 GB:
 * 13 s of 374 s, tests/bench/backup.ts) and the check the rest; the last percent is the manifest
 * and the rename.
 */
export function overallProgress(phase: 'copying' | 'verifying', fraction: number): number {
  const copyShare = 0.05;
  const within = Math.min(1, Math.max(0, fraction));
  return phase === 'copying' ? copyShare * within : copyShare + (0.99 - copyShare) * within;
}

export interface BackupOutcome {
  name: string;
  dir: string;
  manifest: BackupManifest;
  rotated: string[];
  /** Where the time went (printed by tests/bench/backup.ts). */
  timings: { method: CopyMethod; copyMs: number; syncMs: number; integrityMs: number; chainMs: number; hashMs: number; verifyMs: number };
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

  const started = performance.now();
  const copied = await copyDatabase({
    source: request.dbFile,
    target: dbCopy,
    key: request.dataKey,
    nativeBinding: request.nativeBinding,
    method: request.tuning?.method,
    onProgress: (done, total) => request.onProgress?.({ phase: 'copying', fraction: total > 0 ? done / total : 0, bytesDone: done, bytesTotal: total }),
  });
  const copyMs = performance.now() - started;
  request.fault?.('copied');

  // The check and the file's hash read the same finished file at once (the check opens it read-only).
  const bytes = fs.statSync(dbCopy).size;
  request.onProgress?.({ phase: 'verifying', fraction: 0, bytesDone: bytes, bytesTotal: bytes });
  let hashMs = 0;
  const [verdict, dbHash] = await Promise.all([
    verifyDatabase({
      target: dbCopy,
      key: request.dataKey,
      nativeBinding: request.nativeBinding,
      check: request.tuning?.check,
      cacheKiB: request.tuning?.cacheKiB,
      onProgress: (fraction) => request.onProgress?.({ phase: 'verifying', fraction, bytesDone: bytes, bytesTotal: bytes }),
    }).catch((error: unknown): VerifyResult => {
      // A copy that does not even open, or whose pages fail their HMAC mid-check, is a failed backup.
      throw new AppError('BACKUP_FAILED', `the copy does not verify: ${(error as Error).message}`);
    }),
    sha256File(dbCopy).then((hash) => {
      hashMs = performance.now() - started - copyMs;
      return hash;
    }),
  ]);
  const verifyMs = performance.now() - started - copyMs;
  if (verdict.problems.length > 0) {
    throw new AppError('BACKUP_FAILED', `the copy failed its integrity check: ${verdict.problems[0]}`);
  }

  // The copy's own audit chain must verify (walked in the check's worker), and be a prefix of the live log.
  const chain = verdict.chain;
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
    schemaVersion: verdict.schemaVersion,
    database: { file: 'homeward.db', bytes, sha256: dbHash },
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
  const timings = { method: copied.method, copyMs, syncMs: copied.syncMs, ...verdict.timings, hashMs, verifyMs };
  return { name, dir, manifest, rotated, timings };
}
