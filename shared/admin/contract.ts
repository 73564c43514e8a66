// Environment-free. Office administration: users and roles, settings, key rotation.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import {
  displayNameSchema,
  languageSchema,
  officeSchema,
  passwordSchema,
  recoveryKeySchema,
  roleSchema,
  usernameSchema,
} from '../session/contract';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  language: languageSchema,
  active: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  /** The user has no key slot (lost to a crash or an old slot file): only a reset lets them in. */
  needsPasswordReset: z.boolean().optional(),
});
export type User = z.infer<typeof userSchema>;

export const officeSettingsSchema = z.object({
  office: officeSchema,
  autoLockMinutes: z.number().int().min(1).max(60),
  requireBid: z.boolean(),
});
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

const id = z.string().min(1).max(64);

export const adminChannels = defineChannels({
  'admin.listUsers': { access: 'users.manage', input: z.object({}).strict(), output: z.array(userSchema) },
  'admin.createUser': {
    access: 'users.manage',
    input: z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        role: roleSchema,
        language: languageSchema.optional(),
        password: passwordSchema,
      })
      .strict(),
    output: userSchema,
  },
  'admin.updateUser': {
    access: 'users.manage',
    input: z
      .object({ id, displayName: displayNameSchema.optional(), role: roleSchema.optional(), active: z.boolean().optional() })
      .strict(),
    output: userSchema,
  },
  'admin.removeUser': {
    access: 'users.manage',
    input: z.object({ id }).strict(),
    output: z.object({ removed: z.literal(true), rekeyRecommended: z.boolean() }),
  },
  'admin.resetPassword': {
    access: 'users.manage',
    input: z.object({ id, recoveryKey: recoveryKeySchema, newPassword: passwordSchema }).strict(),
    output: z.object({ reset: z.literal(true) }),
  },
  'admin.getSettings': { access: 'office.manage', input: z.object({}).strict(), output: officeSettingsSchema },
  'admin.updateSettings': {
    access: 'office.manage',
    input: z
      .object({
        office: officeSchema.partial().optional(),
        autoLockMinutes: z.number().int().min(1).max(60).optional(),
        requireBid: z.boolean().optional(),
      })
      .strict(),
    output: officeSettingsSchema,
  },
  'admin.rotateDataKey': {
    access: 'vault.rotate',
    input: z.object({}).strict(),
    output: z.object({ rotatedAt: z.string(), slots: z.number().int() }),
  },
});
