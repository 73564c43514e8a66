// Environment-free. Office practice settings: the numbers of days the case-work rules use, and
// whether a sole supervisor may approve their own cases. Supervisors and administrators change
// them (the office's way of working, not anyone's case content); every change is audited.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';

const days = (max: number) => z.number().int().min(1).max(max);

export const practiceSettingsSchema = z.object({
  /** Risk assessment and safety plan must be redone within this many days before reunification. */
  homeSafetyDays: days(365),
  /** A case plan is due within this many days of registration (nothing waits forever). */
  planDueDays: days(365),
  /** Time in alternative care beyond this many days is warned about. */
  alternativeCareWarnDays: days(3650),
  /** A spontaneous return gets a home visit due within this many days. */
  spontaneousVisitDays: days(90),
  /** …and a risk assessment, safety plan, family assessment and well-being baseline within this many. */
  spontaneousBaselineDays: days(365),
  /** A sole supervisor may approve their own cases; each such approval is flagged. */
  oneSupervisorMode: z.boolean(),
  /** A worker holding more open cases than this is flagged on the caseload view. */
  caseloadWarnSize: days(1000),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type PracticeSettings = z.infer<typeof practiceSettingsSchema>;

export const defaultPracticeSettings = {
  homeSafetyDays: 30,
  planDueDays: 60,
  alternativeCareWarnDays: 180,
  spontaneousVisitDays: 7,
  spontaneousBaselineDays: 30,
  oneSupervisorMode: false,
  caseloadWarnSize: 25,
} as const;

export const practiceSettingsInput = practiceSettingsSchema.omit({ updatedAt: true, updatedByName: true }).partial().strict();

export const practiceChannels = defineChannels({
  'practice.get': { access: 'session', input: z.object({}).strict(), output: practiceSettingsSchema },
  /** Supervisors and administrators (checked in the core: two roles, no single permission). */
  'practice.update': { access: 'session', input: practiceSettingsInput, output: practiceSettingsSchema },
});
