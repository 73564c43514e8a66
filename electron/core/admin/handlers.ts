// Node-only. Users and roles, office settings, data-key rotation. Administrators manage the office;
// nothing here returns case content.
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { assertPasswordPolicy, resetPasswordWithRecoveryKey } from '../session/handlers';
import { faultPoint } from '../vault/faults';
import { rotateDataKey } from './rotation';
import { toUser } from './users';

export function createAdminHandlers(deps: CoreDeps) {
  const { vault, store } = deps;

  async function activeAdmins(): Promise<number> {
    const row = await store
      .get()
      .db.selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .where('removed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  function endSessionsOf(userId: string): void {
    for (const conn of deps.connections) if (conn.session?.userId === userId) conn.session = null;
    deps.closeStoreIfIdle();
  }

  async function getUser(id: string) {
    const row = await store.get().db.selectFrom('users').selectAll().where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'no such user');
    return row;
  }

  return defineHandlers({
    'admin.listUsers': async () => {
      const rows = await store.get().db.selectFrom('users').selectAll().where('removed_at', 'is', null).orderBy('display_name').execute();
      // A user whose slot was lost (an old crash, a restored slot file) cannot sign in until an
      // administrator resets their password: say so.
      const withSlot = vault.slotUserIds();
      return rows.map((r) => ({ ...toUser(r), needsPasswordReset: !withSlot.has(r.id) }));
    },

    'admin.createUser': async (input, env) => {
      assertPasswordPolicy(input.password, input.username);
      const taken = await env.db().selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
      if (taken) throw new AppError('USERNAME_TAKEN', 'this username is already used', { params: { username: input.username } });
      const settings = await deps.settings();
      const id = crypto.randomUUID();
      const row = {
        id,
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        language: input.language ?? settings.office.defaultLanguage,
        active: 1,
        removed_at: null,
        created_at: deps.now().toISOString(),
        last_login_at: null,
      };
      // The slot is written inside the transaction, just before the commit: if writing it fails,
      // the row rolls back; if the process dies between the two, the slot has no user row and the
      // next open drops it (StoreManager.reconcileSlots). Never a user without a way in.
      try {
        await env.tx(async (trx) => {
          await trx.insertInto('users').values(row).execute();
          await env.audit(trx, { action: 'user.create', entityType: 'user', entityId: id, details: { role: input.role } });
          await vault.setUserSlot(id, input.username, input.password, store.get().dataKey);
          faultPoint('user.create.afterSlot');
        });
      } catch (error) {
        vault.removeUserSlot(id);
        throw error;
      }
      faultPoint('user.create.afterCommit');
      return toUser(row);
    },

    'admin.updateUser': async ({ id, displayName, role, active }, env) => {
      const before = await getUser(id);
      const demotes = (role && role !== 'admin') || active === false;
      if (before.role === 'admin' && demotes && (await activeAdmins()) <= 1) {
        throw new AppError('LAST_ADMIN', 'the office must keep at least one active administrator');
      }
      await env.tx(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            ...(displayName !== undefined ? { display_name: displayName } : {}),
            ...(role !== undefined ? { role } : {}),
            ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
          })
          .where('id', '=', id)
          .execute();
        await env.audit(trx, {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          details: { displayName: displayName ?? null, role: role ?? null, active: active ?? null },
        });
      });
      const after = toUser(await getUser(id));
      // A deactivated or re-roled user loses their live session at once; a renamed one does not.
      if ((role !== undefined && role !== before.role) || (active !== undefined && active !== (before.active === 1))) {
        endSessionsOf(id);
      }
      return after;
    },

    'admin.removeUser': async ({ id }, env) => {
      const before = await getUser(id);
      if (id === env.session.userId) throw new AppError('CONFLICT', 'you cannot remove your own account');
      if (before.role === 'admin' && before.active === 1 && (await activeAdmins()) <= 1) {
        throw new AppError('LAST_ADMIN', 'the office must keep at least one active administrator');
      }
      // The removal commits first, then the slot goes: a crash in between leaves a removed user's
      // slot, which the next open drops — never an active user without a slot.
      await env.tx(async (trx) => {
        await trx.updateTable('users').set({ active: 0, removed_at: deps.now().toISOString() }).where('id', '=', id).execute();
        await env.audit(trx, { action: 'user.remove', entityType: 'user', entityId: id });
      });
      faultPoint('user.remove.afterCommit');
      vault.removeUserSlot(id);
      faultPoint('user.remove.afterSlot');
      endSessionsOf(id);
      // Anyone who held a slot may have kept the data key: rotating it makes that copy useless.
      return { removed: true as const, rekeyRecommended: before.last_login_at !== null };
    },

    'admin.resetPassword': async ({ id, recoveryKey, newPassword }, env) => {
      await getUser(id);
      await resetPasswordWithRecoveryKey(deps, recoveryKey, { id }, newPassword, {
        userId: env.session.userId,
        username: env.session.username,
      });
      return { reset: true as const };
    },

    'admin.getSettings': async () => deps.settings(),

    'admin.updateSettings': async ({ office, autoLockMinutes, requireBid }, env) => {
      const current = await deps.settings();
      const nextOffice = { ...current.office, ...office };
      await env.tx(async (trx) => {
        await trx
          .updateTable('office')
          .set({
            name: nextOffice.name,
            code: nextOffice.code,
            country: nextOffice.country,
            default_language: nextOffice.defaultLanguage,
            auto_lock_minutes: autoLockMinutes ?? current.autoLockMinutes,
            require_bid: (requireBid ?? current.requireBid) ? 1 : 0,
          })
          .where('id', '=', 1)
          .execute();
        await env.audit(trx, {
          action: 'office.updateSettings',
          entityType: 'office',
          entityId: nextOffice.code,
          details: { office: office ?? null, autoLockMinutes: autoLockMinutes ?? null, requireBid: requireBid ?? null },
        });
      });
      vault.update((content) => {
        content.office = nextOffice;
      });
      return deps.settings();
    },

    'admin.rotateDataKey': async (_input, env) => {
      // The office is locked while the copy runs (see core.invoke): nothing writes meanwhile.
      // A backup being written holds the old file and the old key's slots: let it finish first.
      if (deps.backgroundJobs.has('backup')) throw new AppError('BACKUP_RUNNING', 'a backup is being made; rotate after it');
      const result = await deps.maintenance.run('keyRotation', deps.now(), (progress) => rotateDataKey(store, vault, progress));
      await env.audit(env.db(), {
        action: 'vault.rotateDataKey',
        entityType: 'office',
        details: { slots: result.slots, removedBackups: result.removedBackups },
      });
      return { rotatedAt: deps.now().toISOString(), slots: result.slots };
    },
  });
}
