// Environment-free. Do no harm: a risk assessment with mitigations (its overall level becomes the
// case's risk level), and a safety plan the child knows — whom to contact if harmed or if
// reintegration breaks down. Each save is a new version; earlier ones are kept.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate, longText, riskLevels, shortText, type RiskLevel } from '../cases/fields';

export const riskCategories = [
  'abuse',
  'neglect',
  'exploitation',
  'violence',
  'stigma',
  're_separation',
  'health',
  'other',
] as const;
export type RiskCategory = (typeof riskCategories)[number];

export const riskSchema = z
  .object({
    category: z.enum(riskCategories),
    description: z.string().trim().min(1).max(5000),
    likelihood: z.enum(riskLevels),
    impact: z.enum(riskLevels),
    mitigation: longText.default(''),
    responsible: shortText.default(''),
    dueDate: isoDate.nullable().default(null),
  })
  .strict();
export type Risk = z.output<typeof riskSchema>;
export type RiskInput = z.input<typeof riskSchema>;

const rank: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3 };

/** A risk's rating from likelihood × impact (1–9): high from 6, medium from 3. */
export function riskRating(risk: Pick<Risk, 'likelihood' | 'impact'>): RiskLevel {
  const score = rank[risk.likelihood] * rank[risk.impact];
  return score >= 6 ? 'high' : score >= 3 ? 'medium' : 'low';
}

/** The level the risks suggest (the worst rating); the worker decides the overall level. */
export function suggestedLevel(risks: Pick<Risk, 'likelihood' | 'impact'>[]): RiskLevel {
  return risks.reduce<RiskLevel>((worst, r) => (rank[riskRating(r)] > rank[worst] ? riskRating(r) : worst), 'low');
}

export const riskAssessmentFields = z
  .object({
    date: isoDate,
    risks: z.array(riskSchema).max(50),
    overallLevel: z.enum(riskLevels),
    summary: longText.default(''),
  })
  .strict();

export const riskAssessmentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  number: z.number().int(),
  date: z.string(),
  risks: z.array(riskSchema),
  overallLevel: z.enum(riskLevels),
  summary: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;

export const trustedContactSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    relationship: shortText.default(''),
    phone: z.string().trim().max(40).default(''),
    /** How the child reaches this person (walks to the church, a neighbour's phone…). */
    howToReach: longText.default(''),
  })
  .strict();
export type TrustedContact = z.output<typeof trustedContactSchema>;

export const safetyPlanFields = z
  .object({
    trustedContacts: z.array(trustedContactSchema).min(1).max(20),
    ifHarmed: z.string().trim().min(1).max(10_000),
    ifBreakdown: z.string().trim().min(1).max(10_000),
    emergencyRoute: longText.default(''),
    childKnows: z.boolean(),
    /** When the plan was gone through with the child; needed once the child knows it. */
    reviewedWithChildOn: isoDate.nullable().default(null),
    notes: longText.default(''),
  })
  .strict()
  .refine((p) => !p.childKnows || p.reviewedWithChildOn !== null, {
    message: 'required',
    path: ['reviewedWithChildOn'],
  });

export const safetyPlanSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  number: z.number().int(),
  trustedContacts: z.array(trustedContactSchema),
  ifHarmed: z.string(),
  ifBreakdown: z.string(),
  emergencyRoute: z.string(),
  childKnows: z.boolean(),
  reviewedWithChildOn: z.string().nullable(),
  notes: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;

const versionRef = z.object({ id: z.string(), number: z.number().int(), recordedAt: z.string(), recordedBy: z.string().nullable() });

export const safetyChannels = defineChannels({
  'safety.get': {
    access: 'case.read',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.object({
      riskAssessment: riskAssessmentSchema.nullable(),
      riskHistory: z.array(versionRef.extend({ date: z.string(), overallLevel: z.enum(riskLevels) })),
      safetyPlan: safetyPlanSchema.nullable(),
      safetyPlanHistory: z.array(versionRef.extend({ childKnows: z.boolean() })),
    }),
  },
  'safety.saveRiskAssessment': {
    access: 'case.write',
    input: z
      .object({
        caseId: idSchema,
        /** The version the form started from (0 for the first); a stale form is refused. */
        basedOn: z.number().int().min(0),
        assessment: riskAssessmentFields,
      })
      .strict(),
    output: riskAssessmentSchema,
  },
  'safety.saveSafetyPlan': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, basedOn: z.number().int().min(0), plan: safetyPlanFields }).strict(),
    output: safetyPlanSchema,
  },
});
