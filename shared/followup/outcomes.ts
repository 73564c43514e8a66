// Environment-free. Breakdown and re-separation (G:L274, L293), and the 6- and 12-month outcomes
// [DOMAIN]. "Unknown" is a category of its own and never counts as success.
import { z } from 'zod';
import { careArrangements, isoDate, longText, shortText } from '../cases/fields';

export const breakdownFields = z
  .object({
    date: isoDate,
    whatHappened: z.string().trim().min(1).max(20_000),
    /** Where the child is now: an alternative care arrangement (cases' list). */
    whereNow: z.enum(careArrangements),
    wherePlace: shortText.default(''),
    decidedBy: shortText.default(''),
  })
  .strict();

export const outcomeMilestones = [6, 12] as const;
export const livingSituations = ['same_caregiver', 'other_family', 'alternative_care', 'street', 'detention', 'deceased', 'unknown'] as const;
export const schoolSituations = ['attending', 'irregular', 'not_attending', 'not_applicable', 'unknown'] as const;
/** The child's own answer; "not asked" and "unknown" are not success. */
export const childAnswers = ['yes', 'mostly', 'no', 'not_asked', 'unknown'] as const;

export const outcomeFields = z
  .object({
    milestone: z.union([z.literal(6), z.literal(12)]),
    recordedOn: isoDate,
    living: z.enum(livingSituations),
    school: z.enum(schoolSituations),
    welcomed: z.enum(childAnswers),
    belonging: z.enum(childAnswers),
    childWords: longText.default(''),
    note: longText.default(''),
  })
  .strict();
export type OutcomeFields = z.output<typeof outcomeFields>;

export type OutcomeResult = 'success' | 'not_success' | 'unknown';

/**
 * The outcome's reading: success only when the child lives with family and says they feel
 * welcomed (yes / mostly); unknown when where the child lives, or their answer, is unknown.
 */
export function outcomeResult(o: Pick<OutcomeFields, 'living' | 'welcomed'>): OutcomeResult {
  if (o.living === 'unknown') return 'unknown';
  const withFamily = o.living === 'same_caregiver' || o.living === 'other_family';
  if (!withFamily) return 'not_success';
  if (o.welcomed === 'unknown' || o.welcomed === 'not_asked') return 'unknown';
  return o.welcomed === 'yes' || o.welcomed === 'mostly' ? 'success' : 'not_success';
}
