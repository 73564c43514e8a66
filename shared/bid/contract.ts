// Environment-free. Best Interests Determination: a panel where each member gives a view and a
// recommendation, the options considered, the child's views in their own words, a decision with
// reasons; submitted by the worker and approved (or returned) by a supervisor.
import { z } from 'zod';
import { childViewsAbsenceSchema, childViewsProblem } from '../casework/child-views';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate, longText, shortText } from '../cases/fields';

export const bidDecisions = [
  'reintegration_with_family',
  'kinship_care',
  'foster_care',
  'other_family_based_care',
  'supervised_independent_living',
  'adoption',
  'kafalah',
  'other',
] as const;
export type BidDecision = (typeof bidDecisions)[number];

/**
 * Decisions that are reintegration (G:L33, L123): return to the parents, or to extended family or
 * kin traced by the worker. Both lead on through the stages; the others halt reintegration.
 */
export const reintegrationDecisions: readonly BidDecision[] = ['reintegration_with_family', 'kinship_care'];

export const bidStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export type BidStatus = (typeof bidStatuses)[number];

/** Statuses in which the worker may still change the record. */
export const editableBidStatuses: readonly BidStatus[] = ['draft', 'returned'];

export const panelMemberSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: shortText.default(''),
    agency: shortText.default(''),
    view: longText.default(''),
    recommendation: z.enum(bidDecisions).nullable().default(null),
  })
  .strict();
export type PanelMember = z.output<typeof panelMemberSchema>;

export const optionConsideredSchema = z
  .object({
    option: z.enum(bidDecisions),
    /** Why it would or would not serve the child. */
    assessment: longText.default(''),
  })
  .strict();

/** A draft may be incomplete; submitting checks what a decision needs (see `bidMissing`). */
export const bidFields = z
  .object({
    date: isoDate,
    panel: z.array(panelMemberSchema).max(20).default([]),
    optionsConsidered: z.array(optionConsideredSchema).max(bidDecisions.length).default([]),
    childViews: longText.default(''),
    /** Why the child could not give views, and how their wishes were found out (G:L76, L205-208). */
    childViewsAbsent: childViewsAbsenceSchema.nullable().default(null),
    decision: z.enum(bidDecisions).nullable().default(null),
    decisionOther: shortText.default(''),
    reasons: longText.default(''),
  })
  .strict();
export type BidFields = z.output<typeof bidFields>;
export type BidFieldsInput = z.input<typeof bidFields>;

/** What a BID lacks before it can be submitted, as validation issues. */
export function bidMissing(bid: BidFields): { path: (string | number)[]; code: string; message: string }[] {
  const issues: { path: (string | number)[]; code: string; message: string }[] = [];
  const need = (ok: boolean, path: (string | number)[], code = 'required') => {
    if (!ok) issues.push({ path, code, message: code });
  };
  need(bid.panel.length > 0, ['panel'], 'panelEmpty');
  const views = childViewsProblem(bid.childViews, bid.childViewsAbsent);
  need(views === null, ['childViews'], views ?? 'required');
  need(bid.decision !== null, ['decision']);
  need(bid.decision !== 'other' || bid.decisionOther.trim().length > 0, ['decisionOther']);
  need(bid.reasons.trim().length > 0, ['reasons']);
  return issues;
}

export const bidSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  status: z.enum(bidStatuses),
  date: z.string(),
  panel: z.array(panelMemberSchema),
  optionsConsidered: z.array(optionConsideredSchema),
  childViews: z.string(),
  childViewsAbsent: childViewsAbsenceSchema.nullable(),
  decision: z.enum(bidDecisions).nullable(),
  decisionOther: z.string(),
  reasons: z.string(),
  /** The supervisor's comment on approval or return. */
  reviewComment: z.string(),
  recordedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Bid = z.infer<typeof bidSchema>;

export const bidSummarySchema = bidSchema.pick({
  id: true,
  caseId: true,
  status: true,
  date: true,
  decision: true,
  submittedAt: true,
  decidedAt: true,
  decidedBy: true,
  updatedAt: true,
  version: true,
});
export type BidSummary = z.infer<typeof bidSummarySchema>;

const bidRef = { caseId: idSchema, bidId: idSchema, version: z.number().int().min(1) };

export const bidChannels = defineChannels({
  'bid.list': {
    access: 'case.read',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.array(bidSummarySchema),
  },
  'bid.get': {
    access: 'case.read',
    input: z.object({ caseId: idSchema, bidId: idSchema }).strict(),
    output: bidSchema,
  },
  'bid.save': {
    access: 'case.write',
    input: z
      .object({
        caseId: idSchema,
        /** Absent to start a new BID (none may be open); with its version to change one. */
        bidId: idSchema.optional(),
        version: z.number().int().min(1).optional(),
        bid: bidFields,
      })
      .strict(),
    output: bidSchema,
  },
  'bid.submit': { access: 'case.write', input: z.object(bidRef).strict(), output: bidSchema },
  'bid.approve': {
    access: 'case.approve',
    input: z.object({ ...bidRef, comment: longText.default('') }).strict(),
    output: bidSchema,
  },
  'bid.return': {
    access: 'case.approve',
    input: z.object({ ...bidRef, comment: z.string().trim().min(1).max(5000) }).strict(),
    output: bidSchema,
  },
});
