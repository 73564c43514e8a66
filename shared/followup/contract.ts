// Environment-free. The follow-up feature's channels: the office protocol, a case's schedule and
// visits, warning signs, breakdown, outcomes, the well-being chart, a worker's calendar and the
// follow-up part of My work.
import { z } from 'zod';
import { localizedText } from '../assessments/template';
import { careArrangements, idSchema, isoDate } from '../cases/fields';
import { defineChannels } from '../contract/channel';
import { breakdownFields, outcomeFields } from './outcomes';
import { followupContactTypes, followupPerformers, protocolDefinitionSchema, protocolSchema } from './protocol';
import { contactSources } from './schedule';
import { visitFields, visitModes, warningSigns } from './visit';

export * from './outcomes';
export * from './protocol';
export * from './replan';
export * from './schedule';
export * from './visit';

export const contactStatuses = ['planned', 'done', 'cancelled'] as const;

export const plannedContactSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  dueOn: z.string(),
  type: z.enum(followupContactTypes),
  performer: z.enum(followupPerformers),
  source: z.enum(contactSources),
  status: z.enum(contactStatuses),
  overdue: z.boolean(),
  visitId: z.string().nullable(),
  /** Why a supervisor added, moved or cancelled it. */
  reason: z.string().nullable(),
});
export type PlannedContact = z.infer<typeof plannedContactSchema>;

export const warningSignSchema = z.object({
  id: z.string(),
  visitId: z.string(),
  sign: z.enum(warningSigns),
  urgent: z.boolean(),
  note: z.string(),
  observedOn: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type RecordedWarningSign = z.infer<typeof warningSignSchema>;

export const visitSummarySchema = z.object({
  id: z.string(),
  date: z.string(),
  mode: z.enum(visitModes),
  childSpokenWith: z.boolean(),
  warningSigns: z.number().int(),
  urgent: z.boolean(),
  recordedBy: z.string().nullable(),
});

export const visitSchema = visitFields.extend({
  id: z.string(),
  caseId: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  signs: z.array(warningSignSchema),
});
export type MonitoringVisit = z.infer<typeof visitSchema>;

export const breakdownSchema = z.object({
  id: z.string(),
  date: z.string(),
  whatHappened: z.string(),
  whereNow: z.enum(careArrangements),
  wherePlace: z.string(),
  decidedBy: z.string(),
  fromStage: z.string(),
  bidReviewDue: z.string(),
  recordedBy: z.string().nullable(),
});

export const outcomeSchema = outcomeFields.extend({
  id: z.string(),
  result: z.enum(['success', 'not_success', 'unknown']),
  /** Overall well-being at baseline and at the latest re-score before the outcome (1–4). */
  baselineOverall: z.number().nullable(),
  latestOverall: z.number().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});

export const baselineStatuses = ['present', 'missing', 'due', 'overdue'] as const;

export const followupSummarySchema = z.object({
  stage: z.string(),
  /** The day of reunification (or of the spontaneous return); null before it. */
  start: z.string().nullable(),
  spontaneous: z.boolean(),
  schedule: z.array(plannedContactSchema),
  visits: z.array(visitSummarySchema),
  signs: z.array(warningSignSchema),
  lastFaceToFace: z.string().nullable(),
  faceToFaceOverdue: z.boolean(),
  emergencyRouteConfirmed: z.boolean(),
  /** A warning sign stands with no risk assessment made since: the day it became due. */
  riskReassessmentDue: z.string().nullable(),
  baseline: z.object({ status: z.enum(baselineStatuses), date: z.string().nullable(), dueBy: z.string().nullable() }),
  breakdowns: z.array(breakdownSchema),
  outcomes: z.array(outcomeSchema),
  outcomesDue: z.array(z.object({ milestone: z.number().int(), dueOn: z.string(), windowFrom: z.string(), windowTo: z.string(), recorded: z.boolean() })),
  /** The objectives of the plan in force, for the visit form. */
  objectives: z.array(z.object({ id: z.string(), title: z.string() })),
  protocolIsDefault: z.boolean(),
});
export type FollowupSummary = z.infer<typeof followupSummarySchema>;

export const wellbeingChartSchema = z.object({
  factors: z.array(z.object({ id: z.string(), domainId: z.string(), label: localizedText, domainTitle: localizedText })),
  points: z.array(
    z.object({
      assessmentId: z.string(),
      date: z.string(),
      /** Factor id → 1..4 (null: not answered). */
      scores: z.record(z.string(), z.number().nullable()),
      overall: z.number().nullable(),
      templateVersion: z.number().int(),
    }),
  ),
});
export type WellbeingChart = z.infer<typeof wellbeingChartSchema>;

/** A calendar or My work entry: one planned contact of one case. */
export const dueContactSchema = z.object({
  contactId: z.string(),
  caseId: z.string(),
  number: z.string(),
  childName: z.string(),
  dueOn: z.string(),
  type: z.enum(followupContactTypes),
  performer: z.enum(followupPerformers),
  overdue: z.boolean(),
});
export type DueContact = z.infer<typeof dueContactSchema>;

export const urgentCaseSchema = z.object({
  caseId: z.string(),
  number: z.string(),
  childName: z.string(),
  workerId: z.string().nullable(),
  signs: z.array(z.enum(warningSigns)),
  since: z.string(),
});
export type UrgentCase = z.infer<typeof urgentCaseSchema>;

const caseRef = { caseId: idSchema };

/** What re-planning the cases in follow-up changes: the supervisor sees it, then confirms it. */
export const replanCountsSchema = z.object({
  /** Cases in follow-up whose planned contacts change. */
  cases: z.number().int().min(0),
  /** Planned contacts the new protocol replaces (cancelled, kept as history). */
  cancelled: z.number().int().min(0),
  /** Contacts the new protocol plans. */
  added: z.number().int().min(0),
});

export const followupChannels = defineChannels({
  'followup.getProtocol': { access: 'case.read', input: z.object({}).strict(), output: protocolSchema },
  'followup.previewProtocolChange': {
    access: 'case.approve',
    input: z.object({ definition: protocolDefinitionSchema }).strict(),
    output: replanCountsSchema,
  },
  'followup.saveProtocol': {
    access: 'case.approve',
    input: z
      .object({
        definition: protocolDefinitionSchema,
        basedOnVersion: z.number().int().min(0),
        /** The figures the supervisor saw and confirmed (followup.previewProtocolChange); refused when they no longer hold. */
        replan: replanCountsSchema.default({ cases: 0, cancelled: 0, added: 0 }),
      })
      .strict(),
    output: protocolSchema,
  },
  'followup.get': { access: 'case.read', input: z.object(caseRef).strict(), output: followupSummarySchema },
  'followup.getVisit': { access: 'case.read', input: z.object({ ...caseRef, visitId: idSchema }).strict(), output: visitSchema },
  'followup.recordVisit': {
    access: 'case.write',
    input: z.object({ ...caseRef, visit: visitFields }).strict(),
    output: z.object({
      visitId: z.string(),
      urgent: z.boolean(),
      riskReassessmentDue: z.string().nullable(),
      /** Any warning sign: the renderer shows the case's safety plan at once. */
      showSafetyPlan: z.boolean(),
    }),
  },
  'followup.adjustSchedule': {
    access: 'case.approve',
    input: z
      .object({
        ...caseRef,
        action: z.enum(['add', 'move', 'cancel']),
        contactId: idSchema.nullable().default(null),
        dueOn: isoDate.nullable().default(null),
        type: z.enum(followupContactTypes).default('home_visit'),
        performer: z.enum(followupPerformers).default('case_worker'),
        reason: z.string().trim().min(1).max(2000),
      })
      .strict(),
    output: z.array(plannedContactSchema),
  },
  'followup.resolveSign': {
    access: 'case.write',
    input: z.object({ ...caseRef, signId: idSchema, resolution: z.string().trim().min(1).max(5000) }).strict(),
    output: warningSignSchema,
  },
  'followup.recordBreakdown': {
    access: 'case.write',
    input: z.object({ ...caseRef, version: z.number().int().min(1), breakdown: breakdownFields }).strict(),
    output: z.object({
      breakdownId: z.string(),
      bidReviewDue: z.string(),
      /** Where the worker goes next: the case plan's contingency section (G:L158, L274). */
      next: z.object({ tab: z.literal('plan'), section: z.literal('contingency') }),
    }),
  },
  'followup.recordOutcome': { access: 'case.write', input: z.object({ ...caseRef, outcome: outcomeFields }).strict(), output: outcomeSchema },
  'followup.wellbeing': { access: 'case.read', input: z.object(caseRef).strict(), output: wellbeingChartSchema },
  'followup.calendar': {
    access: 'case.read',
    input: z
      .object({
        from: isoDate,
        to: isoDate,
        /** A supervisor may look at another worker's calendar; a case worker sees their own. */
        workerId: idSchema.nullable().default(null),
      })
      .strict(),
    output: z.object({ entries: z.array(dueContactSchema), overdue: z.array(dueContactSchema) }),
  },
  'followup.myWork': {
    access: 'case.read',
    input: z.object({}).strict(),
    output: z.object({
      urgent: z.array(urgentCaseSchema),
      overdue: z.array(dueContactSchema),
      today: z.array(dueContactSchema),
      thisWeek: z.array(dueContactSchema),
      riskReassessments: z.array(z.object({ caseId: z.string(), number: z.string(), childName: z.string(), dueOn: z.string() })),
    }),
  },
});

