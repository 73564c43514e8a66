// Node-only. Backups: settings, a background backup job with progress, the reminder, the folder
// dialog adapter, and restore from the first-run wizard.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import type { BackupJob } from '../../../shared/backup/contract';
import { checkAnchor } from '../audit/anchor';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import type { KeyFile } from '../vault/keyfile';
import { makeBackup, overallProgress } from './backup';
import { checkFolder, listBackups } from './folder';
import { checkBackup, installBackup } from './restore';

const dayMs = 86_400_000;


export function createBackupHandlers(deps: CoreDeps) {
  const { store, vault } = deps;
  let job: BackupJob | null = null;

  async function officeRow(env: HandlerEnv) {
    return env
      .db()
      .selectFrom('office')
      .select(['code', 'backup_keep', 'backup_reminder_days', 'backup_folder'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
  }

  async function lastBackupAt(env: HandlerEnv): Promise<string | null> {
    const row = await env
      .db()
      .selectFrom('audit_log')
      .select(sql<string | null>`max(at)`.as('at'))
      .where('action', '=', 'backup.create')
      .executeTakeFirst();
    return row?.at ?? null;
  }

  const isDue = (last: string | null, days: number, now: Date) => !last || now.getTime() - new Date(last).getTime() > days * dayMs;

  /** A background job's audit entry: through the core's queue, or waiting in the slots if the database closed meanwhile. */
  async function recordJobEvent(actor: { userId: string; username: string }, action: string, details: Record<string, unknown>) {
    await deps.exclusive(async () => {
      const at = deps.now().toISOString();
      if (store.isOpen) {
        await deps.auditAs(store.get().db, { action, userId: actor.userId, username: actor.username, details, at });
      } else {
        vault.update((content) => {
          content.pendingAudit.push({ at, action, username: actor.username, details });
        });
      }
    });
  }

  return defineHandlers({
    'backup.status': async (_input, env) => {
      const office = await officeRow(env);
      const last = await lastBackupAt(env);
      let backups: ReturnType<typeof listBackups> | null = null;
      if (office.backup_folder) {
        try {
          backups = listBackups(office.backup_folder, office.code);
        } catch {
          backups = null; // the drive is not plugged in
        }
      }
      return {
        settings: { folder: office.backup_folder, keep: office.backup_keep, reminderDays: office.backup_reminder_days },
        job,
        lastBackupAt: last,
        due: isDue(last, office.backup_reminder_days, env.now()),
        backups: backups?.map(({ name, createdAt, bytes, auditCount }) => ({ name, createdAt, bytes, auditCount })) ?? null,
      };
    },

    'backup.setSettings': async (input, env) => {
      const folder = input.folder ? checkFolder(input.folder) : input.folder === null ? null : undefined;
      await env.tx(async (trx) => {
        await trx
          .updateTable('office')
          .set({ backup_keep: input.keep, backup_reminder_days: input.reminderDays, ...(folder !== undefined ? { backup_folder: folder } : {}) })
          .where('id', '=', 1)
          .execute();
        await env.audit(trx, { action: 'backup.settings', entityType: 'office', details: { keep: input.keep, reminderDays: input.reminderDays } });
      });
      const office = await officeRow(env);
      return { folder: office.backup_folder, keep: office.backup_keep, reminderDays: office.backup_reminder_days };
    },

    'backup.start': async (input, env) => {
      if (job && (job.phase === 'copying' || job.phase === 'verifying')) throw new AppError('BACKUP_RUNNING', 'a backup is running');
      const folder = checkFolder(input.folder);
      const settings = await deps.settings();
      await env.tx(async (trx) => {
        await trx.updateTable('office').set({ backup_folder: folder }).where('id', '=', 1).execute();
        await env.audit(trx, { action: 'backup.start', entityType: 'office' });
      });
      const { backup_keep: keep } = await officeRow(env);
      // The key and the slots that hold it, taken together now: the copy is opened by exactly these.
      const dataKey = Buffer.from(store.get().dataKey);
      const slots = JSON.parse(JSON.stringify(vault.require())) as KeyFile;
      const actor = { userId: env.session.userId, username: env.session.username };
      const current: BackupJob = {
        id: crypto.randomUUID(),
        phase: 'copying',
        progress: 0,
        bytesDone: 0,
        bytesTotal: 0,
        startedAt: env.now().toISOString(),
        finishedAt: null,
        name: null,
        errorCode: null,
      };
      job = current;
      deps.backgroundJobs.add('backup');
      void makeBackup({
        folder,
        dbFile: store.paths.dbFile,
        dataKey,
        slots,
        office: settings.office,
        createdBy: actor.username,
        keep,
        now: deps.now,
        nativeBinding: deps.nativeBinding,
        liveAnchorCheck: (anchor) => deps.exclusive(async () => (store.isOpen ? checkAnchor(store.get().db, anchor) : 'matches')),
        onProgress({ phase, fraction, bytesDone, bytesTotal }) {
          current.phase = phase;
          current.bytesDone = bytesDone;
          current.bytesTotal = bytesTotal;
          current.progress = overallProgress(phase, fraction);
        },
      })
        .then(async (outcome) => {
          Object.assign(current, { phase: 'done', progress: 1, name: outcome.name, finishedAt: deps.now().toISOString() });
          await recordJobEvent(actor, 'backup.create', {
            name: outcome.name,
            bytes: outcome.manifest.database.bytes,
            auditCount: outcome.manifest.audit.count,
            auditHead: outcome.manifest.audit.headHash,
            rotated: outcome.rotated.length,
          });
        })
        .catch(async (error: unknown) => {
          const code = error instanceof AppError ? error.code : 'BACKUP_FAILED';
          Object.assign(current, { phase: 'failed', errorCode: code, finishedAt: deps.now().toISOString() });
          await recordJobEvent(actor, 'backup.failed', { code }).catch(() => undefined);
        })
        .finally(() => {
          deps.backgroundJobs.delete('backup');
          dataKey.fill(0);
        });
      return { ...current };
    },

    'backup.reminder': async (_input, env) => {
      const office = await officeRow(env);
      if (env.session.role === 'caseworker') return { due: false, lastBackupAt: null, reminderDays: office.backup_reminder_days };
      const last = await lastBackupAt(env);
      return { due: isDue(last, office.backup_reminder_days, env.now()), lastBackupAt: last, reminderDays: office.backup_reminder_days };
    },

    'backup.chooseFolder': async ({ purpose }) => {
      if (!deps.chooseFolder) return { supported: false, path: null };
      return { supported: true, path: await deps.chooseFolder(purpose) };
    },

    'backup.restore': async ({ path: given, recoveryKey }) => {
      if (vault.read() || store.isOpen) throw new AppError('ALREADY_SET_UP', 'this computer already has an office');
      const checked = await checkBackup(given, recoveryKey, deps.nativeBinding);
      try {
        await installBackup(checked, store.paths);
        await store.open([checked.dataKey]);
        await deps.auditAs(store.get().db, {
          action: 'backup.restore',
          details: { createdAt: checked.manifest.createdAt, auditCount: checked.manifest.audit.count, auditHead: checked.manifest.audit.headHash },
        });
      } finally {
        checked.dataKey.fill(0);
        deps.closeStoreIfIdle();
      }
      return { office: checked.manifest.office, createdAt: checked.manifest.createdAt, auditCount: checked.manifest.audit.count };
    },
  });
}
