// Environment-free. The case's stage machine: the Guidelines' stages, the allowed moves, and the
// gates each move must pass. Each gate is a named rule with a translated reason
// (`cases:gates.<id>`) and the tab of the case file where the worker can fix it.
export const stages = ['tracing_assessment', 'preparation', 'reunification', 'follow_up', 'closure'] as const;
export type Stage = (typeof stages)[number];

export const caseStatuses = ['open', 'halted', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** When reintegration is not in the child's best interests, the case is halted with an alternative. */
export const haltAlternatives = ['temporary_alternative_care', 'adoption', 'kafalah', 'other'] as const;
export type HaltAlternative = (typeof haltAlternatives)[number];

/** The case-file tabs a gate can point to. */
export const caseTabs = [
  'overview',
  'family',
  'consents',
  'notes',
  'tracing',
  'assessments',
  'safety',
  'bid',
  'plan',
  'preparation',
  'contacts',
  'reunification',
  'transfer',
  'referrals',
  'timeline',
] as const;
export type CaseTab = (typeof caseTabs)[number];

/** What the gates look at; each feature's core module fills its own fields. */
export interface CaseFacts {
  familyFound: boolean;
  childAssessed: boolean;
  familyAssessed: boolean;
  communityAssessed: boolean;
  riskAssessed: boolean;
  safetyPlan: boolean;
  bidRequired: boolean;
  bidApproved: boolean;
  planAcknowledged: boolean;
  careArrangement: boolean;
  monitorAssigned: boolean;
  preparationOpenItems: number;
  supervisedVisitSucceeded: boolean;
  /** The latest face-to-face contact went well and recorded no concern (shared/contacts/ladder.ts). */
  latestContactClear: boolean;
  /** No refusal by the child or family stands (none after the latest successful contact). */
  noStandingRefusal: boolean;
  /** The latest family and child assessments do not say "no" to the return. */
  returnWanted: boolean;
  /** A risk assessment and a safety plan naming the emergency route, redone for life at home. */
  homeSafetyCurrent: boolean;
  reunificationRecorded: boolean;
  /** Gates a supervisor has let the case past, with a recorded reason (shared/exceptions). */
  exceptions: string[];
}

export const emptyFacts: CaseFacts = {
  familyFound: false,
  childAssessed: false,
  familyAssessed: false,
  communityAssessed: false,
  riskAssessed: false,
  safetyPlan: false,
  bidRequired: true,
  bidApproved: false,
  planAcknowledged: false,
  careArrangement: false,
  monitorAssigned: false,
  preparationOpenItems: 0,
  supervisedVisitSucceeded: false,
  latestContactClear: false,
  noStandingRefusal: true,
  returnWanted: true,
  homeSafetyCurrent: false,
  reunificationRecorded: false,
  exceptions: [],
};

export interface Gate {
  id: string;
  tab: CaseTab;
  /** The rule holds, or a supervisor approved an exception to it for this case. */
  passes(facts: CaseFacts): boolean;
  /** The rule alone, without exceptions (what the case file shows as "passed by exception"). */
  holds(facts: CaseFacts): boolean;
}

// Every gate has a supervisor-approved way past it (G:L235-236 "possible steps… individual needs"):
// the exception is part of the gate, so no caller can forget it.
const gate = (id: string, tab: CaseTab, holds: (f: CaseFacts) => boolean): Gate => ({
  id,
  tab,
  holds,
  passes: (f) => holds(f) || (f.exceptions ?? []).includes(id),
});

export const gates = {
  familyFound: gate('familyFound', 'tracing', (f) => f.familyFound),
  childAssessed: gate('childAssessed', 'assessments', (f) => f.childAssessed),
  familyAssessed: gate('familyAssessed', 'assessments', (f) => f.familyAssessed),
  riskAssessed: gate('riskAssessed', 'safety', (f) => f.riskAssessed),
  safetyPlan: gate('safetyPlan', 'safety', (f) => f.safetyPlan),
  bidApproved: gate('bidApproved', 'bid', (f) => !f.bidRequired || f.bidApproved),
  planAcknowledged: gate('planAcknowledged', 'plan', (f) => f.planAcknowledged),
  careArrangement: gate('careArrangement', 'preparation', (f) => f.careArrangement),
  monitorAssigned: gate('monitorAssigned', 'preparation', (f) => f.monitorAssigned),
  // Issue 7: twelve items "still to do" did not stop the move to reunification.
  preparationDone: gate('preparationDone', 'preparation', (f) => f.preparationOpenItems === 0),
  supervisedVisitSucceeded: gate('supervisedVisitSucceeded', 'contacts', (f) => f.supervisedVisitSucceeded),
  // The latest picture, not "any success ever" (G:L240, L243).
  latestContactClear: gate('latestContactClear', 'contacts', (f) => f.latestContactClear),
  noStandingRefusal: gate('noStandingRefusal', 'contacts', (f) => f.noStandingRefusal),
  returnWanted: gate('returnWanted', 'assessments', (f) => f.returnWanted),
  // Redone for life at home (G:L83, L263).
  homeSafetyCurrent: gate('homeSafetyCurrent', 'safety', (f) => f.homeSafetyCurrent),
  reunificationRecorded: gate('reunificationRecorded', 'reunification', (f) => f.reunificationRecorded),
} as const;
export type GateId = keyof typeof gates;

/**
 * Gates a case plan must pass before the family's acknowledgement puts it in force (issue 7: a
 * plan went into force while the BID still waited for approval). Same gate, same exception.
 */
export const planInForceGates: readonly Gate[] = [gates.bidApproved];

/** Forward moves and their gates. Moving back one stage is always allowed, with a reason. */
export const forwardGates: Record<Exclude<Stage, 'closure'>, { to: Stage; gates: Gate[] }> = {
  tracing_assessment: {
    to: 'preparation',
    gates: [
      gates.familyFound,
      gates.childAssessed,
      gates.familyAssessed,
      gates.riskAssessed,
      gates.safetyPlan,
      gates.bidApproved,
      gates.planAcknowledged,
    ],
  },
  preparation: { to: 'reunification', gates: [gates.careArrangement, gates.monitorAssigned, gates.preparationDone, gates.returnWanted] },
  reunification: {
    to: 'follow_up',
    gates: [
      gates.familyAssessed,
      gates.planAcknowledged,
      gates.bidApproved,
      gates.supervisedVisitSucceeded,
      gates.latestContactClear,
      gates.noStandingRefusal,
      gates.returnWanted,
      gates.homeSafetyCurrent,
      gates.reunificationRecorded,
    ],
  },
  // Closure is decided in a case review (a later feature); no forward move from follow-up here.
  follow_up: { to: 'closure', gates: [] },
};

export function stageIndex(stage: Stage): number {
  return stages.indexOf(stage);
}

export interface MoveCheck {
  allowed: boolean;
  /** Gates that block the move, in order. */
  blocked: { id: string; tab: CaseTab }[];
  direction: 'forward' | 'back' | 'invalid';
}

/**
 * Halting to a permanent family (adoption, kafalah) rules reintegration out (G:L109-110): it needs
 * an approved BID that decided exactly that, or a supervisor's exception to this rule. Temporary
 * care can be chosen at once, for safety. Returns the blocking rule's id, or null.
 */
export const haltNeedsBid = 'haltNeedsBid';
export function haltBlocked(alternative: HaltAlternative, approvedBidDecision: string | null, exceptions: readonly string[]): typeof haltNeedsBid | null {
  if (alternative !== 'adoption' && alternative !== 'kafalah') return null;
  if (approvedBidDecision === alternative || exceptions.includes(haltNeedsBid)) return null;
  return haltNeedsBid;
}

/** Whether a gate id names a real gate (exception requests name one). */
export function isGateId(id: string): id is GateId {
  return Object.prototype.hasOwnProperty.call(gates, id);
}

/** Gates the case passes only because a supervisor approved an exception. */
export function passedByException(facts: CaseFacts): GateId[] {
  return (Object.keys(gates) as GateId[]).filter((id) => !gates[id].holds(facts) && (facts.exceptions ?? []).includes(id));
}

export function checkMove(from: Stage, to: Stage, facts: CaseFacts): MoveCheck {
  const fromIndex = stageIndex(from);
  const toIndex = stageIndex(to);
  if (toIndex === fromIndex - 1) return { allowed: true, blocked: [], direction: 'back' };
  if (from === 'closure' || toIndex !== fromIndex + 1 || to === 'closure') {
    return { allowed: false, blocked: [], direction: 'invalid' };
  }
  const rule = forwardGates[from as Exclude<Stage, 'closure'>];
  const blocked = rule.gates.filter((g) => !g.passes(facts)).map((g) => ({ id: g.id, tab: g.tab }));
  return { allowed: blocked.length === 0, blocked, direction: 'forward' };
}

/** The next stage and what blocks it, for the "what's next" panel. */
export function nextStep(stage: Stage, facts: CaseFacts): { to: Stage | null; blocked: { id: string; tab: CaseTab }[] } {
  if (stage === 'follow_up' || stage === 'closure') return { to: null, blocked: [] };
  const rule = forwardGates[stage];
  return { to: rule.to, blocked: checkMove(stage, rule.to, facts).blocked };
}
