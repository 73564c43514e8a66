// Environment-free. Who may approve what (G:L292 "a supervisor or inter-agency case review panel
// decides"), and which gates a supervisor may let a case past. Shared by the core (which refuses)
// and the renderer (which hides the Approve button and says why).
import { haltNeedsBid, isGateId } from '../cases/stages';
import { checkedPurposes, consentGateId } from '../consents/rules';

export interface ApprovalParties {
  approverId: string;
  /** Who submitted or requested what is being approved (null when unknown, e.g. old records). */
  submittedBy: string | null;
  /** The case's worker and family worker. */
  caseWorkerIds: readonly (string | null)[];
  /** The office allowed a sole supervisor to approve their own cases (practice settings). */
  oneSupervisorMode: boolean;
}

export type ApprovalVerdict = { ok: true; selfApproval: boolean } | { ok: false; reason: 'ownSubmission' | 'ownCase' };

/**
 * Four eyes: the supervisor who submitted something, or holds the case, does not approve it —
 * another supervisor does. An office with one supervisor may allow it by an explicit setting, and
 * every such approval is flagged (`selfApproval`) for later review.
 */
export function approvalVerdict(p: ApprovalParties): ApprovalVerdict {
  const own = p.submittedBy !== null && p.submittedBy === p.approverId;
  const holds = p.caseWorkerIds.some((id) => id !== null && id === p.approverId);
  if (!own && !holds) return { ok: true, selfApproval: false };
  if (p.oneSupervisorMode) return { ok: true, selfApproval: true };
  return { ok: false, reason: own ? 'ownSubmission' : 'ownCase' };
}

/** Why a worker asks to pass a gate without its rule holding (G:L235-236, L111, L277). */
export const exceptionReasonKinds = [
  'distance',
  'infant',
  'cross_border',
  'living_with_kin',
  'institution_closed',
  'emergency',
  'child_cannot_express_views',
  'other',
] as const;
export type ExceptionReasonKind = (typeof exceptionReasonKinds)[number];

export const exceptionStatuses = ['pending', 'approved', 'refused', 'withdrawn'] as const;
export type ExceptionStatus = (typeof exceptionStatuses)[number];

/** What an exception can be asked for: a stage gate, or a consent check (`consent.<purpose>`). */
export function isExceptableGate(id: string): boolean {
  return isGateId(id) || id === haltNeedsBid || (checkedPurposes as readonly string[]).some((p) => consentGateId(p as never) === id);
}

/** Kinds of decision waiting for a supervisor, in the one approvals queue (shared/approvals/queue.ts). */
export const approvalKinds = ['gateException', 'bid', 'plan', 'halt', 'closure'] as const;
export type ApprovalKind = (typeof approvalKinds)[number];
