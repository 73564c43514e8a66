// Environment-free. The case summary PDF: the whole file or chosen sections, in the user's or the
// family's language. Risk and safety, the BID and case notes are confidential: only supervisors and
// the child's own case worker print them. A summary is case data leaving the store, so it is
// sealed with a passphrase, or — by a supervisor only — left unsealed with a reason.
import { z } from 'zod';
import { idSchema } from '../cases/fields';
import { defineChannels } from '../contract/channel';
import { protectionSchema } from './exports';

export const summarySections = ['child', 'family', 'tracing', 'assessments', 'plan', 'reunification', 'safety', 'bid', 'notes'] as const;
export type SummarySection = (typeof summarySections)[number];
export const confidentialSections: readonly SummarySection[] = ['safety', 'bid', 'notes'];

export const summaryChannels = defineChannels({
  'reports.caseSummary': {
    access: 'case.read',
    input: z
      .object({
        caseId: idSchema,
        sections: z.array(z.enum(summarySections)).min(1).max(summarySections.length),
        language: z.enum(['user', 'family']).default('user'),
        protection: protectionSchema,
      })
      .strict(),
    /** A PDF, or the same PDF sealed with age (fileName ends .pdf.age). */
    output: z.object({ fileName: z.string(), dataBase64: z.string(), sealed: z.boolean(), language: z.string() }),
  },
});
