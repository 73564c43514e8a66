// Environment-free. The M&E indicators and the ways they are split, declared once. Numbers come
// from the core; the renderer shows each with its numerator, denominator and definition (the
// definition text is translated: locales/<lang>/reports.json, key `indicator.<id>.definition`).
// An indicator whose records an office does not keep is reported as "not recorded" — never as a
// number (zero would read as "none done"); today every indicator is computed.
import { z } from 'zod';
import { isoDate } from '../cases/fields';

export const indicatorIds = [
  // Outputs, for the period.
  'registered',
  'traced',
  'assessedBeforeTracing',
  'assessed',
  'bidCompleted',
  'plansMade',
  'plansReviewedOnTime',
  'reunified',
  'consentRecorded',
  'gateExceptions',
  'followUpOnTime',
  'referralsCompleted',
  'closed',
  // Outcomes.
  'acceptReunification',
  'supportPlanAgreed',
  'feelsWelcomed',
  'transferredToAuthority',
  'livingWithFamily6',
  'livingWithFamily12',
  'reSeparation',
  'wellbeingImproved',
  'lowFactorAtClosure',
  'daysInCare',
] as const;
export type IndicatorId = (typeof indicatorIds)[number];

/**
 * count: a number of children (no denominator). ratio: numerator of denominator, with "unknown"
 * apart. duration: days per child (median and 90th percentile), the children are the denominator.
 */
export type IndicatorShape = 'count' | 'ratio' | 'duration';

export interface IndicatorMeta {
  id: IndicatorId;
  level: 'output' | 'outcome';
  shape: IndicatorShape;
  /** The feature whose records it needs; absent when the office records them today. */
  awaits?: 'followup' | 'referrals' | 'closure';
}

export const indicatorMeta: Record<IndicatorId, IndicatorMeta> = {
  registered: { id: 'registered', level: 'output', shape: 'count' },
  traced: { id: 'traced', level: 'output', shape: 'ratio' },
  assessedBeforeTracing: { id: 'assessedBeforeTracing', level: 'output', shape: 'ratio' },
  assessed: { id: 'assessed', level: 'output', shape: 'count' },
  bidCompleted: { id: 'bidCompleted', level: 'output', shape: 'ratio' },
  plansMade: { id: 'plansMade', level: 'output', shape: 'count' },
  plansReviewedOnTime: { id: 'plansReviewedOnTime', level: 'output', shape: 'ratio' },
  reunified: { id: 'reunified', level: 'output', shape: 'count' },
  consentRecorded: { id: 'consentRecorded', level: 'output', shape: 'ratio' },
  gateExceptions: { id: 'gateExceptions', level: 'output', shape: 'count' },
  followUpOnTime: { id: 'followUpOnTime', level: 'output', shape: 'ratio', awaits: 'followup' },
  referralsCompleted: { id: 'referralsCompleted', level: 'output', shape: 'ratio', awaits: 'referrals' },
  closed: { id: 'closed', level: 'output', shape: 'count', awaits: 'closure' },
  acceptReunification: { id: 'acceptReunification', level: 'outcome', shape: 'ratio' },
  supportPlanAgreed: { id: 'supportPlanAgreed', level: 'outcome', shape: 'ratio' },
  feelsWelcomed: { id: 'feelsWelcomed', level: 'outcome', shape: 'ratio', awaits: 'followup' },
  transferredToAuthority: { id: 'transferredToAuthority', level: 'outcome', shape: 'ratio' },
  livingWithFamily6: { id: 'livingWithFamily6', level: 'outcome', shape: 'ratio', awaits: 'followup' },
  livingWithFamily12: { id: 'livingWithFamily12', level: 'outcome', shape: 'ratio', awaits: 'followup' },
  reSeparation: { id: 'reSeparation', level: 'outcome', shape: 'ratio', awaits: 'followup' },
  wellbeingImproved: { id: 'wellbeingImproved', level: 'outcome', shape: 'ratio' },
  lowFactorAtClosure: { id: 'lowFactorAtClosure', level: 'outcome', shape: 'ratio', awaits: 'closure' },
  daysInCare: { id: 'daysInCare', level: 'outcome', shape: 'duration' },
};

/**
 * Ways to split an indicator. Health status and ethnicity are never among them (do no harm:
 * Guidelines L86, L184). `reason` is multi-valued: a child separated for two reasons counts once
 * under each, so its groups add up to more than the total.
 */
export const dimensions = ['sex', 'ageBand', 'disability', 'reason', 'careSetting', 'returnKind', 'area'] as const;
export type Dimension = (typeof dimensions)[number];

export const ageBands = ['0-4', '5-9', '10-14', '15-17', '18+'] as const;
export const UNKNOWN = 'unknown';

export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'period', path: ['to'] });
export type Period = z.infer<typeof periodSchema>;

/** Restricts the children counted (all given filters apply together). */
export const reportFiltersSchema = z
  .object({
    sex: z.string().max(20).optional(),
    ageBand: z.string().max(20).optional(),
    disability: z.enum(['yes', 'no']).optional(),
    reason: z.string().max(60).optional(),
    careSetting: z.string().max(60).optional(),
    returnKind: z.enum(['spontaneous', 'assisted']).optional(),
    area: z.string().trim().max(100).optional(),
  })
  .strict();
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export const groupSchema = z.object({
  value: z.string(),
  numerator: z.number().int(),
  denominator: z.number().int().nullable(),
  unknown: z.number().int(),
});
export type IndicatorGroup = z.infer<typeof groupSchema>;

export const indicatorResultSchema = z.object({
  id: z.enum(indicatorIds),
  status: z.enum(['computed', 'notRecorded']),
  /** count: the children counted; ratio: those who meet it; duration: children with a known duration. */
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  /** Children in the denominator whose result is not known: shown apart, never in the numerator. */
  unknown: z.number().int().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  groups: z.array(groupSchema),
});
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;

/** Which set of children a number stands for, to open the case list behind it. */
export const indicatorPartSchema = z.enum(['numerator', 'denominator', 'unknown']);
export type IndicatorPart = z.infer<typeof indicatorPartSchema>;

export const indicatorSelectionSchema = z
  .object({
    id: z.enum(indicatorIds),
    part: indicatorPartSchema,
    period: periodSchema,
    filters: reportFiltersSchema.default({}),
    /** One group of one split (the number clicked in a table). */
    group: z.object({ by: z.enum(dimensions), value: z.string().max(100) }).strict().optional(),
  })
  .strict();
export type IndicatorSelection = z.infer<typeof indicatorSelectionSchema>;

export function ageBandOf(years: number | null): string {
  if (years === null || !Number.isFinite(years) || years < 0) return UNKNOWN;
  if (years < 5) return '0-4';
  if (years < 10) return '5-9';
  if (years < 15) return '10-14';
  if (years < 18) return '15-17';
  return '18+';
}
