// Environment-free. The contact log on the Guidelines' ladder — remote contact, short face-to-face
// meetings, supervised home visits, then unsupervised home visits (only after a supervised one
// succeeded) — plus contact with siblings living elsewhere, and refusals by the family or the child
// (recorded, never overridden: the worker turns to the contingency plan).
import { z } from 'zod';
import { idSchema, isoDate, shortText } from '../cases/fields';
import { defineChannels } from '../contract/channel';
import { contactKinds, contactModes, contactOutcomes, contactStatuses, ladderRungs, refusalParties, remoteModes } from './ladder';

export * from './ladder';

const mediumText = z.string().trim().max(5000);

/** What a contact is, whether planned or held. */
const contactShape = {
  kind: z.enum(contactKinds),
  /** How a remote contact (or a sibling contact) happens; face-to-face rungs have none. */
  mode: z.enum(contactModes).nullable().default(null),
  /** With whom: the family members or the sibling, in the worker's words. */
  withWhom: shortText.min(1),
  /** Optional link to a family member of the case's family network. */
  familyMemberId: idSchema.nullable().default(null),
  place: shortText.default(''),
  /** Planned or actual length; unsupervised home visits can last days. */
  durationMinutes: z.number().int().min(1).max(60 * 24 * 60).nullable().default(null),
};

type ModeCheck = { kind: (typeof contactKinds)[number]; mode: (typeof contactModes)[number] | null };

/** A remote contact needs a remote mode, a sibling contact any mode, a face-to-face rung none. */
function checkMode(value: ModeCheck, ctx: z.RefinementCtx): void {
  if (value.kind === 'remote_contact' && (value.mode === null || !(remoteModes as readonly string[]).includes(value.mode))) {
    ctx.addIssue({ code: 'custom', path: ['mode'], message: 'modeRequired' });
  } else if (value.kind === 'sibling_contact' && value.mode === null) {
    ctx.addIssue({ code: 'custom', path: ['mode'], message: 'modeRequired' });
  } else if (value.kind !== 'remote_contact' && value.kind !== 'sibling_contact' && value.mode !== null && value.mode !== 'in_person') {
    ctx.addIssue({ code: 'custom', path: ['mode'], message: 'modeNotApplicable' });
  }
}

export const heldDetailsShape = {
  heldOn: isoDate,
  outcome: z.enum(contactOutcomes),
  /** The child's feedback, in the child's own words. */
  childFeedback: mediumText.default(''),
  familyFeedback: mediumText.default(''),
  observations: mediumText.default(''),
  concerns: mediumText.default(''),
};

export const planContactSchema = z
  .object({ ...contactShape, plannedFor: isoDate, purpose: mediumText.default('') })
  .strict()
  .superRefine(checkMode);
export type PlanContactValues = z.input<typeof planContactSchema>;

export const recordContactSchema = z
  .object({ ...contactShape, ...heldDetailsShape })
  .strict()
  .superRefine(checkMode);
export type RecordContactValues = z.input<typeof recordContactSchema>;

export const refusalSchema = z
  .object({
    refusedOn: isoDate,
    refusedBy: z.enum(refusalParties),
    /** Who in the family refused (names or relationships); empty when only the child refused. */
    who: shortText.default(''),
    reasons: mediumText.min(1),
    /** The child's views, in their own words. */
    childViews: mediumText.default(''),
    contactId: idSchema.nullable().default(null),
    /** Cancel the contacts still planned, since they will not happen as planned. */
    cancelPlanned: z.boolean().default(false),
  })
  .strict();
export type RefusalValues = z.input<typeof refusalSchema>;

export const contactSchema = z.object({
  id: z.string(),
  kind: z.enum(contactKinds),
  mode: z.enum(contactModes).nullable(),
  withWhom: z.string(),
  familyMemberId: z.string().nullable(),
  place: z.string(),
  status: z.enum(contactStatuses),
  plannedFor: z.string().nullable(),
  purpose: z.string(),
  heldOn: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  outcome: z.enum(contactOutcomes).nullable(),
  childFeedback: z.string(),
  familyFeedback: z.string(),
  observations: z.string(),
  concerns: z.string(),
  cancelReason: z.string(),
  cancelledAt: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof contactSchema>;

export const ladderProgressSchema = z.object({
  /** The highest rung held with a successful outcome, or null. */
  highestSuccessful: z.enum(ladderRungs).nullable(),
  rungs: z.array(
    z.object({
      rung: z.enum(ladderRungs),
      planned: z.number().int(),
      held: z.number().int(),
      successful: z.number().int(),
    }),
  ),
  /** An unsupervised home visit may be planned or recorded (a supervised one succeeded). */
  unsupervisedAllowed: z.boolean(),
  siblingContacts: z.number().int(),
});
export type LadderProgress = z.infer<typeof ladderProgressSchema>;

export const refusalRecordSchema = z.object({
  id: z.string(),
  refusedOn: z.string(),
  refusedBy: z.enum(refusalParties),
  who: z.string(),
  reasons: z.string(),
  childViews: z.string(),
  contactId: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Refusal = z.infer<typeof refusalRecordSchema>;

const caseRef = z.object({ caseId: idSchema }).strict();

export const contactsChannels = defineChannels({
  'contacts.list': {
    access: 'case.read',
    input: caseRef,
    output: z.object({ contacts: z.array(contactSchema), ladder: ladderProgressSchema, refusals: z.number().int() }),
  },
  'contacts.plan': {
    access: 'case.write',
    input: z
      .object({ caseId: idSchema, ...contactShape, plannedFor: isoDate, purpose: mediumText.default('') })
      .strict()
      .superRefine(checkMode),
    output: contactSchema,
  },
  /** Records a held contact: a new one, or a planned one now held (contactId), or a correction. */
  'contacts.record': {
    access: 'case.write',
    input: z
      .object({
        caseId: idSchema,
        contactId: idSchema.optional(),
        version: z.number().int().min(1).optional(),
        ...contactShape,
        ...heldDetailsShape,
      })
      .strict()
      .superRefine(checkMode),
    output: contactSchema,
  },
  'contacts.cancel': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, contactId: idSchema, reason: z.string().trim().min(1).max(2000) }).strict(),
    output: contactSchema,
  },
  'contacts.recordRefusal': {
    access: 'case.write',
    input: z.object({ caseId: idSchema }).extend(refusalSchema.shape).strict(),
    output: z.object({
      refusal: refusalRecordSchema,
      cancelledContacts: z.number().int(),
      /** Where the worker goes next: the case plan's contingency section. */
      next: z.object({ tab: z.literal('plan'), section: z.literal('contingency') }),
    }),
  },
  'contacts.listRefusals': {
    access: 'case.read',
    input: caseRef,
    output: z.array(refusalRecordSchema),
  },
});
