// Environment-free. The family's copy of the plan in force: what a family-facing view or printed
// copy may show. Confidential objectives are left out (shared/family/confidential.ts objectivesFor)
// and only their number is said, so the family knows the plan has parts kept by the office.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema } from '../cases/fields';
import { objectiveSchema } from './contract';

export const familyPlanCopySchema = z.object({
  version: z.number().int(),
  objectives: z.array(objectiveSchema.omit({ progress: true, confidential: true })),
  /** Objectives kept off this copy because they are confidential. */
  withheld: z.number().int(),
  familyOwnership: z.string(),
  contingencyPlan: z.string(),
});
export type FamilyPlanCopy = z.infer<typeof familyPlanCopySchema>;

export const planFamilyChannels = defineChannels({
  'plans.familyCopy': { access: 'case.read', input: z.object({ caseId: idSchema }).strict(), output: familyPlanCopySchema.nullable() },
});
