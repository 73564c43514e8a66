// Environment-free. Supervision (B2): the caseload view per worker, review sessions that pick cases
// by rule plus a random sample, a review sheet per case, one decision per case with actions that
// have an owner and a due date. Supervision notes stay between the supervisor and the worker: never
// in family views, transfers or exports.
import { z } from 'zod';
import { idSchema, isoDate } from '../cases/fields';
import { caseRowSchema, stageSchema } from '../cases/row';
import { stages } from '../cases/stages';
import { defineChannels } from '../contract/channel';
import { languages } from '../i18n/languages';
import { pdfFileSchema } from '../print/contract';
import { reviewDecisions, sampleReason, selectionRules } from './rules';

const text = (max: number) => z.string().trim().max(max);

export const caseloadRowSchema = z.object({
  workerId: z.string(),
  workerName: z.string(),
  open: z.number().int(),
  byStage: z.record(z.enum(stages), z.number().int()),
  byRisk: z.object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() }),
  overdueReviews: z.number().int(),
  overdueVisits: z.number().int(),
  awaitingApproval: z.number().int(),
  halted: z.number().int(),
  /** Children in alternative care (before reunification) longer than the office's warning setting. */
  longInCare: z.number().int(),
  /** Average days since registration of the cases not yet reunified. */
  averageDaysInCare: z.number().int(),
  warningSigns: z.number().int(),
  spontaneous: z.number().int(),
  openActions: z.number().int(),
  overCaseload: z.boolean(),
});
export type CaseloadRow = z.infer<typeof caseloadRowSchema>;

const reasonSchema = z.enum([...selectionRules, sampleReason]);

export const reviewSessionSummarySchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  kind: z.enum(['supervisor', 'panel']),
  agencies: z.array(z.string()),
  participants: z.string(),
  status: z.enum(['open', 'finished']),
  createdByName: z.string().nullable(),
  cases: z.number().int(),
  decided: z.number().int(),
});

export const reviewActionSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  caseId: z.string(),
  text: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  doneAt: z.string().nullable(),
});
export type ReviewAction = z.infer<typeof reviewActionSchema>;

export const reviewItemSchema = z.object({
  caseId: z.string(),
  position: z.number().int(),
  reasons: z.array(reasonSchema),
  decision: z.enum(reviewDecisions).nullable(),
  /** The supervision note (supervisor and worker only). */
  note: z.string(),
  childConsulted: z.boolean(),
  familyConsulted: z.boolean(),
  countsAsPlanReview: z.boolean(),
  decidedAt: z.string().nullable(),
  case: caseRowSchema,
});

export const reviewSessionSchema = reviewSessionSummarySchema.extend({
  rules: z.array(z.enum(selectionRules)),
  sampleSize: z.number().int(),
  items: z.array(reviewItemSchema),
  actions: z.array(reviewActionSchema),
});
export type ReviewSession = z.infer<typeof reviewSessionSchema>;

/** What a supervisor reads about one case in a session (B2.4): what exists today. */
export const reviewSheetSchema = z.object({
  caseId: z.string(),
  stage: stageSchema,
  daysSinceRegistration: z.number().int(),
  objectives: z.array(z.object({ description: z.string(), status: z.string(), lastProgress: z.string().nullable(), lastProgressOn: z.string().nullable() })),
  planAcknowledgedOn: z.string().nullable(),
  planReviewDue: z.string().nullable(),
  riskAssessedOn: z.string().nullable(),
  riskLevel: z.string(),
  safetyPlanOn: z.string().nullable(),
  /** Well-being scores over time (filled by the follow-up feature's visits; empty until then). */
  wellbeing: z.array(z.object({ date: z.string(), score: z.number() })),
  /** Warning signs still open (from the follow-up feature's visits; empty until then). */
  warningSigns: z.array(z.object({ date: z.string(), sign: z.string(), urgent: z.boolean() })),
  childViews: z.array(z.object({ date: z.string(), source: z.string(), text: z.string() })),
  consents: z.array(z.object({ purposes: z.array(z.string()), givenBy: z.string(), date: z.string() })),
  /** Referrals still open (from the services feature; empty until then). */
  openReferrals: z.array(z.object({ date: z.string(), service: z.string(), status: z.string() })),
  overdue: z.array(z.object({ kind: z.string(), due: z.string() })),
  previousReviews: z.array(z.object({ heldOn: z.string(), decision: z.string().nullable(), countsAsPlanReview: z.boolean() })),
  openActions: z.array(reviewActionSchema),
});
export type ReviewSheet = z.infer<typeof reviewSheetSchema>;

const sessionRef = z.object({ sessionId: idSchema }).strict();

export const reviewChannels = defineChannels({
  /** Caseload per worker (B2.1), for supervisors: set-based counts over the whole office. */
  'review.caseload': {
    access: 'case.approve',
    input: z.object({}).strict(),
    output: z.object({ warnSize: z.number().int(), rows: z.array(caseloadRowSchema) }),
  },
  'review.listSessions': {
    access: 'case.approve',
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(reviewSessionSummarySchema),
  },
  /** Opens a session: cases picked by the chosen rules plus a random sample (B2.6). */
  'review.startSession': {
    access: 'case.approve',
    input: z
      .object({
        heldOn: isoDate,
        kind: z.enum(['supervisor', 'panel']),
        agencies: z.array(text(200).min(1)).max(20).default([]),
        participants: text(2000).default(''),
        rules: z.array(z.enum(selectionRules)).max(selectionRules.length),
        sampleSize: z.number().int().min(0).max(50).default(0),
        workerId: idSchema.optional(),
      })
      .strict()
      .refine((d) => d.kind === 'supervisor' || d.agencies.length > 0, { path: ['agencies'], message: 'required' })
      .refine((d) => d.rules.length > 0 || d.sampleSize > 0, { path: ['rules'], message: 'required' }),
    output: reviewSessionSchema,
  },
  'review.getSession': { access: 'case.approve', input: sessionRef, output: reviewSessionSchema },
  'review.sheet': {
    access: 'case.approve',
    input: z.object({ sessionId: idSchema, caseId: idSchema }).strict(),
    output: reviewSheetSchema,
  },
  /** One decision per case (B2.5); actions have an owner and a due date. */
  'review.decide': {
    access: 'case.approve',
    input: z
      .object({
        sessionId: idSchema,
        caseId: idSchema,
        decision: z.enum(reviewDecisions),
        note: text(5000).default(''),
        childConsulted: z.boolean(),
        familyConsulted: z.boolean(),
        actions: z.array(z.object({ text: text(1000).min(1), ownerId: idSchema, dueOn: isoDate }).strict()).max(20).default([]),
      })
      .strict(),
    output: reviewSessionSchema,
  },
  /** The session's decisions and actions as a PDF, in the chosen language; never the supervision notes. */
  'review.printSummary': {
    access: 'case.approve',
    input: z.object({ sessionId: idSchema, lang: z.enum(languages) }).strict(),
    output: pdfFileSchema,
  },
  'review.finishSession': { access: 'case.approve', input: sessionRef, output: reviewSessionSchema },
  /** The action's owner (or a supervisor) marks it done. */
  'review.completeAction': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, actionId: idSchema }).strict(),
    output: reviewActionSchema,
  },
});
