// Environment-free. The case plan's vocabulary and form schemas, shared by the core (validation)
// and the renderer (react-hook-form). SMART objectives: specific (objective), measurable
// (indicator), time-bound (target date), with someone responsible.
import { z } from 'zod';
import { childViewsAbsenceSchema } from '../casework/child-views';
import { reviewParticipantSchema } from '../tasks/contract';
import { addMonths, base64File, idSchema, imageMimes, isoDate, shortText } from '../cases/fields';

/** Well-being domains: the Child Status Index's six, plus what reintegration programmes add. */
export const wellbeingDomains = [
  'food_nutrition',
  'shelter_care',
  'protection',
  'health',
  'psychosocial',
  'education_skills',
  'family_relationships',
  'community_belonging',
  'economic',
  'legal_documentation',
  'other',
] as const;
export type WellbeingDomain = (typeof wellbeingDomains)[number];

export const objectiveStatuses = ['not_started', 'in_progress', 'achieved', 'not_achieved', 'dropped'] as const;
export type ObjectiveStatus = (typeof objectiveStatuses)[number];

export const acknowledgementMethods = ['signature', 'thumbprint', 'verbal'] as const;
export type AcknowledgementMethod = (typeof acknowledgementMethods)[number];

/** draft: being worked out; current: acknowledged by the family and in force; superseded: kept. */
export const planVersionStatuses = ['draft', 'current', 'superseded'] as const;
export type PlanVersionStatus = (typeof planVersionStatuses)[number];

/** The Guidelines: a case plan is reviewed at least every three months. */
export const REVIEW_INTERVAL_MONTHS = 3;

/** The next review is due three months after the last review or acknowledgement, whichever is later. */
export function planReviewDue(lastReviewOn: string | null, acknowledgedOn: string): string {
  const from = lastReviewOn && lastReviewOn > acknowledgedOn ? lastReviewOn : acknowledgedOn;
  return addMonths(from, REVIEW_INTERVAL_MONTHS);
}

const paragraph = z.string().trim().max(2000);

/** The family pays part of a cost: what for, and how much (an amount or a share, as agreed). */
export const partialSupportSchema = z
  .object({
    what: shortText.min(1),
    familyShare: shortText.min(1),
  })
  .strict();
export type PartialSupport = z.output<typeof partialSupportSchema>;

export const objectiveFormSchema = z
  .object({
    /** Follows an objective from version to version so its progress notes stay with it. */
    key: idSchema.optional(),
    domain: z.enum(wellbeingDomains),
    objective: paragraph.min(1),
    indicator: paragraph.min(1),
    targetDate: isoDate,
    responsible: shortText.min(1),
    resources: paragraph.default(''),
    partialSupport: partialSupportSchema.nullable().default(null),
    status: z.enum(objectiveStatuses).default('not_started'),
    /** Never in the family's copy or a family-facing view (therapy after abuse, HIV care, steps about an abusive member). */
    confidential: z.boolean().default(false),
  })
  .strict();
export type ObjectiveForm = z.input<typeof objectiveFormSchema>;

export const guardianshipSchema = z
  .object({
    /** Who holds legal guardianship now (a person, an institution, the state). */
    currentHolder: shortText.default(''),
    /** To whom it returns, and when (a date if known; the condition in the notes otherwise). */
    returnsTo: shortText.default(''),
    returnsOn: isoDate.nullable().default(null),
    notes: paragraph.default(''),
  })
  .strict();

export const planContentSchema = z
  .object({
    objectives: z.array(objectiveFormSchema).max(100),
    familyOwnership: z.string().trim().max(10_000).default(''),
    contingencyPlan: z.string().trim().max(10_000).default(''),
    guardianship: guardianshipSchema,
    /** The child's views on the plan, in their own words — or why not and how their wishes were found out. */
    childViews: z.string().trim().max(5000).default(''),
    childViewsAbsent: childViewsAbsenceSchema.nullable().default(null),
  })
  .strict();
export type PlanContentInput = z.input<typeof planContentSchema>;
export type PlanContent = z.output<typeof planContentSchema>;

export const familyMemberSchema = z
  .object({
    name: shortText.min(1),
    relationship: shortText.default(''),
  })
  .strict();

const acknowledgementBase = {
  date: isoDate,
  familyMembers: z.array(familyMemberSchema).min(1).max(20),
  childAcknowledged: z.boolean(),
  notes: paragraph.default(''),
};

/** A PNG drawn on screen; the core also checks the bytes really are a PNG. */
export const signatureImageSchema = z.object({ mime: z.literal('image/png'), dataBase64: base64File.min(8) }).strict();
export const thumbprintImageSchema = z.object({ mime: z.enum(imageMimes), dataBase64: base64File.min(8) }).strict();

/** How the family acknowledged the plan: a drawn signature, a thumbprint scan, or words before a witness. */
export const acknowledgementFormSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('signature'), signature: signatureImageSchema, ...acknowledgementBase }).strict(),
  z.object({ method: z.literal('thumbprint'), thumbprint: thumbprintImageSchema, ...acknowledgementBase }).strict(),
  z
    .object({
      method: z.literal('verbal'),
      witnessName: shortText.min(1),
      witnessRole: shortText.default(''),
      ...acknowledgementBase,
    })
    .strict(),
]);
export type AcknowledgementForm = z.input<typeof acknowledgementFormSchema>;

export const objectiveProgressSchema = z
  .object({
    objectiveId: idSchema,
    status: z.enum(objectiveStatuses),
    note: paragraph.default(''),
  })
  .strict();

export const reviewFormSchema = z
  .object({
    date: isoDate,
    notes: z.string().trim().min(1).max(10_000),
    objectivesProgress: z.array(objectiveProgressSchema).max(100).default([]),
    /** Who took part (G:L159, L289): a review without the child and the family (or with nobody
     * listed) counts as a desk review, not the three-monthly review with them. */
    participants: z.array(reviewParticipantSchema).max(30).default([]),
    /** The child's views on the review, in their own words, or why not. */
    childViews: z.string().trim().max(5000).default(''),
    childViewsAbsent: childViewsAbsenceSchema.nullable().default(null),
  })
  .strict();
export type ReviewForm = z.input<typeof reviewFormSchema>;
