// Node-only. Users and roles, office settings, data-key rotation. Administrators manage the office;
// nothing here returns case content.
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { assertPasswordPolicy, resetPasswordWithRecoveryKey } from '../session/handlers';
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
      return rows.map(toUser);
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
        // The administrator chose this password, so it is theirs too: the user replaces it at their
        // first sign-in (session.changePassword), before any other channel answers.
        must_change_password: 1,
      };
      await env.tx(async (trx) => {
        await trx.insertInto('users').values(row).execute();
        await env.audit(trx, { action: 'user.create', entityType: 'user', entityId: id, details: { role: input.role } });
        // The slot is written inside the transaction: if it fails, the user row rolls back.
        await vault.setUserSlot(id, input.username, input.password, store.get().dataKey);
      });
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
      await env.tx(async (trx) => {
        await trx.updateTable('users').set({ active: 0, removed_at: deps.now().toISOString() }).where('id', '=', id).execute();
        await env.audit(trx, { action: 'user.remove', entityType: 'user', entityId: id });
        vault.removeUserSlot(id);
      });
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
      const nextKey = crypto.randomBytes(32);
      try {
        // Order matters for crash safety: stage the new key in every slot, rekey, then promote.
        vault.stageNextKey(nextKey);
        store.rekey(nextKey);
        const slots = vault.promoteNextKey();
        await env.audit(env.db(), { action: 'vault.rotateDataKey', entityType: 'office', details: { slots } });
        return { rotatedAt: deps.now().toISOString(), slots };
      } finally {
        nextKey.fill(0);
      }
    },
  });
}
