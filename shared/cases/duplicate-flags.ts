// Environment-free. "Ask a supervisor": a case worker whose new child looks like a child in a case
// they may not read (the duplicate check shows them only that a match exists) flags that case; a
// supervisor sees the open flags with the details and settles each as the same or another child.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema } from './fields';

export const duplicateOutcomes = ['same_child', 'different_child'] as const;

export const duplicateFlagSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  number: z.string(),
  childName: z.string(),
  area: z.string(),
  workerName: z.string().nullable(),
  raisedByName: z.string().nullable(),
  raisedAt: z.string(),
  score: z.number(),
  note: z.string(),
});
export type DuplicateFlag = z.infer<typeof duplicateFlagSchema>;

export const duplicateFlagsChannels = defineChannels({
  'cases.flagDuplicate': {
    access: 'case.write',
    input: z
      .object({
        /** The existing case the duplicate check matched. */
        caseId: idSchema,
        score: z.number().min(0).max(1),
        /** Who is being registered, or anything the supervisor should know. */
        note: z.string().trim().max(1000).default(''),
      })
      .strict(),
    output: z.object({ flagId: z.string() }),
  },
  'cases.duplicateFlags': {
    access: 'case.readAll',
    input: z.object({}).strict(),
    output: z.array(duplicateFlagSchema),
  },
  'cases.resolveDuplicateFlag': {
    access: 'case.readAll',
    input: z.object({ flagId: idSchema, outcome: z.enum(duplicateOutcomes) }).strict(),
    output: z.object({ resolved: z.literal(true) }),
  },
});
