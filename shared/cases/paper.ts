// Environment-free. Paper cases: a case whose work began on paper can be marked "entered from
// paper records" — at registration or later — with the day the paper file began. Its events may
// then be dated back to that day (not only from the day it was typed in), each marked back-entered
// in the timeline and the audit log with who entered it and when.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate } from './fields';

export const fromPaperSchema = z
  .object({
    /** The day the paper file began (the first paper record). */
    since: isoDate,
    /** Where the paper file is kept, or anything a reader needs to know about it. */
    note: z.string().trim().max(2000).default(''),
  })
  .strict();
export type FromPaper = z.output<typeof fromPaperSchema>;

/** A paper file cannot begin in the future or before the child was born. */
export function paperSinceProblem(since: string, today: string, dateOfBirth: string | null): 'inFuture' | 'beforeBirth' | null {
  if (since > today) return 'inFuture';
  if (dateOfBirth && since < dateOfBirth) return 'beforeBirth';
  return null;
}

export const paperChannels = defineChannels({
  /** Marks an existing case as entered from paper records (who and when are recorded). */
  'cases.markPaper': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, version: z.number().int().min(1), paper: fromPaperSchema }).strict(),
    output: z.object({ since: z.string(), markedAt: z.string() }),
  },
});
