// Environment-free. The office's follow-up protocol (G:L230, L261): which contacts a reunified
// child has, of which type, by whom, and when — counted from the day of reunification. Supervisors
// edit it; the shipped default tapers (visits "decrease in frequency over time") and says plainly
// that it is an example to adapt to the office's own inter-agency protocol.
import { z } from 'zod';

/** Contact types the Guidelines name as "levels and types of contact" (G:L260-261). */
export const followupContactTypes = ['home_visit', 'school_visit', 'phone_call', 'community_report'] as const;
export type FollowupContactType = (typeof followupContactTypes)[number];

/** Face-to-face types: a phone call never stands in for them (G:L260). */
export const faceToFaceTypes: readonly FollowupContactType[] = ['home_visit', 'school_visit'];
export const isFaceToFace = (type: FollowupContactType): boolean => faceToFaceTypes.includes(type);

/** Who makes the contact: the case worker, or someone living or working in the community (G:L229-230). */
export const followupPerformers = ['case_worker', 'community_monitor', 'other_agency'] as const;
export type FollowupPerformer = (typeof followupPerformers)[number];

export const offsetUnits = ['day', 'week', 'month'] as const;
export type OffsetUnit = (typeof offsetUnits)[number];

export const protocolStepSchema = z
  .object({
    unit: z.enum(offsetUnits),
    amount: z.number().int().min(0).max(120),
    type: z.enum(followupContactTypes),
    performer: z.enum(followupPerformers),
  })
  .strict();
export type ProtocolStep = z.output<typeof protocolStepSchema>;

export const protocolDefinitionSchema = z
  .object({
    steps: z.array(protocolStepSchema).min(1).max(60),
    /** Extra contacts for a case whose risk level is high. */
    highRiskSteps: z.array(protocolStepSchema).max(60),
    /** Longest time without a face-to-face visit before the case shows "face-to-face overdue". */
    maxFaceToFaceGapDays: z.number().int().min(1).max(366),
  })
  .strict();
export type ProtocolDefinition = z.output<typeof protocolDefinitionSchema>;

const visit = (unit: OffsetUnit, amount: number, type: FollowupContactType = 'home_visit', performer: FollowupPerformer = 'case_worker'): ProtocolStep => ({
  unit,
  amount,
  type,
  performer,
});

/**
 * The shipped example: home visits at weeks 1 and 2 and months 1, 2, 3, 6, 9 and 12, phone calls
 * between the early visits, a community monitor's report in the long gaps. High risk adds visits
 * in the first months. [practice] — every office is told to adapt it.
 */
export const defaultProtocol: ProtocolDefinition = {
  steps: [
    visit('week', 1),
    visit('week', 2),
    visit('week', 3, 'phone_call'),
    visit('month', 1),
    visit('week', 6, 'phone_call'),
    visit('month', 2),
    visit('month', 3),
    visit('month', 4, 'community_report', 'community_monitor'),
    visit('month', 6),
    visit('month', 9),
    visit('month', 12),
  ],
  highRiskSteps: [visit('week', 3), visit('week', 6), visit('month', 4), visit('month', 5)],
  maxFaceToFaceGapDays: 100,
};

export const protocolSchema = z.object({
  definition: protocolDefinitionSchema,
  /** True while the office still uses the shipped example ("adapt to your protocol"). */
  isDefault: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type FollowupProtocol = z.infer<typeof protocolSchema>;
