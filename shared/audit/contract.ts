// Environment-free. The tamper-evident audit log: list with filters, verify the hash chain.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditChainStatusSchema = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  brokenAtId: z.number().int().nullable(),
  problem: z.enum(['edited', 'deleted', 'truncated']).nullable(),
});
export type AuditChainStatus = z.infer<typeof auditChainStatusSchema>;

/** What verify found in the case data (see electron/core/audit/state.ts for the tables covered). */
export const auditRecordsStatusSchema = z.object({
  checked: z.number().int(),
  changed: z.array(z.object({ caseId: z.string(), auditId: z.number().int() })),
  changedCount: z.number().int(),
  unanchored: z.number().int(),
});

export const auditVerifySchema = auditChainStatusSchema.extend({
  /**
   * The case data as the last full check (`audit.verifyFull`, in a worker thread) found it, or null
   * when none has finished since the app started: hashing every case's rows takes seconds on a
   * large office, too long for a call the app waits on.
   */
  records: auditRecordsStatusSchema.nullable(),
  /** When the snapshot behind `records` was taken. */
  recordsCheckedAt: z.string().nullable(),
  /** How often the append-only triggers were found missing or altered when the database opened. */
  schemaRepairs: z.number().int(),
});
export type AuditVerifyStatus = z.infer<typeof auditVerifySchema>;

const hash64 = z.string().regex(/^[0-9a-f]{64}$/u);

/** The chain's head at one moment: what backups, receipts and printed summaries carry. */
export const auditAnchorSchema = z.object({ headHash: hash64, count: z.number().int().min(0), at: z.string() });
export type AuditAnchorWire = z.infer<typeof auditAnchorSchema>;

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const auditChannels = defineChannels({
  'audit.list': {
    access: 'audit.read',
    input: z
      .object({
        userId: z.string().max(64).optional(),
        action: z.string().max(64).optional(),
        entityType: z.string().max(64).optional(),
        entityId: z.string().max(64).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        beforeId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntrySchema), nextBeforeId: z.number().int().nullable() }),
  },
  /** Incremental: checks the entries added since the last verified one (`fromId`; absent: from the start). */
  'audit.verify': {
    access: 'audit.read',
    input: z.object({}).strict(),
    output: auditVerifySchema.extend({ fromId: z.number().int().optional() }),
  },
  /** The whole chain and the case data, in the background: starts a check (`start`) and/or reports its progress. */
  'audit.verifyFull': {
    access: 'audit.read',
    input: z.object({ start: z.boolean().default(false) }).strict(),
    output: z.object({
      state: z.enum(['idle', 'running', 'done', 'failed']),
      /** The chain first, then the case data (rows of the covered tables). */
      phase: z.enum(['chain', 'records']).nullable(),
      checked: z.number().int(),
      total: z.number().int(),
      recordsChecked: z.number().int(),
      recordsTotal: z.number().int(),
      result: auditChainStatusSchema.nullable(),
      records: auditRecordsStatusSchema.nullable(),
    }),
  },
  'audit.anchor': { access: 'audit.read', input: z.object({}).strict(), output: auditAnchorSchema },
  'audit.verifyAnchor': {
    access: 'audit.read',
    input: z
      .object({ headHash: hash64, count: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), at: z.string().max(64).optional() })
      .strict(),
    output: z.object({ result: z.enum(['matches', 'missing', 'different']), chain: auditChainStatusSchema }),
  },
});
