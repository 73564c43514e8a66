// Environment-free. Referrals from a case to a provider of the directory: the need (a plan
// objective or an assessment finding), urgency, the fields shared (minimum necessary, B4.6), the
// consent check (B4.5), the lifecycle with dates (B4.7), and what the provider and family said.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate } from '../cases/fields';
import { objectiveStatuses } from '../plans/schemas';
import { pdfFileSchema } from '../print/contract';
import { categoryKey, serviceSchema } from '../services/contract';
import { referralFieldKeys } from './fields';
import { referralStatuses, urgencies } from './lifecycle';

const text = (max: number) => z.string().trim().max(max);
const fieldMap = z.partialRecord(z.enum(referralFieldKeys), text(2000));

export const referralDraftInput = z
  .object({
    id: idSchema.nullable().default(null),
    providerId: idSchema,
    serviceId: idSchema.nullable().default(null),
    category: categoryKey,
    objectiveKey: text(64).nullable().default(null),
    finding: text(1000).default(''),
    need: text(2000).min(1),
    urgency: z.enum(urgencies),
    fields: z.array(z.enum(referralFieldKeys)).max(referralFieldKeys.length),
    /** The worker's own words for each sensitive field chosen. */
    texts: fieldMap.default({}),
    /** Why each sensitive field must go to this provider. */
    reasons: fieldMap.default({}),
  })
  .strict();
export type ReferralDraftInput = z.input<typeof referralDraftInput>;

export const referralEventSchema = z.object({ at: z.string(), date: z.string(), from: z.string().nullable(), to: z.string(), note: z.string(), byName: z.string().nullable() });

export const referralSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  providerLanguage: z.string(),
  /** The provider is a trusted partner office: the referral can go as a sealed file. */
  providerPartner: z.boolean(),
  /** It went as a sealed file (which can be saved again). */
  sealed: z.boolean(),
  serviceId: z.string().nullable(),
  serviceName: z.string().nullable(),
  category: z.string(),
  objectiveKey: z.string().nullable(),
  finding: z.string(),
  need: z.string(),
  urgency: z.enum(urgencies),
  status: z.enum(referralStatuses),
  fields: z.array(z.enum(referralFieldKeys)),
  texts: z.record(z.string(), z.string()),
  reasons: z.record(z.string(), z.string()),
  consentBasis: z.enum(['consent', 'exception', 'emergency']).nullable(),
  emergencyReason: z.string().nullable(),
  sentOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  declineReason: z.string().nullable(),
  outcome: z.string().nullable(),
  providerFeedback: z.string(),
  childView: z.string(),
  familyView: z.string(),
  createdAt: z.string(),
  version: z.number(),
  events: z.array(referralEventSchema),
});
export type Referral = z.infer<typeof referralSchema>;

/** Exactly what would leave the office: each chosen field's label key and value. */
export const slipPreviewSchema = z.object({
  rows: z.array(z.object({ field: z.enum(referralFieldKeys), value: z.string() })),
  consent: z.object({ ok: z.boolean(), reason: z.string().nullable() }),
});
export type SlipPreview = z.infer<typeof slipPreviewSchema>;

export const registerInput = z
  .object({
    status: z.enum(referralStatuses).nullable().default(null),
    providerId: idSchema.nullable().default(null),
    category: categoryKey.nullable().default(null),
    overdueOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

export const registerRowSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  providerName: z.string(),
  category: z.string(),
  urgency: z.enum(urgencies),
  status: z.enum(referralStatuses),
  sentOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  emergencyUnseen: z.boolean(),
});
export type RegisterRow = z.infer<typeof registerRowSchema>;

const ref = { caseId: idSchema, referralId: idSchema };

export const referralsChannels = defineChannels({
  'referrals.list': { access: 'case.read', input: z.object({ caseId: idSchema }).strict(), output: z.array(referralSchema) },
  /** Providers whose services fit the category, the child's area, age, sex and disability. */
  'referrals.suggest': {
    access: 'case.read',
    input: z.object({ caseId: idSchema, category: categoryKey, excludeProviderId: idSchema.nullable().default(null) }).strict(),
    output: z.array(serviceSchema),
  },
  'referrals.saveDraft': { access: 'case.write', input: z.object({ caseId: idSchema, referral: referralDraftInput }).strict(), output: referralSchema },
  'referrals.preview': { access: 'case.read', input: z.object(ref).strict(), output: slipPreviewSchema },
  /** Sends: needs a current referral consent, or an emergency reason (the supervisor is alerted). */
  'referrals.send': {
    access: 'case.write',
    input: z.object({ ...ref, date: isoDate, emergencyReason: text(2000).nullable().default(null) }).strict(),
    output: referralSchema,
  },
  'referrals.move': {
    access: 'case.write',
    input: z
      .object({ ...ref, to: z.enum(referralStatuses), date: isoDate, reason: text(2000).default(''), outcome: text(2000).default(''), version: z.number().int().min(1) })
      .strict(),
    output: referralSchema,
  },
  /** The provider's feedback and the child's and family's view; may update the linked objective. */
  'referrals.feedback': {
    access: 'case.write',
    input: z
      .object({
        ...ref,
        providerFeedback: text(5000).default(''),
        childView: text(5000).default(''),
        familyView: text(5000).default(''),
        objectiveStatus: z.enum(objectiveStatuses).nullable().default(null),
        date: isoDate,
      })
      .strict(),
    output: referralSchema,
  },
  'referrals.register': { access: 'case.read', input: registerInput, output: z.object({ rows: z.array(registerRowSchema), total: z.number() }) },
  /** A supervisor has seen a referral sent without consent on an emergency reason. */
  'referrals.acknowledgeEmergency': { access: 'case.approve', input: z.object(ref).strict(), output: referralSchema },
  /** The slip in the provider's language, holding exactly the chosen fields. */
  'referrals.slip': { access: 'case.read', input: z.object(ref).strict(), output: pdfFileSchema },
  /** My work: referrals of the caller's cases whose response is due within 3 days or overdue, and (supervisors) emergencies not yet seen. */
  'referrals.due': { access: 'case.read', input: z.object({}).strict(), output: z.array(registerRowSchema) },
});
