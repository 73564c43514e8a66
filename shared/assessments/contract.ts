// Environment-free. Assessments of a case (child, family, community, well-being) made with
// templates stored as data, and the templates themselves (supervisors adapt them; every save is a
// new version and old versions stay, so completed assessments stay comparable).
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { childViewsAbsenceSchema } from '../casework/child-views';
import { idSchema, isoDate, longText, shortText } from '../cases/fields';
import {
  answersSchema,
  assessmentKinds,
  localizedText,
  templateDefinitionSchema,
  templateKey,
} from './template';

export * from './template';

export const assessmentStatuses = ['draft', 'completed'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

/** Whose perspective an assessment draws on (the Guidelines ask for a range of them). */
export const participantRoles = [
  'child',
  'mother',
  'father',
  'caregiver',
  'sibling',
  'relative',
  'teacher',
  'community_member',
  'religious_leader',
  'social_worker',
  'health_worker',
  'other',
] as const;

export const participantSchema = z
  .object({
    role: z.enum(participantRoles),
    name: shortText.default(''),
    /** What this person said, in brief. */
    perspective: longText.default(''),
  })
  .strict();
export type Participant = z.output<typeof participantSchema>;

export const templateSchema = z.object({
  key: z.string(),
  kind: z.enum(assessmentKinds),
  version: z.number().int(),
  title: localizedText,
  definition: templateDefinitionSchema,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  latest: z.boolean(),
});
export type AssessmentTemplate = z.infer<typeof templateSchema>;

const domainScoreSchema = z.object({ mean: z.number().nullable(), answered: z.number().int(), total: z.number().int() });
export const scoresSchema = z.object({ domains: z.record(z.string(), domainScoreSchema), overall: z.number().nullable() });

export const assessmentSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(assessmentKinds),
  templateKey: z.string(),
  templateVersion: z.number().int(),
  title: localizedText,
  date: z.string(),
  status: z.enum(assessmentStatuses),
  scores: scoresSchema,
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  version: z.number().int(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentSchema = assessmentSummarySchema.extend({
  participants: z.array(participantSchema),
  answers: answersSchema,
  childViews: z.string(),
  childViewsAbsent: childViewsAbsenceSchema.nullable(),
  summary: z.string(),
  recordedBy: z.string().nullable(),
  completedBy: z.string().nullable(),
  template: templateSchema,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentSaveInput = z
  .object({
    caseId: idSchema,
    /** Absent for a new assessment; present (with its version) to change a draft. */
    assessmentId: idSchema.optional(),
    version: z.number().int().min(1).optional(),
    templateKey,
    templateVersion: z.number().int().min(1),
    date: isoDate,
    participants: z.array(participantSchema).max(30).default([]),
    answers: answersSchema.default({}),
    /** The child's views, in the child's own words. */
    childViews: longText.default(''),
    /** Why the child could not give views, and how their wishes were found out instead. */
    childViewsAbsent: childViewsAbsenceSchema.nullable().default(null),
    /** The worker's overall analysis. */
    summary: longText.default(''),
    complete: z.boolean().default(false),
  })
  .strict();
export type AssessmentSaveInput = z.input<typeof assessmentSaveInput>;

export const wellbeingHistorySchema = z.object({
  /** Domains in the order of the latest template version used, with their titles. */
  domains: z.array(z.object({ id: z.string(), title: localizedText })),
  points: z.array(
    z.object({
      assessmentId: z.string(),
      date: z.string(),
      templateKey: z.string(),
      templateVersion: z.number().int(),
      domains: z.record(z.string(), z.number().nullable()),
      overall: z.number().nullable(),
      /** Each factor's own score (shared/assessments/wellbeing.ts): never hidden by its domain's average. */
      factors: z.record(z.string(), z.number().nullable()),
      /** Factors scored 1–2: flagged whatever the averages say. */
      lowFactors: z.array(z.string()),
      /** Comparability key: only points with the same key are charted or compared together. */
      formKey: z.string(),
    }),
  ),
});
export type WellbeingHistory = z.infer<typeof wellbeingHistorySchema>;

const caseRef = { caseId: idSchema };

export const assessmentsChannels = defineChannels({
  'assessments.templates': {
    access: 'case.read',
    input: z
      .object({ kind: z.enum(assessmentKinds).optional(), allVersions: z.boolean().default(false) })
      .strict(),
    output: z.array(templateSchema),
  },
  'assessments.saveTemplate': {
    access: 'case.approve',
    input: z
      .object({
        key: templateKey,
        kind: z.enum(assessmentKinds),
        title: localizedText,
        definition: templateDefinitionSchema,
        /** The version the edit started from; absent for a new template. A stale edit is refused. */
        basedOnVersion: z.number().int().min(1).optional(),
      })
      .strict(),
    output: templateSchema,
  },
  'assessments.list': {
    access: 'case.read',
    input: z.object({ ...caseRef, kind: z.enum(assessmentKinds).optional() }).strict(),
    output: z.array(assessmentSummarySchema),
  },
  'assessments.get': {
    access: 'case.read',
    input: z.object({ ...caseRef, assessmentId: idSchema }).strict(),
    output: assessmentSchema,
  },
  'assessments.save': {
    access: 'case.write',
    input: assessmentSaveInput,
    output: assessmentSchema,
  },
  'assessments.wellbeingHistory': {
    access: 'case.read',
    input: z.object(caseRef).strict(),
    output: wellbeingHistorySchema,
  },
});
