// Node-only. First-run setup, login, lock and unlock, switch user, logout, password change and
// reset with the recovery key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/contract/errors';
import { rolePermissions } from '../../../shared/permissions';
import type { SessionInfo } from '../../../shared/session/contract';
import { checkPassword } from '../../../shared/session/password-policy';
import { toUser } from '../admin/users';
import type { CoreDeps } from '../deps';
import type { Unlocked } from '../vault/vault';
import { defineHandlers, type Connection, type Session } from '../handler';
import { replacePassword } from './password';
import { assertNotLockedOut, clearFailures, isKnownUsername, recordFailure, unknownNameRef } from './logins';

const MAX_PENDING_AUDIT = 1000;

export function assertPasswordPolicy(password: string, username: string): void {
  const problems = checkPassword(password, username);
  if (problems.length > 0) {
    throw new AppError('PASSWORD_WEAK', `password does not meet the policy: ${problems.join(', ')}`, {
      params: { problems: problems.join(',') },
    });
  }
}

export async function sessionInfo(deps: CoreDeps, session: Session): Promise<SessionInfo> {
  const settings = await deps.settings();
  return {
    userId: session.userId,
    username: session.username,
    displayName: session.displayName,
    role: session.role,
    permissions: [...rolePermissions[session.role]],
    language: session.language,
    locked: session.locked,
    autoLockMinutes: settings.autoLockMinutes,
    mustChangePassword: session.mustChangePassword,
  };
}

/**
 * Opens the store with one of the keys the vault unwrapped, finishing an interrupted rotation.
 * The slot opened, so the password was right: a database that still does not open is reported as
 * DB_UNREADABLE (never as a failed login, never counted towards the lockout).
 */
export async function openWith(deps: CoreDeps, candidates: Unlocked[]): Promise<boolean> {
  let index: number | null;
  try {
    index = await deps.store.open(candidates.map((c) => c.dataKey));
  } catch (error) {
    if (error instanceof AppError && error.code !== 'DB_CORRUPT') throw error;
    throw new AppError('DB_UNREADABLE', 'the database could not be opened; see Recovery in the README');
  }
  if (index === null) throw new AppError('DB_UNREADABLE', 'the database could not be opened; see Recovery in the README');
  if (candidates[index].fromNext) deps.vault.promoteNextKey();
  else if (candidates.some((c) => c.fromNext)) deps.vault.discardNextKey();
  return true;
}

/** Sets a new password for one user with the office recovery key (from the login screen or admin). */
export async function resetPasswordWithRecoveryKey(
  deps: CoreDeps,
  recoveryKey: string,
  match: { username?: string; id?: string },
  newPassword: string,
  actor: { userId: string | null; username: string | null },
): Promise<void> {
  const { vault, store } = deps;
  const candidates = await vault.unlockWithRecoveryKey(recoveryKey);
  const wasOpen = store.isOpen;
  if (!(await openWith(deps, candidates))) {
    throw new AppError('RECOVERY_KEY_INVALID', 'the recovery key does not open this database');
  }
  try {
    const { db } = store.get();
    let query = db.selectFrom('users').selectAll().where('removed_at', 'is', null);
    query = match.id ? query.where('id', '=', match.id) : query.where('username', '=', match.username ?? '');
    const row = await query.executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'no such user');
    assertPasswordPolicy(newPassword, row.username);
    // Reset by someone else (an administrator), the password is known to them: the user chooses
    // their own at the next sign-in. Reset by the user at the login screen, it is already theirs.
    const byOther = actor.userId !== null && actor.userId !== row.id;
    await replacePassword(deps, row, newPassword, async (trx, changeId) => {
      await trx.updateTable('users').set({ must_change_password: byOther ? 1 : 0 }).where('id', '=', row.id).execute();
      await deps.auditAs(trx, {
        action: 'user.passwordReset',
        userId: actor.userId,
        username: actor.username ?? row.username,
        entityType: 'user',
        entityId: row.id,
        details: { method: 'recoveryKey', mustChangePassword: byOther, changeId },
      });
    });
    clearFailures(vault, row.username);
    // A signed-in session of that user carries on only after choosing its own password.
    if (byOther) for (const conn of deps.connections) if (conn.session?.userId === row.id) conn.session.mustChangePassword = true;
  } finally {
    if (!wasOpen) deps.closeStoreIfIdle();
  }
}

export function createSessionHandlers(deps: CoreDeps) {
  const { vault, store } = deps;

  /**
   * Counts a wrong password towards the user's back-off and audits it. `reason` 'unlock' and
   * 'changePassword' come from a signed-in session, whose username is known to be real.
   */
  async function failLogin(username: string, reason: 'password' | 'key' | 'inactive' | 'unlock' | 'changePassword'): Promise<never> {
    const now = deps.now();
    const seconds = recordFailure(vault, username, now);
    // An unknown "username" is often a password typed in the wrong field: it is audited as a keyed
    // reference that only links attempts with the same text (see logins.ts), never as typed.
    const known = isKnownUsername(vault, username);
    const event = {
      action: reason === 'changePassword' ? 'user.passwordChangeFailed' : 'session.loginFailed',
      username: known ? username : null,
      details: known ? { reason } : { reason: 'unknownUser', nameRef: unknownNameRef(username) },
      at: now.toISOString(),
    };
    if (store.isOpen) {
      await deps.auditAs(store.get().db, event);
    } else {
      vault.update((content) => {
        content.pendingAudit.push(event);
        // Kept bounded: beyond this, the oldest waiting events give way (and the count says so).
        if (content.pendingAudit.length > MAX_PENDING_AUDIT) {
          const dropped = content.pendingAudit.length - MAX_PENDING_AUDIT;
          content.pendingAudit = content.pendingAudit.slice(dropped);
          content.pendingAudit[0] = { ...content.pendingAudit[0], details: { ...content.pendingAudit[0].details, earlierDropped: dropped } };
        }
      });
    }
    if (seconds > 0) {
      throw new AppError('LOGIN_LOCKED', `too many failed attempts; try again in ${seconds} s`, { params: { seconds } });
    }
    // At the lock screen the username is known: say plainly that the password is wrong.
    if (reason === 'unlock' || reason === 'changePassword') throw new AppError('PASSWORD_INCORRECT', 'the password is not correct');
    throw new AppError('LOGIN_FAILED', 'the username or password is not correct');
  }

  function endSession(conn: Connection): void {
    conn.session = null;
    deps.closeStoreIfIdle();
  }

  return defineHandlers({
    'session.status': async (_input, env) => {
      const content = vault.read();
      return {
        setupRequired: content === null,
        office: content?.office ?? null,
        session: env.conn.session && store.isOpen ? await sessionInfo(deps, env.conn.session) : null,
        maintenance: deps.maintenance.current,
      };
    },

    'session.setupOffice': async ({ office, admin }) => {
      if (vault.read()) throw new AppError('ALREADY_SET_UP', 'this office is already set up');
      if (fs.existsSync(store.paths.dbFile)) {
        throw new AppError('CONFLICT', 'a database file exists without its key slots; restore the key-slot file');
      }
      assertPasswordPolicy(admin.password, admin.username);
      const userId = crypto.randomUUID();
      const created = await vault.create(office, { userId, username: admin.username, password: admin.password });
      // Key slots first: a database must never exist that no slot can open.
      vault.write(created.content);
      try {
        await store.open([created.dataKey], { create: true });
        const now = deps.now().toISOString();
        await store.get().db.transaction().execute(async (trx) => {
          await trx
            .insertInto('office')
            .values({
              id: 1,
              name: office.name,
              code: office.code,
              country: office.country,
              default_language: office.defaultLanguage,
              auto_lock_minutes: 5,
              require_bid: 1,
              created_at: now,
            })
            .execute();
          await trx
            .insertInto('users')
            .values({
              id: userId,
              username: admin.username,
              display_name: admin.displayName,
              role: 'admin',
              language: office.defaultLanguage,
              active: 1,
              removed_at: null,
              created_at: now,
              last_login_at: null,
              must_change_password: 0,
            })
            .execute();
          await deps.auditAs(trx, { action: 'office.setup', username: admin.username, entityType: 'office', entityId: office.code });
          await deps.auditAs(trx, { action: 'user.create', username: admin.username, entityType: 'user', entityId: userId, details: { role: 'admin' } });
        });
      } catch (error) {
        store.close();
        for (const file of [store.paths.keyFile, store.paths.dbFile, `${store.paths.dbFile}-wal`, `${store.paths.dbFile}-shm`]) {
          fs.rmSync(file, { force: true });
        }
        throw error;
      } finally {
        created.dataKey.fill(0);
      }
      deps.closeStoreIfIdle();
      return { recoveryKey: created.recoveryKey };
    },

    'session.login': async ({ username, password }, env) => {
      vault.require();
      assertNotLockedOut(vault, username, deps.now());
      const candidates = await vault.unlockWithPassword(username, password);
      if (!candidates) return failLogin(username, 'password');
      if (!(await openWith(deps, candidates))) return failLogin(username, 'key');
      // Opening resolved any password change a crash had cut short: if the slot this password
      // opened is no longer the user's (a staged change dropped, or a newer one promoted), the
      // password is not the user's password any more.
      const slotNow = vault.findUserSlot(username);
      if (candidates[0].slotKey && slotNow?.publicKey !== candidates[0].slotKey && !(await vault.verifyPassword(username, password))) {
        deps.closeStoreIfIdle();
        return failLogin(username, 'password');
      }
      const { db } = store.get();
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
      if (!row || !toUser(row).active) {
        deps.closeStoreIfIdle();
        return failLogin(username, 'inactive');
      }
      clearFailures(vault, username);
      const now = deps.now();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ last_login_at: now.toISOString() }).where('id', '=', row.id).execute();
        await deps.auditAs(trx, { action: 'session.login', userId: row.id, username, entityType: 'user', entityId: row.id });
      });
      const session: Session = {
        userId: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        language: toUser(row).language,
        locked: false,
        mustChangePassword: row.must_change_password === 1,
        startedAt: now.getTime(),
        lastActivityAt: now.getTime(),
      };
      env.conn.session = session;
      return sessionInfo(deps, session);
    },

    'session.unlock': async ({ password }, env) => {
      const session = env.session;
      assertNotLockedOut(vault, session.username, deps.now());
      if (!(await vault.verifyPassword(session.username, password))) {
        return failLogin(session.username, 'unlock');
      }
      clearFailures(vault, session.username);
      session.locked = false;
      session.lastActivityAt = deps.now().getTime();
      await env.audit(env.db(), { action: 'session.unlock', entityType: 'user', entityId: session.userId });
      return sessionInfo(deps, session);
    },

    'session.lock': async (_input, env) => {
      if (!env.session.locked) {
        env.session.locked = true;
        await env.audit(env.db(), { action: 'session.lock', entityType: 'user', entityId: env.session.userId });
      }
      return { locked: true as const };
    },

    'session.logout': async (_input, env) => {
      await env.audit(env.db(), { action: 'session.logout', entityType: 'user', entityId: env.session.userId });
      endSession(env.conn);
      return { loggedOut: true as const };
    },

    'session.switchUser': async (_input, env) => {
      await env.audit(env.db(), { action: 'session.switchUser', entityType: 'user', entityId: env.session.userId });
      endSession(env.conn);
      return { loggedOut: true as const };
    },

    'session.heartbeat': async (_input, env) => {
      const settings = await deps.settings();
      return { lockAt: new Date(env.session.lastActivityAt + settings.autoLockMinutes * 60_000).toISOString() };
    },

    'session.setLanguage': async ({ language }, env) => {
      await env.tx(async (trx) => {
        await trx.updateTable('users').set({ language }).where('id', '=', env.session.userId).execute();
        await env.audit(trx, { action: 'user.setLanguage', entityType: 'user', entityId: env.session.userId, details: { language } });
      });
      env.session.language = language;
      return sessionInfo(deps, env.session);
    },

    'session.changePassword': async ({ currentPassword, newPassword }, env) => {
      const { session } = env;
      // The same back-off as at the login screen: an unlocked session left alone must not become a
      // free oracle for the user's password.
      assertNotLockedOut(vault, session.username, deps.now());
      if (!(await vault.verifyPassword(session.username, currentPassword))) {
        return failLogin(session.username, 'changePassword');
      }
      clearFailures(vault, session.username);
      // Above all after an administrator set it: keeping the same password keeps it known to them.
      if (newPassword === currentPassword) throw new AppError('PASSWORD_UNCHANGED', 'the new password is the current one');
      assertPasswordPolicy(newPassword, session.username);
      await replacePassword(deps, { id: session.userId, username: session.username }, newPassword, async (trx, changeId) => {
        await trx.updateTable('users').set({ must_change_password: 0 }).where('id', '=', session.userId).execute();
        await env.audit(trx, {
          action: 'user.passwordChange',
          entityType: 'user',
          entityId: session.userId,
          details: { firstSignIn: session.mustChangePassword, changeId },
        });
      });
      session.mustChangePassword = false;
      return { changed: true as const };
    },

    'session.resetWithRecoveryKey': async ({ recoveryKey, username, newPassword }) => {
      await resetPasswordWithRecoveryKey(deps, recoveryKey, { username }, newPassword, { userId: null, username: null });
      return { reset: true as const };
    },
  });
}

export type SessionHandlers = ReturnType<typeof createSessionHandlers>;
export { type Connection };
