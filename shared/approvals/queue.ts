// Environment-free. One approvals queue (B2.2): every decision waiting for a supervisor — submitted
// BIDs, plans in force not yet approved, gate exceptions, halts not yet confirmed, closures
// recommended — oldest first, with its age. My work, the case list's filter and the supervisor's
// queue all read the same query (electron/core/approvals/queue.ts).
import { z } from 'zod';
import { caseRowSchema } from '../cases/row';
import { approvalKinds } from './rules';

export const approvalItemSchema = z.object({
  kind: z.enum(approvalKinds),
  caseId: z.string(),
  /** The exception's, BID's, plan version's or closure's id; the case's id for a halt. */
  itemId: z.string(),
  /** The gate id, the BID decision, the plan version, the halt's alternative or the closure reason. */
  subject: z.string(),
  /** When it started waiting (submitted, requested, halted, recommended). */
  since: z.string(),
  /** Whole days waited, by the core's clock. */
  ageDays: z.number().int(),
  requestedByName: z.string().nullable(),
  /** The caller may decide it (false for a case worker, and for one's own request or case: four eyes). */
  canDecide: z.boolean(),
  case: caseRowSchema,
});
export type ApprovalItem = z.infer<typeof approvalItemSchema>;
