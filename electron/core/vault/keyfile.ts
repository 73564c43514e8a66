// Node-only. The key-slot file beside the database. It holds no case data: office identity for the
// login screen, one slot per user and one recovery slot, login back-off state, failed-login events
// waiting for the database to open, and the audit chain's head (to detect a truncated log).
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { Office } from '../../../shared/session/contract';
import type { KdfParams, Sealed, SealedToKey } from './crypto';

export interface KeySlot {
  id: string; // 'recovery' or the user id
  kind: 'user' | 'recovery';
  username: string | null;
  kdf: KdfParams;
  publicKey: string;
  privateKey: Sealed;
  dataKey: SealedToKey;
  /** During a key rotation: the new data key, sealed before the database is rekeyed. */
  nextDataKey?: SealedToKey;
  updatedAt: string;
}

export interface PendingAuditEvent {
  at: string;
  action: string;
  username: string | null;
  details: Record<string, unknown>;
}

/**
 * A password's new slot, written before the change's audit entry commits and promoted after it
 * (see session/password.ts): `changeId` names the audit entry that makes it real.
 */
export interface StagedSlot extends KeySlot {
  changeId: string;
}

export interface KeyFile {
  format: 'homeward-keyslots';
  version: 1;
  office: Office;
  slots: KeySlot[];
  /** Password changes and resets in flight; resolved on the next open if a crash left any. */
  stagedSlots?: StagedSlot[];
  lockouts: Record<string, { failures: number; lockedUntil: string | null }>;
  pendingAudit: PendingAuditEvent[];
  auditHead: { id: number; hash: string } | null;
}

export function readKeyFile(file: string): KeyFile | null {
  if (!fs.existsSync(file)) return null;
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  } catch {
    // Writes are atomic renames, so this is damage from outside: no slot can be read.
    throw new AppError('DB_UNREADABLE', 'the key-slot file is damaged; see Recovery in the README');
  }
  if (parsed?.format !== 'homeward-keyslots') throw new AppError('DB_UNREADABLE', 'the key-slot file is not a Homeward key-slot file');
  return parsed;
}

/**
 * Write-then-rename so a crash leaves either the old file or the new one, never half of each.
 * `durable: false` skips the fsync: for the audit head only, where losing the last update to a
 * power cut merely leaves the head behind (still verifiable) and an fsync on every call would
 * double the cost of each audited view.
 */
export function writeKeyFile(file: string, content: KeyFile, options: { durable?: boolean } = {}): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(content, null, 2));
    if (options.durable !== false) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
