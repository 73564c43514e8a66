// Environment-free. After the meeting: each person present acknowledges the agreement (or is
// recorded as declining or absent, with a reason), commitments are marked done with evidence, and
// the office's register lists conferences upcoming, in progress and held (the Conferences section).
import { z } from 'zod';
import { idSchema, isoDate, shortText } from '../cases/fields';
import type { InviteeStatus } from './schemas';

export const acknowledgementOutcomes = ['acknowledged', 'declined', 'absent'] as const;
export type AcknowledgementOutcome = (typeof acknowledgementOutcomes)[number];

const paragraph = z.string().trim().max(4000);

export const acknowledgementInput = z
  .object({
    inviteeId: idSchema,
    outcome: z.enum(acknowledgementOutcomes),
    /** Why a person present did not acknowledge (declined, or absent when the agreement was read). */
    reason: paragraph.default(''),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.outcome !== 'acknowledged' && a.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
  });
export type AcknowledgementInput = z.input<typeof acknowledgementInput>;

export const commitmentDoneInput = z
  .object({
    itemId: idSchema,
    /** The day it was done (not the day it was recorded). */
    doneOn: isoDate,
    /** What shows it was done: the attendance register, a receipt, what the family said… */
    evidence: paragraph.min(1),
  })
  .strict();
export type CommitmentDoneInput = z.input<typeof commitmentDoneInput>;

export const acknowledgementSchema = z.object({
  outcome: z.enum(acknowledgementOutcomes),
  /** Why someone declined or was absent: the facilitator's record, never the family's screen (contract.ts `confidential`). */
  reason: z.string().meta({ confidential: true }),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});

/**
 * "Acknowledged by all": the agreement is recorded, someone was present, and every person recorded
 * as present has acknowledged it or is recorded as declining or absent with a reason.
 */
export function acknowledgedByAll(agreed: boolean, invitees: readonly { status: InviteeStatus; acknowledgement: { outcome: AcknowledgementOutcome } | null }[]): boolean {
  const present = invitees.filter((i) => i.status === 'attended');
  return agreed && present.length > 0 && present.every((i) => i.acknowledgement !== null);
}

/** Where a conference stands, as the register shows it. */
export const conferenceStatuses = ['upcoming', 'in_progress', 'held'] as const;
export type ConferenceStatus = (typeof conferenceStatuses)[number];

export function conferenceStatus(c: { step: string | null; agreedAt: string | null }): ConferenceStatus {
  if (c.agreedAt !== null) return 'held';
  return c.step === null ? 'upcoming' : 'in_progress';
}

export const registerFilter = z
  .object({
    status: z.enum(conferenceStatuses).nullable().default(null),
    /** Part of the case number or the child's name. */
    caseText: shortText.default(''),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
    /** Part of the facilitator's name. */
    facilitator: shortText.default(''),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type RegisterFilter = z.input<typeof registerFilter>;
