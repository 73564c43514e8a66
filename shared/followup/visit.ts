// Environment-free. A monitoring visit (G:L262-272) and its warning signs (G:L263, L278): whom the
// worker spoke with, the child's own words (or why the child was not seen), observations, each
// plan objective's progress, the agreed support, the Guidelines' factors, a well-being re-score
// made with the case's form, and the warning-sign checklist.
import { z } from 'zod';
import { idSchema, isoDate, longText, shortText } from '../cases/fields';

export const visitModes = ['in_person', 'phone'] as const;
export type VisitMode = (typeof visitModes)[number];

export const spokeWithRoles = [
  'child',
  'caregivers',
  'siblings',
  'relatives',
  'teacher',
  'community_committee',
  'religious_leader',
  'other',
] as const;
export type SpokeWithRole = (typeof spokeWithRoles)[number];

export const objectiveStatuses = ['achieved', 'on_track', 'behind', 'not_started'] as const;
export const deliveryStatuses = ['delivered', 'partly', 'not_delivered', 'none_agreed'] as const;

/** The Guidelines' follow-up factors (G:L267-272). */
export const visitFactors = ['violence', 'school', 'economic', 'stigma', 'therapeutic'] as const;
export type VisitFactor = (typeof visitFactors)[number];
export const factorStatuses = ['fine', 'concern', 'not_discussed'] as const;

export const warningSigns = [
  'abuse_or_neglect',
  'left_school',
  'ran_away',
  'violence_or_addiction',
  'stigma',
  'conflict_after_first_weeks',
  'low_wellbeing_factor',
  'wants_to_leave',
] as const;
export type WarningSign = (typeof warningSigns)[number];

/** Always urgent, whatever the worker ticks: abuse suspected, the child missing (B1.7). */
export const alwaysUrgentSigns: readonly WarningSign[] = ['abuse_or_neglect', 'ran_away'];

export const warningSignInput = z
  .object({ sign: z.enum(warningSigns), urgent: z.boolean().default(false), note: longText.default('') })
  .strict();
export type WarningSignInput = z.input<typeof warningSignInput>;

export const visitFields = z
  .object({
    date: isoDate,
    mode: z.enum(visitModes),
    /** The planned contact this visit holds; absent: the earliest open one it can stand for. */
    plannedContactId: idSchema.nullable().default(null),
    spokeWith: z
      .array(z.object({ role: z.enum(spokeWithRoles), view: longText.default('') }).strict())
      .max(20)
      .default([]),
    childSeenAlone: z.boolean().default(false),
    /** The child's own words (G:L262: the worker speaks with the child). */
    childWords: longText.default(''),
    /** Needed when the child was not spoken with. */
    childNotSeenReason: longText.default(''),
    observations: longText.default(''),
    objectives: z
      .array(z.object({ objectiveId: idSchema, title: shortText.default(''), status: z.enum(objectiveStatuses), note: longText.default('') }).strict())
      .max(50)
      .default([]),
    support: z.object({ status: z.enum(deliveryStatuses), note: longText.default('') }).strict().default({ status: 'none_agreed', note: '' }),
    referrals: z.object({ status: z.enum(deliveryStatuses), note: longText.default('') }).strict().default({ status: 'none_agreed', note: '' }),
    factors: z
      .array(z.object({ factor: z.enum(visitFactors), status: z.enum(factorStatuses), note: longText.default(''), referralNeeded: z.boolean().default(false) }).strict())
      .max(visitFactors.length)
      .default([]),
    /** The well-being re-score: a completed assessment made with the case's well-being form. */
    wellbeingAssessmentId: idSchema.nullable().default(null),
    warningSigns: z.array(warningSignInput).max(warningSigns.length).default([]),
    /** The child or someone the child trusts can reach the worker; the emergency route is current (G:L263). */
    emergencyRouteConfirmed: z.boolean().default(false),
  })
  .strict();
export type VisitFieldsInput = z.input<typeof visitFields>;
export type VisitFields = z.output<typeof visitFields>;

/** The child was spoken with when "child" is among the people, else a reason is needed. */
export const childSpokenWith = (v: Pick<VisitFields, 'spokeWith'>): boolean => v.spokeWith.some((s) => s.role === 'child');

export function signIsUrgent(sign: { sign: WarningSign; urgent?: boolean }): boolean {
  return Boolean(sign.urgent) || alwaysUrgentSigns.includes(sign.sign);
}
