// Node-only. Replacing a user's password (their own change, or a reset with the recovery key) so
// that a crash at any instant leaves it either not made or made and audited:
//   1. the new slot is staged in the key-slot file beside the current one (fsynced);
//   2. one transaction writes the change and its audit entry, which names the staged slot;
//   3. the staged slot is promoted to be the user's.
// A crash after 1 leaves a staged slot with no audit entry: the next open drops it (the old
// password still works). A crash after 2 leaves an audited change whose slot is staged: the next
// open promotes it (StoreManager.reconcileSlots). The torture suite and crash-points test kill the
// process at each step.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { CoreDeps } from '../deps';
import { faultPoint } from '../vault/faults';

export async function replacePassword(
  deps: CoreDeps,
  user: { id: string; username: string },
  newPassword: string,
  /** Writes the change and its audit entry, whose details must carry `changeId`. */
  record: (trx: Transaction<DB> | Kysely<DB>, changeId: string) => Promise<void>,
): Promise<void> {
  const { vault, store } = deps;
  const changeId = await vault.stageUserSlot(user.id, user.username, newPassword, store.get().dataKey);
  faultPoint('password.afterStage');
  try {
    await store.get().db.transaction().execute((trx) => record(trx, changeId));
  } catch (error) {
    vault.dropStagedSlot(changeId);
    throw error;
  }
  faultPoint('password.afterCommit');
  vault.promoteStagedSlot(changeId);
  faultPoint('password.afterPromote');
}
