// Environment-free. Referrals between partner offices (issue 12): a referral to a provider that is a
// trusted partner office leaves as a sealed, signed `.homeward` file (kind "referral") holding only
// the fields the worker chose — the same rows as the printed slip — and the partner answers with
// signed files (kind "referral-response") that move the referral on at the sending office. The
// partner keeps what came in a register of referrals received, never as a case.
import { z } from 'zod';
import { idSchema, isoDate } from '../cases/fields';
import { defineChannels } from '../contract/channel';
import { languages } from '../i18n/languages';
import { categoryKey } from '../services/contract';
import { referralSchema } from './contract';
import { referralFieldKeys } from './fields';
import { referralMoves, referralStatuses, urgencies, type ReferralStatus } from './lifecycle';

/** A referral file is small (at most 16 fields of 2 000 characters): anything much larger is refused unread. */
export const exchangeFileLimitBytes = 1024 * 1024;
const fileBase64 = z
  .string()
  .min(4)
  .max(Math.ceil((exchangeFileLimitBytes * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/u);

export const referralRecordsSchemaName = 'homeward-referral';
export const responseRecordsSchemaName = 'homeward-referral-response';

/** records.json of a referral file: exactly what the slip holds, and what the partner needs to place it. */
export const referralRecordsSchema = z
  .object({
    schema: z.literal(referralRecordsSchemaName),
    schemaVersion: z.literal(1),
    referralId: z.string().min(1).max(100),
    category: categoryKey,
    /** The sending office's names for an office-made category (a built-in one is translated at the partner). */
    categoryLabels: z.partialRecord(z.enum(languages), z.string().max(120)),
    serviceName: z.string().max(200).nullable(),
    urgency: z.enum(urgencies),
    sentOn: isoDate,
    dueOn: isoDate.nullable(),
    referredByName: z.string().max(200),
    fields: z
      .array(z.object({ field: z.enum(referralFieldKeys), value: z.string().max(4100) }).strict())
      .max(referralFieldKeys.length)
      .refine((rows) => new Set(rows.map((r) => r.field)).size === rows.length, { message: 'duplicateField' }),
  })
  .strict();
export type ReferralRecords = z.infer<typeof referralRecordsSchema>;

/** What a partner can answer: the provider's part of the lifecycle (never "no response", the sender's conclusion). */
export const responseStatuses = ['acknowledged', 'accepted', 'declined', 'started', 'completed', 'not_delivered'] as const;
export type ResponseStatus = (typeof responseStatuses)[number];
/** Where a received referral can stand at the partner: as it came ("sent"), then the provider's answers. */
export const receivedStatuses = ['sent', ...responseStatuses] as const;

/**
 * The statuses a referral passes from `from` to reach `to` by allowed moves (the shortest way, never
 * through "no response"), or null when `to` cannot be reached: how an answer that arrives after the
 * ones before it were lost still moves the referral one recorded step at a time.
 */
export function pathTo(from: ReferralStatus, to: ReferralStatus): ReferralStatus[] | null {
  const queue: ReferralStatus[][] = [[from]];
  const seen = new Set<ReferralStatus>([from]);
  while (queue.length > 0) {
    const route = queue.shift()!;
    for (const next of referralMoves[route[route.length - 1]]) {
      if (seen.has(next) || next === 'no_response') continue;
      if (next === to) return [...route.slice(1), next];
      seen.add(next);
      queue.push([...route, next]);
    }
  }
  return null;
}

export const responseRecordsSchema = z
  .object({
    schema: z.literal(responseRecordsSchemaName),
    schemaVersion: z.literal(1),
    referralId: z.string().min(1).max(100),
    /** 1, 2, 3… per referral: an older answer arriving after a newer one is refused. */
    seq: z.number().int().min(1).max(1000),
    status: z.enum(responseStatuses),
    date: isoDate,
    reason: z.string().max(2000),
    outcome: z.string().max(2000),
    respondedByName: z.string().max(200),
    respondedAt: z.iso.datetime(),
  })
  .strict();
export type ResponseRecords = z.infer<typeof responseRecordsSchema>;

export const sealedFileSchema = z.object({ fileName: z.string(), dataBase64: z.string() });
export type SealedFile = z.infer<typeof sealedFileSchema>;

const sender = z.object({ name: z.string(), code: z.string(), country: z.string(), fingerprint: z.string() });
const fieldRow = z.object({ field: z.enum(referralFieldKeys), value: z.string() });

export const receivedReferralSchema = z.object({
  id: z.string(),
  sender,
  category: z.string(),
  categoryLabels: z.partialRecord(z.enum(languages), z.string()),
  serviceName: z.string().nullable(),
  urgency: z.enum(urgencies),
  sentOn: z.string(),
  dueOn: z.string().nullable(),
  referredByName: z.string(),
  fields: z.array(fieldRow),
  status: z.enum(receivedStatuses),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  receivedAt: z.string(),
  version: z.number(),
  responses: z.number(),
  events: z.array(z.object({ at: z.string(), date: z.string(), from: z.string().nullable(), to: z.string(), note: z.string(), byName: z.string().nullable(), seq: z.number().nullable() })),
});
export type ReceivedReferral = z.infer<typeof receivedReferralSchema>;

export const receivedRowSchema = receivedReferralSchema.pick({ id: true, sender: true, category: true, categoryLabels: true, urgency: true, sentOn: true, dueOn: true, status: true, receivedAt: true });
export type ReceivedRow = z.infer<typeof receivedRowSchema>;

const upload = { fileBase64 };

export const referralExchangeChannels = defineChannels({
  /** Sends a referral to a partner office as a sealed file: the same checks as `referrals.send` (consent, fields). */
  'referrals.sendSealed': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, referralId: idSchema, date: isoDate, emergencyReason: z.string().trim().max(2000).nullable().default(null) }).strict(),
    output: z.object({ referral: referralSchema, file: sealedFileSchema }),
  },
  /** The sealed file of a referral sent to a partner, again (audited). */
  'referrals.sealedFile': { access: 'case.read', input: z.object({ caseId: idSchema, referralId: idSchema }).strict(), output: sealedFileSchema },
  /** Applies a partner's response file to the referral it answers (verified, for us, in order, once). */
  'referrals.applyResponse': {
    access: 'case.write',
    input: z.object(upload).strict(),
    output: z.object({ caseId: z.string(), referralId: z.string(), status: z.enum(referralStatuses), moved: z.boolean() }),
  },
  /** At the partner office: verifies and decrypts a referral file and shows what came; writes nothing but the audit entry. */
  'referrals.openReceived': { access: 'case.assign', input: z.object(upload).strict(), output: receivedReferralSchema.omit({ status: true, declineReason: true, outcome: true, receivedAt: true, version: true, responses: true, events: true }) },
  /** Accepts the file into the register of referrals received. */
  'referrals.acceptReceived': { access: 'case.assign', input: z.object(upload).strict(), output: receivedReferralSchema },
  'referrals.receivedList': {
    access: 'case.assign',
    input: z.object({ status: z.enum(receivedStatuses).nullable().default(null) }).strict(),
    output: z.array(receivedRowSchema),
  },
  'referrals.receivedOne': { access: 'case.assign', input: z.object({ id: idSchema }).strict(), output: receivedReferralSchema },
  /** Records the provider's answer and seals it as a response file to the sending office. */
  'referrals.respondReceived': {
    access: 'case.assign',
    input: z
      .object({
        id: idSchema,
        to: z.enum(responseStatuses),
        date: isoDate,
        reason: z.string().trim().max(2000).default(''),
        outcome: z.string().trim().max(2000).default(''),
        version: z.number().int().min(1),
      })
      .strict(),
    output: z.object({ received: receivedReferralSchema, file: sealedFileSchema }),
  },
  /** The latest response file of a received referral, again (audited). */
  'referrals.responseFile': { access: 'case.assign', input: z.object({ id: idSchema }).strict(), output: sealedFileSchema },
});
