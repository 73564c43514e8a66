// Node-only. Data-key rotation that never rewrites the live database in place. At every instant
// one complete database file opens with a key the slots hold:
//   1. stage: the new key is sealed into every slot beside the current one (durable);
//   2. copy: a worker writes a complete copy under the new key to homeward.db.rotating, checks it
//      (opens with the new key, quick_check), and it is fsynced;
//   3. swap: the connection closes (WAL folded in), the copy is renamed over homeward.db and the
//      folder fsynced — the live file is now the new one, and the slots hold its key as "next";
//   4. promote: the slots' next key becomes the current one;
//   5. the store reopens under the new key; backups under the old key are removed.
// A crash before 3 leaves the old file (current key) and a stray copy that the next open deletes;
// after 3 the next open finds the file opens with the staged key and promotes it (session/openWith).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { copyUnderNewKey } from '../db/copy';
import type { StoreManager } from '../store';
import { faultPoint } from '../vault/faults';
import { fsyncDir, fsyncFile, keyholderFile, rotationFile } from '../vault/files';
import type { Vault } from '../vault/vault';

export interface RotationResult {
  slots: number;
  removedBackups: number;
}

export async function rotateDataKey(
  store: StoreManager,
  vault: Vault,
  onProgress: (fraction: number) => void,
): Promise<RotationResult> {
  const { dbFile, dataDir } = store.paths;
  const target = rotationFile(dbFile);
  const oldKey = Buffer.from(store.get().dataKey);
  const nextKey = crypto.randomBytes(32);
  let swapped = false;
  try {
    vault.stageNextKey(nextKey);
    faultPoint('rotation.afterStage');
    const expectedBytes = store.liveBytes();
    // The copy takes most of the time; the swap and promotion take well under a second.
    await copyUnderNewKey({
      source: dbFile,
      target,
      keyholder: keyholderFile(dbFile),
      oldKey,
      newKey: nextKey,
      nativeBinding: store.nativeBinding,
      expectedBytes,
      onProgress: (f) => {
        onProgress(f * 0.95);
        if (f > 0.3) faultPoint('rotation.duringCopy');
      },
    });
    // (The worker proved the copy opens with the new key and passes quick_check.)
    fsyncFile(target);
    faultPoint('rotation.afterCopy');
    store.closeForSwap();
    faultPoint('rotation.afterClose');
    fs.renameSync(target, dbFile);
    fsyncDir(dataDir);
    swapped = true;
    faultPoint('rotation.afterRename');
    const slots = vault.promoteNextKey();
    faultPoint('rotation.afterPromote');
    await store.open([nextKey]);
    const removedBackups = store.removeStaleBackups([nextKey]).length;
    onProgress(1);
    return { slots, removedBackups };
  } catch (error) {
    // Not swapped: the old file is still the live one; forget the staged key and the copy.
    if (!swapped) {
      vault.discardNextKey();
      for (const file of [target, keyholderFile(dbFile)]) fs.rmSync(file, { force: true });
      if (!store.isOpen) await store.open([oldKey]);
    } else if (!store.isOpen) {
      await store.open([nextKey, oldKey]);
    }
    throw error;
  } finally {
    oldKey.fill(0);
    nextKey.fill(0);
  }
}
