// Environment-free. Closure and re-opening (Stage 5, G:L287-293; DOMAIN-REVIEW B1.11, B1.13-15).
import { z } from 'zod';
import { idSchema } from '../cases/fields';
import { stageSchema } from '../cases/row';
import { defineChannels } from '../contract/channel';
import { closureReasons, closureStatuses, missingForClosure, reopenReasons } from './rules';

const text = (max: number) => z.string().trim().max(max);
const rating = z.number().int().min(1).max(3);

export const closureRiskSchema = z
  .object({ risk: text(500).min(1), likelihood: rating, severity: rating, mitigation: text(2000).default('') })
  .strict();

export const closureChecklistSchema = z
  .object({
    /** All observations and notes of the monitoring period were reviewed (G:L288). */
    observationsReviewed: z.boolean(),
    /** Progress against the plan's objectives was considered with the child and family (G:L289). */
    progressReviewed: z.boolean(),
    /** Other providers consulted — teachers, health workers… — and what they said (G:L290). */
    providersConsulted: text(5000),
    /** Remaining risks, each rated likelihood × severity (G:L291). */
    risks: z.array(closureRiskSchema).max(20),
    childViews: text(5000),
    familyViews: text(5000),
  })
  .strict();
export type ClosureChecklistInput = z.input<typeof closureChecklistSchema>;

export const closureSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  status: z.enum(closureStatuses),
  reason: z.enum(closureReasons),
  reasonNote: z.string(),
  checklist: z.object({
    observationsReviewed: z.boolean(),
    progressReviewed: z.boolean(),
    providersConsulted: z.string(),
    risks: z.array(z.object({ risk: z.string(), likelihood: z.number(), severity: z.number(), mitigation: z.string() })),
    childViews: z.string(),
    familyViews: z.string(),
  }),
  recommendedById: z.string().nullable(),
  recommendedByName: z.string().nullable(),
  recommendedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  panelAgencies: z.array(z.string()),
  selfApproved: z.boolean(),
});
export type Closure = z.infer<typeof closureSchema>;

export const reopeningSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  closureId: z.string().nullable(),
  reason: z.enum(reopenReasons),
  note: z.string(),
  stage: z.string(),
  reopenedByName: z.string().nullable(),
  reopenedAt: z.string(),
});
export type Reopening = z.infer<typeof reopeningSchema>;

export const closureChannels = defineChannels({
  /** Every closure recommendation and re-opening of a case, newest first (history is kept). */
  'closure.get': {
    access: 'case.read',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.object({ closures: z.array(closureSchema), reopenings: z.array(reopeningSchema) }),
  },
  /** The worker recommends closure once the checklist is complete (B1.13). */
  'closure.recommend': {
    access: 'case.write',
    input: z
      .object({
        caseId: idSchema,
        version: z.number().int().min(1),
        reason: z.enum(closureReasons),
        reasonNote: text(2000).default(''),
        checklist: closureChecklistSchema,
      })
      .strict()
      .refine((d) => d.reason !== 'other' || d.reasonNote !== '', { path: ['reasonNote'], message: 'required' })
      .superRefine((d, ctx) => {
        for (const key of missingForClosure(d.checklist)) ctx.addIssue({ code: 'custom', path: ['checklist', key], message: 'required' });
      }),
    output: closureSchema,
  },
  'closure.withdraw': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, closureId: idSchema }).strict(),
    output: closureSchema,
  },
  /** A supervisor or an inter-agency panel — never the recommender — approves or returns it with reasons. */
  'closure.decide': {
    access: 'case.approve',
    input: z
      .object({
        caseId: idSchema,
        closureId: idSchema,
        decision: z.enum(['approved', 'returned']),
        note: text(5000).default(''),
        /** Agencies present when an inter-agency case review panel decided (G:L292). */
        panelAgencies: z.array(text(200).min(1)).max(20).default([]),
      })
      .strict()
      .refine((d) => d.decision === 'approved' || d.note !== '', { path: ['note'], message: 'required' }),
    output: closureSchema,
  },
  /** A supervisor re-opens a closed case with a reason; the closure stays on record (G:L293). */
  'closure.reopen': {
    access: 'case.approve',
    input: z
      .object({ caseId: idSchema, reason: z.enum(reopenReasons), note: text(5000).min(1), stage: stageSchema.exclude(['closure']).optional() })
      .strict(),
    output: reopeningSchema,
  },
});
