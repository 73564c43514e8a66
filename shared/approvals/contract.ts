// Environment-free. Gate exceptions: a worker asks, with a reason, to let a case past one gate (or
// one consent check); another supervisor approves or refuses. Approved exceptions show on the case
// file, in the audit log and in the supervisor's counts; pending ones wait in the approvals list.
import { z } from 'zod';
import { defineChannels } from '../contract/channel';
import { idSchema } from '../cases/fields';
import { approvalItemSchema } from './queue';
import { approvalKinds, exceptionReasonKinds, exceptionStatuses, isExceptableGate } from './rules';

const gateIdSchema = z.string().min(1).max(64).refine(isExceptableGate, { message: 'invalid' });

export const gateExceptionSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  gateId: z.string(),
  reasonKind: z.enum(exceptionReasonKinds),
  reason: z.string(),
  status: z.enum(exceptionStatuses),
  requestedBy: z.string().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  /** Approved by the supervisor who asked or holds the case, under the one-supervisor setting. */
  selfApproved: z.boolean(),
});
export type GateException = z.infer<typeof gateExceptionSchema>;


export const approvalsChannels = defineChannels({
  'approvals.listExceptions': {
    access: 'case.read',
    input: z.object({ caseId: idSchema }).strict(),
    output: z.array(gateExceptionSchema),
  },
  'approvals.requestException': {
    access: 'case.write',
    input: z
      .object({
        caseId: idSchema,
        gateId: gateIdSchema,
        reasonKind: z.enum(exceptionReasonKinds),
        reason: z.string().trim().min(1).max(2000),
      })
      .strict(),
    output: gateExceptionSchema,
  },
  'approvals.decideException': {
    access: 'case.approve',
    input: z
      .object({
        caseId: idSchema,
        exceptionId: idSchema,
        decision: z.enum(['approved', 'refused']),
        note: z.string().trim().max(2000).default(''),
      })
      .strict()
      .refine((d) => d.decision === 'approved' || d.note !== '', { path: ['note'], message: 'required' }),
    output: gateExceptionSchema,
  },
  'approvals.withdrawException': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, exceptionId: idSchema }).strict(),
    output: gateExceptionSchema,
  },
  /** A supervisor confirms a halt a worker made (DOMAIN-REVIEW A7); four eyes, like every approval. */
  'approvals.confirmHalt': {
    access: 'case.approve',
    input: z.object({ caseId: idSchema, version: z.number().int().min(1), note: z.string().trim().max(2000).default('') }).strict(),
    output: z.object({ caseId: z.string(), confirmedAt: z.string() }),
  },
  /** The one approvals queue (shared/approvals/queue.ts), oldest first; also the counts a supervisor sees. */
  'approvals.pending': {
    access: 'case.approve',
    input: z.object({ kinds: z.array(z.enum(approvalKinds)).max(approvalKinds.length).optional() }).strict(),
    output: z.object({
      items: z.array(approvalItemSchema),
      /** Exceptions approved in the last 90 days, by gate: for quality review (DOMAIN-REVIEW P13). */
      approvedExceptions: z.array(z.object({ gateId: z.string(), count: z.number().int(), selfApproved: z.number().int() })),
    }),
  },
});
