// Environment-free. One case as lists show it (the case list, My work, the approvals queue).
import { z } from 'zod';
import { caseRiskLevels, priorities, sexes } from './fields';
import { caseStatuses, stages } from './stages';

export const stageSchema = z.enum(stages);
/** A case's risk: 'not_assessed' until a risk assessment sets a level (DOMAIN-REVIEW, issue 8). */
export const riskLevelSchema = z.enum(caseRiskLevels);
export const prioritySchema = z.enum(priorities);

export const caseRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  sex: z.enum(sexes),
  ageYears: z.number().int().nullable(),
  stage: stageSchema,
  status: z.enum(caseStatuses),
  riskLevel: riskLevelSchema,
  priority: prioritySchema,
  area: z.string(),
  workerId: z.string().nullable(),
  workerName: z.string().nullable(),
  reviewDue: z.string().nullable(),
  overdue: z.boolean(),
  spontaneous: z.boolean(),
  updatedAt: z.string(),
});
export type CaseRow = z.infer<typeof caseRowSchema>;
