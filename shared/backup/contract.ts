// Environment-free. Backups to a chosen folder (a USB drive), their reminder, and restoring one
// into a new office computer from the first-run wizard.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { officeSchema, recoveryKeySchema } from '../session/contract';

const hash64 = z.string().regex(/^[0-9a-f]{64}$/u);

/**
 * manifest.json, written last into each backup folder. Plain text on purpose: it holds no case data,
 * and its audit anchor must be readable without the key (to check a log against it later).
 */
export const backupManifestSchema = z.object({
  format: z.literal('homeward-backup'),
  version: z.literal(1),
  office: officeSchema,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  schemaVersion: z.number().int().min(1),
  database: z.object({ file: z.literal('homeward.db'), bytes: z.number().int().min(0), sha256: hash64 }),
  keySlots: z.object({ file: z.literal('homeward.keys.json'), sha256: hash64 }),
  audit: z.object({ headHash: hash64, count: z.number().int().min(0), at: z.string() }),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** An absolute folder path typed by the administrator (browser mode) or chosen in a dialog. */
export const folderPathSchema = z.string().trim().min(1).max(1024);

export const backupSettingsSchema = z.object({
  folder: z.string().nullable(),
  keep: z.number().int().min(1).max(100),
  reminderDays: z.number().int().min(1).max(365),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupJobSchema = z.object({
  id: z.string(),
  phase: z.enum(['copying', 'verifying', 'done', 'failed']),
  /** 0..1 */
  progress: z.number(),
  bytesDone: z.number(),
  bytesTotal: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  name: z.string().nullable(),
  errorCode: z.string().nullable(),
});
export type BackupJob = z.infer<typeof backupJobSchema>;

export const backupEntrySchema = z.object({
  name: z.string(),
  createdAt: z.string(),
  bytes: z.number(),
  auditCount: z.number().int(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

const reminderSchema = z.object({
  due: z.boolean(),
  lastBackupAt: z.string().nullable(),
  reminderDays: z.number().int(),
});

export const backupChannels = defineChannels({
  'backup.status': {
    access: 'office.manage',
    passive: true,
    input: z.object({}).strict(),
    output: z.object({
      settings: backupSettingsSchema,
      job: backupJobSchema.nullable(),
      lastBackupAt: z.string().nullable(),
      due: z.boolean(),
      /** Complete backups of this office in the folder, newest first (null: no folder or unreadable). */
      backups: z.array(backupEntrySchema).nullable(),
    }),
  },
  'backup.setSettings': {
    access: 'office.manage',
    input: z
      .object({ folder: folderPathSchema.nullable().optional(), keep: z.number().int().min(1).max(100), reminderDays: z.number().int().min(1).max(365) })
      .strict(),
    output: backupSettingsSchema,
  },
  'backup.start': {
    access: 'office.manage',
    input: z.object({ folder: folderPathSchema }).strict(),
    output: backupJobSchema,
  },
  /** For administrators and supervisors (My work, banner); others always get due: false. */
  'backup.reminder': { access: 'session', passive: true, input: z.object({}).strict(), output: reminderSchema },
  /**
   * A native folder dialog where there is one (the desktop app); browser mode answers
   * supported: false and the screen asks for a typed path instead.
   */
  'backup.chooseFolder': {
    access: 'public',
    input: z.object({ purpose: z.enum(['backup', 'restore']) }).strict(),
    output: z.object({ supported: z.boolean(), path: z.string().nullable() }),
  },
  /** First-run wizard only (no office on this computer yet): install a backup with the recovery key. */
  'backup.restore': {
    access: 'public',
    input: z.object({ path: folderPathSchema, recoveryKey: recoveryKeySchema }).strict(),
    output: z.object({ office: officeSchema, createdAt: z.string(), auditCount: z.number().int() }),
  },
});
