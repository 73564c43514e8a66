// Environment-free. Due tasks of a case (a spontaneous return's first tasks) and the reviews of a
// halted case, for My work and the case file. Kept apart from `cases.myWork` on purpose: these are
// set-based queries of their own that the My work page loads beside the rest.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate, shortText } from '../cases/fields';
import { childViewsAbsenceSchema, childViewsFields, refineChildViews } from '../casework/child-views';
import { spontaneousTaskKinds } from './rules';

export * from './rules';

export const dueItemKinds = [...spontaneousTaskKinds, 'halt_review'] as const;
export type DueItemKind = (typeof dueItemKinds)[number];

export const dueItemSchema = z.object({
  caseId: z.string(),
  number: z.string(),
  childName: z.string(),
  kind: z.enum(dueItemKinds),
  dueOn: z.string(),
  overdue: z.boolean(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const caseTaskSchema = z.object({
  kind: z.enum(spontaneousTaskKinds),
  dueOn: z.string(),
  /** Done by its record (an assessment, a plan, a visit) or by hand (the home visit). */
  done: z.boolean(),
  doneOn: z.string().nullable(),
  doneNote: z.string(),
  overdue: z.boolean(),
});
export type CaseTask = z.infer<typeof caseTaskSchema>;

export const reviewParticipantRoles = ['child', 'caregiver', 'relative', 'care_provider', 'case_worker', 'supervisor', 'other'] as const;
export const reviewParticipantSchema = z.object({ role: z.enum(reviewParticipantRoles), name: shortText.default('') }).strict();
export type ReviewParticipant = z.output<typeof reviewParticipantSchema>;

export const haltReviewSchema = z.object({
  id: z.string(),
  reviewedOn: z.string(),
  participants: z.array(reviewParticipantSchema),
  notes: z.string(),
  childViews: z.string(),
  childViewsAbsent: childViewsAbsenceSchema.nullable(),
  nextReviewOn: z.string(),
  recordedByName: z.string().nullable(),
});
export type HaltReview = z.infer<typeof haltReviewSchema>;

export const haltReviewInput = z
  .object({
    caseId: idSchema,
    reviewedOn: isoDate,
    participants: z.array(reviewParticipantSchema).min(1).max(30),
    notes: z.string().trim().min(1).max(10_000),
    ...childViewsFields,
    nextReviewOn: isoDate,
  })
  .strict()
  .superRefine(refineChildViews);
export type HaltReviewInput = z.input<typeof haltReviewInput>;

const caseRef = z.object({ caseId: idSchema }).strict();

export const tasksChannels = defineChannels({
  /** My work: the caller's cases' open tasks and halt reviews, overdue or due soon (oldest first). */
  'tasks.due': { access: 'case.read', input: z.object({}).strict(), output: z.array(dueItemSchema) },
  /** The case file: every task of the case, done or not, and the halt reviews. */
  'tasks.forCase': {
    access: 'case.read',
    input: caseRef,
    output: z.object({ tasks: z.array(caseTaskSchema), haltReviewDue: z.string().nullable(), haltReviews: z.array(haltReviewSchema) }),
  },
  /** Marks the home visit done with its date (the other tasks are done by their own record). */
  'tasks.complete': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, kind: z.enum(spontaneousTaskKinds), doneOn: isoDate, note: z.string().trim().min(1).max(2000) }).strict(),
    output: z.array(caseTaskSchema),
  },
  /** Reviews a halted case: who took part, the child's views (or why not), the next review date. */
  'tasks.reviewHalt': { access: 'case.write', input: haltReviewInput, output: haltReviewSchema },
});
