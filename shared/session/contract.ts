// Environment-free. The session feature: first-run setup, login, lock, switch user, recovery.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { languages } from '../i18n/languages';
import { permissions, roles } from '../permissions';

export const languageSchema = z.enum(languages);
export const roleSchema = z.enum(roles);
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/u, { message: 'username' });
export const passwordSchema = z.string().min(1).max(256);
export const displayNameSchema = z.string().trim().min(1).max(120);

export const officeSchema = z.object({
  name: z.string().trim().min(2).max(120),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,12}$/u),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/u),
  defaultLanguage: languageSchema,
});
export type Office = z.infer<typeof officeSchema>;

export const sessionInfoSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  permissions: z.array(z.enum(permissions)),
  language: languageSchema,
  locked: z.boolean(),
  autoLockMinutes: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const recoveryKeySchema = z
  .string()
  .trim()
  .max(200);

const empty = z.object({}).strict();

/** Office-wide work that locks the office while it runs (every screen shows why and how far). */
export const maintenanceSchema = z.object({
  kind: z.enum(['keyRotation']),
  percent: z.number().int().min(0).max(100),
  startedAt: z.string(),
});
export type Maintenance = z.infer<typeof maintenanceSchema>;

export const sessionChannels = defineChannels({
  'session.status': {
    access: 'public',
    passive: true,
    input: empty,
    output: z.object({
      setupRequired: z.boolean(),
      office: officeSchema.nullable(),
      session: sessionInfoSchema.nullable(),
      /** Absent when no maintenance runs. */
      maintenance: maintenanceSchema.nullable().optional(),
    }),
  },
  'session.setupOffice': {
    access: 'public',
    input: z
      .object({
        office: officeSchema,
        admin: z.object({ username: usernameSchema, displayName: displayNameSchema, password: passwordSchema }),
      })
      .strict(),
    output: z.object({ recoveryKey: z.string() }),
  },
  'session.login': {
    access: 'public',
    input: z.object({ username: usernameSchema, password: passwordSchema }).strict(),
    output: sessionInfoSchema,
  },
  'session.unlock': {
    access: 'sessionOrLocked',
    input: z.object({ password: passwordSchema }).strict(),
    output: sessionInfoSchema,
  },
  'session.lock': { access: 'sessionOrLocked', input: empty, output: z.object({ locked: z.literal(true) }) },
  'session.logout': { access: 'sessionOrLocked', input: empty, output: z.object({ loggedOut: z.literal(true) }) },
  'session.switchUser': {
    access: 'sessionOrLocked',
    input: empty,
    output: z.object({ loggedOut: z.literal(true) }),
  },
  'session.heartbeat': { access: 'session', input: empty, output: z.object({ lockAt: z.string() }) },
  'session.setLanguage': {
    access: 'session',
    input: z.object({ language: languageSchema }).strict(),
    output: sessionInfoSchema,
  },
  'session.changePassword': {
    access: 'session',
    input: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict(),
    output: z.object({ changed: z.literal(true) }),
  },
  'session.resetWithRecoveryKey': {
    access: 'public',
    input: z
      .object({ recoveryKey: recoveryKeySchema, username: usernameSchema, newPassword: passwordSchema })
      .strict(),
    output: z.object({ reset: z.literal(true) }),
  },
});
