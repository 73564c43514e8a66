// Environment-free. The tracing log: what was done to find a child's family (method, place, date,
// person contacted, result), possibly across districts or countries, and whether the family is found.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate, longText, shortText } from '../cases/fields';

export const tracingMethods = [
  'interview_child',
  'home_visit',
  'phone_call',
  'community_inquiry',
  'radio_announcement',
  'photo_tracing',
  'database_search',
  'partner_agency',
  'other',
] as const;
export type TracingMethod = (typeof tracingMethods)[number];

export const tracingResults = [
  'no_information',
  'lead',
  'family_located',
  'family_found',
  'family_deceased',
  'family_refused',
  'other',
] as const;
export type TracingResult = (typeof tracingResults)[number];

/**
 * Results that settle the family outcome. The latest of them (by date, then by entry order) decides:
 * a family found and later reported deceased or refusing is no longer "found"; a new
 * `family_found` (another relative) makes it found again. Leads and "no information" entries never
 * undo a found family — tracing of other relatives often goes on.
 */
export const outcomeResults: readonly TracingResult[] = ['family_found', 'family_deceased', 'family_refused'];

/** ISO 3166-1 alpha-2, upper case. */
export const countryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/u, { message: 'country' })
  .transform((s) => s.toUpperCase());

export const tracingActionFields = z
  .object({
    date: isoDate,
    method: z.enum(tracingMethods),
    methodOther: shortText.default(''),
    place: shortText.default(''),
    area: shortText.default(''),
    /** Where the action took place; the office's country when left out. */
    country: countryCode.optional(),
    personContacted: shortText.default(''),
    result: z.enum(tracingResults),
    notes: longText.default(''),
  })
  .strict();
export type TracingActionFields = z.output<typeof tracingActionFields>;
export type TracingActionInput = z.input<typeof tracingActionFields>;

export const tracingActionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  date: z.string(),
  method: z.enum(tracingMethods),
  methodOther: z.string(),
  place: z.string(),
  area: z.string(),
  country: z.string(),
  personContacted: z.string(),
  result: z.enum(tracingResults),
  notes: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** True for the action that currently establishes "family found". */
  establishesFound: z.boolean(),
});
export type TracingAction = z.infer<typeof tracingActionSchema>;

export const tracingOutcomeSchema = z.object({
  familyFound: z.boolean(),
  foundActionId: z.string().nullable(),
  foundOn: z.string().nullable(),
  /** The latest outcome-bearing result, when it is not family_found (deceased, refused). */
  lastOutcome: z.enum(tracingResults).nullable(),
});

export const tracingChannels = defineChannels({
  'tracing.list': {
    access: 'case.read',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.object({ actions: z.array(tracingActionSchema), outcome: tracingOutcomeSchema }),
  },
  'tracing.add': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, action: tracingActionFields }).strict(),
    output: tracingActionSchema,
  },
  'tracing.update': {
    access: 'case.write',
    input: z
      .object({ caseId: idSchema, actionId: idSchema, version: z.number().int().min(1), action: tracingActionFields })
      .strict(),
    output: tracingActionSchema,
  },
  'tracing.remove': {
    access: 'case.write',
    input: z
      .object({ caseId: idSchema, actionId: idSchema, reason: z.string().trim().min(1).max(2000) })
      .strict(),
    output: z.object({ removed: z.boolean() }),
  },
});
