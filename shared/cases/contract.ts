// Environment-free. The case file: registration (with a duplicate check), the case list, the case
// header and details, assignment, stage moves and halting, the timeline, and "my work".
import { z } from 'zod';
import { approvalItemSchema } from '../approvals/queue';
import { consentGivers, consentMethods } from '../consents/contract';
import { defineChannels } from '../contract/channel';
import { indicatorSelectionSchema } from '../reports/indicators';
import {
  careArrangements,
  documentationStatuses,
  idSchema,
  isoDate,
  photoSchema,
  caseRiskLevels,
  separationReasons,
  sexes,
  shortText,
} from './fields';
import { caseStatuses, caseTabs, haltAlternatives, stages } from './stages';
import { childViewsAbsenceSchema, childViewsFields, refineChildViews } from '../casework/child-views';
import { spontaneousKinds } from '../tasks/rules';
import { fromPaperSchema } from './paper';
// The case list's row lives in its own file so that other features' schemas can embed it without
// importing this contract back (approvals/queue.ts, which My work's output uses).
import { caseRowSchema, prioritySchema, riskLevelSchema, stageSchema } from './row';
export { caseRowSchema, prioritySchema, riskLevelSchema, stageSchema, type CaseRow } from './row';


const nameText = z.string().trim().max(100);

export const childDetailsSchema = z
  .object({
    givenName: nameText.min(1),
    familyName: nameText.default(''),
    otherNames: z.array(nameText.min(1)).max(10).default([]),
    sex: z.enum(sexes),
    dateOfBirth: isoDate.nullable().default(null),
    dateOfBirthEstimated: z.boolean().default(false),
    estimatedAgeYears: z.number().int().min(0).max(25).nullable().default(null),
    languages: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    hasDisability: z.boolean().default(false),
    disabilityNotes: z.string().trim().max(2000).default(''),
    // A field, never a gate: undocumented children get services too.
    documentationStatus: z.enum(documentationStatuses).default('unknown'),
    separationReasons: z.array(z.enum(separationReasons)).min(1).max(separationReasons.length),
    separationReasonOther: z.string().trim().max(500).default(''),
    separationDate: isoDate.nullable().default(null),
    separationPlace: shortText.default(''),
    careArrangement: z.enum(careArrangements).default('unknown'),
    carePlace: shortText.default(''),
    area: z.string().trim().max(100).default(''),
  })
  .strict()
  .refine((c) => c.dateOfBirth !== null || c.estimatedAgeYears !== null, {
    message: 'dateOfBirthOrAge',
    path: ['dateOfBirth'],
  });
export type ChildDetails = z.output<typeof childDetailsSchema>;
export type ChildDetailsInput = z.input<typeof childDetailsSchema>;

export const spontaneousSchema = z
  .object({
    /** How the child came home (G:L277): on their own, an institution closed, released from detention, other. */
    kind: z.enum(spontaneousKinds),
    kindOther: shortText.default(''),
    reunifiedOn: isoDate,
    caregiverNames: shortText.default(''),
    notes: z.string().trim().max(5000).default(''),
  })
  .strict()
  .refine((s) => s.kind !== 'other' || s.kindOther !== '', { path: ['kindOther'], message: 'required' });


const gateRef = z.object({ id: z.string(), tab: z.enum(caseTabs) });

export const caseFileSchema = z.object({
  id: z.string(),
  number: z.string(),
  officeCode: z.string(),
  child: z.object({
    givenName: z.string(),
    familyName: z.string(),
    otherNames: z.array(z.string()),
    sex: z.enum(sexes),
    dateOfBirth: z.string().nullable(),
    dateOfBirthEstimated: z.boolean(),
    estimatedAgeYears: z.number().int().nullable(),
    languages: z.array(z.string()),
    hasDisability: z.boolean(),
    disabilityNotes: z.string(),
    documentationStatus: z.enum(documentationStatuses),
    separationReasons: z.array(z.enum(separationReasons)),
    separationReasonOther: z.string(),
    separationDate: z.string().nullable(),
    separationPlace: z.string(),
    careArrangement: z.enum(careArrangements),
    carePlace: z.string(),
    area: z.string(),
  }),
  ageYears: z.number().int().nullable(),
  hasPhoto: z.boolean(),
  stage: stageSchema,
  status: z.enum(caseStatuses),
  halt: z
    .object({
      alternative: z.enum(haltAlternatives),
      reason: z.string(),
      childViews: z.string(),
      childViewsAbsent: childViewsAbsenceSchema.nullable(),
      haltedAt: z.string(),
      /** When the halted case is next reviewed (every three months by default). */
      reviewDue: z.string().nullable(),
    })
    .nullable(),
  riskLevel: riskLevelSchema,
  priority: prioritySchema,
  spontaneous: z.boolean(),
  spontaneousKind: z.enum(spontaneousKinds).nullable(),
  /** Entered from paper records: the day the paper file began, who marked it and when. */
  paper: z.object({ since: z.string(), markedByName: z.string().nullable(), markedAt: z.string() }).nullable(),
  spontaneousKindOther: z.string(),
  workerId: z.string().nullable(),
  workerName: z.string().nullable(),
  familyWorkerId: z.string().nullable(),
  familyWorkerName: z.string().nullable(),
  registeredAt: z.string(),
  updatedAt: z.string(),
  reviewDue: z.string().nullable(),
  /** Nothing waits forever (G:L170): the day a first plan is due while none is in force, and how
   * long the child has been in alternative care before going home (warned past the office's days). */
  timeliness: z.object({
    planDueBy: z.string().nullable(),
    planOverdue: z.boolean(),
    alternativeCareDays: z.number().int().nullable(),
    alternativeCareWarn: z.boolean(),
  }),
  version: z.number().int(),
  facts: z.record(z.string(), z.union([z.boolean(), z.number(), z.array(z.string())])),
  next: z.object({ to: stageSchema.nullable(), blocked: z.array(gateRef) }),
  canWrite: z.boolean(),
});
export type CaseFile = z.infer<typeof caseFileSchema>;

/**
 * A likely match, shaped by who asks. A case the caller may read comes with the details to compare;
 * a case outside their scope (another worker's child, for a case worker) says only that a match
 * exists — its number, area, worker and how strong the match is — so knowing a name is never a way
 * to read another worker's case. The worker can ask a supervisor to look (cases.flagDuplicate).
 */
export const fullDuplicateMatchSchema = z.object({
  inScope: z.literal(true),
  caseId: z.string(),
  number: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  otherNames: z.array(z.string()),
  sex: z.enum(sexes),
  ageYears: z.number().int().nullable(),
  separationPlace: z.string(),
  area: z.string(),
  workerName: z.string().nullable(),
  score: z.number(),
  reasons: z.array(z.enum(['name', 'otherName', 'soundsAlike', 'age', 'place', 'sex'])),
  /** A closed case: the register form offers to re-open it instead (G:L293). */
  closed: z.boolean(),
});
export const limitedDuplicateMatchSchema = z
  .object({
    inScope: z.literal(false),
    caseId: z.string(),
    number: z.string(),
    area: z.string(),
    workerName: z.string().nullable(),
    score: z.number(),
    closed: z.boolean(),
  })
  .strict();
export const duplicateMatchSchema = z.discriminatedUnion('inScope', [fullDuplicateMatchSchema, limitedDuplicateMatchSchema]);
export type FullDuplicateMatch = z.infer<typeof fullDuplicateMatchSchema>;
export type LimitedDuplicateMatch = z.infer<typeof limitedDuplicateMatchSchema>;

/** What a caller outside the matched case's scope may learn of it. */
export function limitedMatch(match: Omit<FullDuplicateMatch, 'inScope'>): LimitedDuplicateMatch {
  return { inScope: false, caseId: match.caseId, number: match.number, area: match.area, workerName: match.workerName, score: match.score, closed: match.closed };
}
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

/** `relevance` orders a search's matches best first (without a search: recently updated first). */
export const caseSortFields = ['number', 'name', 'registeredAt', 'updatedAt', 'risk', 'reviewDue', 'age', 'relevance'] as const;

export const caseListInput = z
  .object({
    search: z.string().trim().max(100).optional(),
    stages: z.array(stageSchema).max(stages.length).optional(),
    status: z.enum(caseStatuses).optional(),
    workerId: idSchema.optional(),
    riskLevels: z.array(riskLevelSchema).max(caseRiskLevels.length).optional(),
    area: z.string().trim().max(100).optional(),
    overdue: z.boolean().optional(),
    /** Cases with an approval waiting (a submitted BID, a plan in force not yet approved, a gate exception asked for). */
    awaitingApproval: z.boolean().optional(),
    priority: prioritySchema.optional(),
    /** The children behind one number of the M&E dashboard (resolved and scoped in the core). */
    indicator: indicatorSelectionSchema.optional(),
    sort: z
      .object({ by: z.enum(caseSortFields), dir: z.enum(['asc', 'desc']) })
      .default({ by: 'updatedAt', dir: 'desc' }),
    /** Where the previous page ended (its `nextCursor`). Pages by key: any depth costs the same. */
    cursor: z.string().max(400).optional(),
    /** Kept for older callers; the app pages by cursor. */
    offset: z.number().int().min(0).max(100_000).default(0),
    limit: z.number().int().min(1).max(200).default(50),
    /** Count the matches (first page only; later pages never count). Default true. */
    withTotal: z.boolean().optional(),
  })
  .strict();
export type CaseListInput = z.input<typeof caseListInput>;

export const timelineEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  type: z.string(),
  userName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

const caseRef = z.object({ caseId: idSchema }).strict();
const versioned = { caseId: idSchema, version: z.number().int().min(1) };

export const casesChannels = defineChannels({
  'cases.checkDuplicates': {
    access: 'case.write',
    input: z
      .object({
        givenName: nameText.min(1),
        familyName: nameText.default(''),
        otherNames: z.array(nameText.min(1)).max(10).default([]),
        sex: z.enum(sexes).optional(),
        dateOfBirth: isoDate.nullable().optional(),
        estimatedAgeYears: z.number().int().min(0).max(25).nullable().optional(),
        separationPlace: shortText.optional(),
        area: z.string().trim().max(100).optional(),
      })
      .strict(),
    output: z.array(duplicateMatchSchema),
  },
  'cases.register': {
    access: 'case.write',
    input: z
      .object({
        child: childDetailsSchema,
        photo: photoSchema.optional(),
        /** Who agreed to the photo being kept (Pr.4 G:L85); required with a photo, recorded as a consent. */
        photoConsent: z
          .object({ givenBy: z.enum(consentGivers), giverName: shortText.default(''), relationship: shortText.default(''), method: z.enum(consentMethods) })
          .strict()
          .refine((c) => c.givenBy === 'child' || c.giverName !== '', { path: ['giverName'], message: 'required' })
          .optional(),
        riskLevel: riskLevelSchema.default('not_assessed'),
        priority: prioritySchema.default('normal'),
        workerId: idSchema.optional(),
        familyWorkerId: idSchema.nullable().optional(),
        spontaneous: spontaneousSchema.optional(),
        /** Entered from paper records: events may be dated back to the day the paper file began. */
        fromPaper: fromPaperSchema.optional(),
        /** Case ids the worker looked at in the duplicate check and judged to be other children. */
        notDuplicateOf: z.array(idSchema).max(50).default([]),
      })
      .strict(),
    output: caseRowSchema,
  },
  'cases.list': {
    access: 'case.read',
    input: caseListInput,
    // `total` is counted on the first page of a query (no cursor) and null on the pages after it.
    output: z.object({ rows: z.array(caseRowSchema), total: z.number().int().nullable(), nextCursor: z.string().nullable() }),
  },
  'cases.get': { access: 'case.read', input: caseRef, output: caseFileSchema },
  'cases.getPhoto': { access: 'case.read', input: caseRef, output: photoSchema.nullable() },
  'cases.update': {
    access: 'case.write',
    input: z
      .object({
        ...versioned,
        child: childDetailsSchema,
        riskLevel: riskLevelSchema,
        /** Why the level is changed by hand (required when it changes; shared/cases/risk.ts). */
        riskReason: z.string().trim().max(2000).default(''),
        priority: prioritySchema,
      })
      .strict(),
    output: caseFileSchema,
  },
  'cases.setPhoto': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, photo: photoSchema.nullable() }).strict(),
    output: z.object({ hasPhoto: z.boolean() }),
  },
  'cases.assign': {
    access: 'case.assign',
    input: z.object({ caseId: idSchema, workerId: idSchema, familyWorkerId: idSchema.nullable() }).strict(),
    output: caseFileSchema,
  },
  'cases.moveStage': {
    access: 'case.write',
    input: z.object({ ...versioned, to: stageSchema, reason: z.string().trim().max(2000).default('') }).strict(),
    output: caseFileSchema,
  },
  'cases.halt': {
    access: 'case.write',
    input: z
      .object({
        ...versioned,
        alternative: z.enum(haltAlternatives),
        reason: z.string().trim().min(1).max(5000),
        /** Required: the child's views in their own words, or why they could not be given and how
         * the child's wishes were found out instead (G:L76; shared/casework/child-views.ts). */
        ...childViewsFields,
        /** First review of the halted case; three months from today when absent. */
        reviewOn: isoDate.optional(),
      })
      .strict()
      .superRefine(refineChildViews),
    output: caseFileSchema,
  },
  'cases.resume': {
    access: 'case.write',
    input: z.object({ ...versioned, reason: z.string().trim().min(1).max(5000) }).strict(),
    output: caseFileSchema,
  },
  'cases.timeline': {
    access: 'case.read',
    input: z
      .object({ caseId: idSchema, beforeId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(100) })
      .strict(),
    output: z.object({ events: z.array(timelineEventSchema), nextBeforeId: z.number().int().nullable() }),
  },
  'cases.staff': {
    access: 'case.read',
    input: z.object({}).strict(),
    output: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.enum(['caseworker', 'supervisor']) })),
  },
  'cases.areas': {
    access: 'case.read',
    input: z.object({}).strict(),
    output: z.array(z.string()),
  },
  'cases.myWork': {
    access: 'case.read',
    input: z.object({}).strict(),
    output: z.object({
      overdueReviews: z.array(caseRowSchema),
      upcomingReviews: z.array(caseRowSchema),
      plannedContacts: z.array(
        z.object({
          caseId: z.string(),
          number: z.string(),
          childName: z.string(),
          contactId: z.string(),
          kind: z.string(),
          plannedFor: z.string(),
        }),
      ),
      blockedCases: z.array(z.object({ case: caseRowSchema, blocked: z.array(gateRef), to: stageSchema })),
      /** Approvals waiting (oldest first): every case of the office for a supervisor. */
      approvals: z.array(approvalItemSchema),
      /** Actions a case review gave the caller (owner), open, soonest due first. */
      reviewActions: z.array(
        z.object({ actionId: z.string(), caseId: z.string(), number: z.string(), childName: z.string(), text: z.string(), dueOn: z.string(), overdue: z.boolean(), heldOn: z.string() }),
      ),
    }),
  },
});
