// Environment-free. Consent and assent: who gave it (the child's assent, or a caregiver's,
// guardian's or someone else's consent), for which purposes, how and when, and its withdrawal.
// A withdrawn consent stays on record; later features ask the core whether consent is active.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate, shortText } from '../cases/fields';

export const consentGivers = ['child', 'caregiver', 'guardian', 'other'] as const;
export type ConsentGiver = (typeof consentGivers)[number];

/**
 * What a consent covers. `referral` is sharing with a service provider; `family_meeting` is
 * presenting the case at a family meeting or conference. Purposes the core checks before acting
 * are in shared/consents/rules.ts.
 */
export const consentPurposes = [
  'assessment',
  'tracing',
  'photo',
  'photo_tracing',
  'information_sharing',
  'referral',
  'transfer',
  'family_meeting',
  'other',
] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const consentMethods = ['written', 'verbal', 'thumbprint', 'signature'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/** The child assents; everyone else consents. */
export const consentKindOf = (givenBy: ConsentGiver): 'assent' | 'consent' => (givenBy === 'child' ? 'assent' : 'consent');

export const consentInput = z
  .object({
    givenBy: z.enum(consentGivers),
    /** The family member who gave it, when they are on the family tab. */
    memberId: idSchema.nullable().default(null),
    giverName: z.string().trim().max(200).default(''),
    relationship: shortText.default(''),
    purposes: z.array(z.enum(consentPurposes)).min(1).max(consentPurposes.length),
    purposeOther: shortText.default(''),
    method: z.enum(consentMethods),
    date: isoDate,
    /** A scan of the signed form among the case's documents. */
    documentId: idSchema.nullable().default(null),
    notes: z.string().trim().max(5000).default(''),
  })
  .strict()
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (new Set(c.purposes).size !== c.purposes.length) issue(['purposes'], 'duplicate');
    if (c.purposes.includes('other') && c.purposeOther === '') issue(['purposeOther'], 'required');
    if (c.givenBy !== 'child') {
      if (c.giverName === '' && c.memberId === null) issue(['giverName'], 'required');
      if (c.relationship === '' && c.memberId === null) issue(['relationship'], 'required');
    } else if (c.memberId !== null) {
      issue(['memberId'], 'childIsNotMember');
    }
  });
export type ConsentInput = z.input<typeof consentInput>;
export type ConsentValues = z.output<typeof consentInput>;

/** What the withdrawal form sends: the day consent was withdrawn, and why. */
export const consentWithdrawalInput = z
  .object({ date: isoDate, reason: z.string().trim().min(1).max(2000) })
  .strict();
export type ConsentWithdrawalInput = z.input<typeof consentWithdrawalInput>;

export const consentSchema = z.object({
  id: z.string(),
  kind: z.enum(['assent', 'consent']),
  givenBy: z.enum(consentGivers),
  memberId: z.string().nullable(),
  giverName: z.string(),
  relationship: z.string(),
  purposes: z.array(z.enum(consentPurposes)),
  purposeOther: z.string(),
  method: z.enum(consentMethods),
  date: z.string(),
  documentId: z.string().nullable(),
  /** The linked document's title, or null when there is none or it was removed. */
  documentTitle: z.string().nullable(),
  notes: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  withdrawal: z
    .object({ date: z.string(), reason: z.string(), recordedAt: z.string(), recordedByName: z.string().nullable() })
    .nullable(),
  active: z.boolean(),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentsChannels = defineChannels({
  'consents.list': {
    access: 'case.read',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.array(consentSchema),
  },
  'consents.record': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, consent: consentInput }).strict(),
    output: consentSchema,
  },
  /** Withdrawal is recorded, never a deletion: what was shared while consent held stays explained. */
  'consents.withdraw': {
    access: 'case.write',
    input: consentWithdrawalInput.extend({ caseId: idSchema, consentId: idSchema }).strict(),
    output: consentSchema,
  },
});
