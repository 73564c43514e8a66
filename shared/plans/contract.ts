// Environment-free. The plans feature's channels: the case plan, its versions, the family's
// acknowledgement, progress on objectives, three-monthly reviews and a supervisor's approval.
import { z } from 'zod';
import { childViewsAbsenceSchema } from '../casework/child-views';
import { reviewParticipantSchema } from '../tasks/contract';
import { idSchema, imageMimes, isoDate } from '../cases/fields';
import { defineChannels } from '../contract/channel';
import {
  acknowledgementFormSchema,
  acknowledgementMethods,
  objectiveStatuses,
  planContentSchema,
  planVersionStatuses,
  reviewFormSchema,
  wellbeingDomains,
} from './schemas';

export * from './schemas';

export const progressNoteSchema = z.object({
  id: z.string(),
  date: z.string(),
  note: z.string(),
  /** The objective's status after this note, when it changed or was confirmed. */
  status: z.enum(objectiveStatuses).nullable(),
  reviewId: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});
export type ProgressNote = z.infer<typeof progressNoteSchema>;

export const objectiveSchema = z.object({
  id: z.string(),
  key: z.string(),
  domain: z.enum(wellbeingDomains),
  objective: z.string(),
  indicator: z.string(),
  targetDate: z.string(),
  responsible: z.string(),
  resources: z.string(),
  partialSupport: z.object({ what: z.string(), familyShare: z.string() }).nullable(),
  status: z.enum(objectiveStatuses),
  confidential: z.boolean(),
  /** Every progress note on this objective, across versions, newest first. */
  progress: z.array(progressNoteSchema),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const acknowledgementSchema = z.object({
  date: z.string(),
  method: z.enum(acknowledgementMethods),
  familyMembers: z.array(z.object({ name: z.string(), relationship: z.string() })),
  childAcknowledged: z.boolean(),
  witnessName: z.string(),
  witnessRole: z.string(),
  /** The signature or thumbprint image, fetched separately with plans.getAcknowledgementImage. */
  imageMime: z.enum(imageMimes).nullable(),
  notes: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const approvalSchema = z.object({ at: z.string(), byName: z.string().nullable(), notes: z.string() });

export const planVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(planVersionStatuses),
  /** Counts saves of a draft; a save must name the revision it started from. */
  revision: z.number().int(),
  basedOn: z.number().int().nullable(),
  familyOwnership: z.string(),
  contingencyPlan: z.string(),
  guardianship: z.object({
    currentHolder: z.string(),
    returnsTo: z.string(),
    returnsOn: z.string().nullable(),
    notes: z.string(),
  }),
  objectives: z.array(objectiveSchema),
  childViews: z.string(),
  childViewsAbsent: childViewsAbsenceSchema.nullable(),
  acknowledgement: acknowledgementSchema.nullable(),
  approval: approvalSchema.nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  supersededAt: z.string().nullable(),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planVersionSummarySchema = z.object({
  version: z.number().int(),
  status: z.enum(planVersionStatuses),
  createdAt: z.string(),
  acknowledgedOn: z.string().nullable(),
  method: z.enum(acknowledgementMethods).nullable(),
  approved: z.boolean(),
  supersededAt: z.string().nullable(),
});

export const planReviewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  date: z.string(),
  notes: z.string(),
  participants: z.array(reviewParticipantSchema),
  /** Neither the child nor a family member took part: not the three-monthly review with the family. */
  deskReview: z.boolean(),
  childViews: z.string(),
  childViewsAbsent: childViewsAbsenceSchema.nullable(),
  nextDue: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});
export type PlanReview = z.infer<typeof planReviewSchema>;

export const planOverviewSchema = z.object({
  current: planVersionSchema.nullable(),
  draft: planVersionSchema.nullable(),
  versions: z.array(planVersionSummarySchema),
  reviews: z.array(planReviewSchema),
  /** Three months after the last review or acknowledgement; null until a plan is acknowledged. */
  reviewDue: z.string().nullable(),
  overdue: z.boolean(),
});
export type PlanOverview = z.infer<typeof planOverviewSchema>;

const caseRef = { caseId: idSchema };
const versionRef = { caseId: idSchema, version: z.number().int().min(1) };

export const plansChannels = defineChannels({
  'plans.get': {
    access: 'case.read',
    input: z.object(caseRef).strict(),
    output: planOverviewSchema,
  },
  'plans.getVersion': {
    access: 'case.read',
    input: z.object(versionRef).strict(),
    output: planVersionSchema,
  },
  'plans.getAcknowledgementImage': {
    access: 'case.read',
    input: z.object(versionRef).strict(),
    output: z.object({ mime: z.enum(imageMimes), dataBase64: z.string() }).nullable(),
  },
  'plans.saveDraft': {
    access: 'case.write',
    input: z
      .object({
        ...caseRef,
        /** The draft's revision the form started from; null when the form started a new draft. */
        expectedRevision: z.number().int().min(0).nullable(),
        plan: planContentSchema,
      })
      .strict(),
    output: planVersionSchema,
  },
  'plans.discardDraft': {
    access: 'case.write',
    input: z.object({ ...caseRef, expectedRevision: z.number().int().min(0) }).strict(),
    output: z.object({ discarded: z.boolean() }),
  },
  'plans.acknowledge': {
    access: 'case.write',
    input: z.object({ ...versionRef, acknowledgement: acknowledgementFormSchema }).strict(),
    output: z.object({ version: z.number().int(), reviewDue: isoDate }),
  },
  'plans.updateObjective': {
    access: 'case.write',
    input: z
      .object({
        ...caseRef,
        objectiveId: idSchema,
        status: z.enum(objectiveStatuses),
        progress: z.object({ date: isoDate, note: z.string().trim().min(1).max(2000) }).strict().nullable().default(null),
      })
      .strict(),
    output: objectiveSchema,
  },
  'plans.review': {
    access: 'case.write',
    input: reviewFormSchema.extend(caseRef).strict(),
    output: z.object({ reviewId: z.string(), reviewDue: isoDate }),
  },
  'plans.approve': {
    access: 'case.approve',
    input: z.object({ ...versionRef, notes: z.string().trim().max(2000).default('') }).strict(),
    output: planVersionSchema,
  },
});
