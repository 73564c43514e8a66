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
  reunificationRecorded: boolean;
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
  reunificationRecorded: false,
};

export interface Gate {
  id: string;
  tab: CaseTab;
  passes(facts: CaseFacts): boolean;
}

const gate = (id: string, tab: CaseTab, passes: (f: CaseFacts) => boolean): Gate => ({ id, tab, passes });

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
  supervisedVisitSucceeded: gate('supervisedVisitSucceeded', 'contacts', (f) => f.supervisedVisitSucceeded),
  reunificationRecorded: gate('reunificationRecorded', 'reunification', (f) => f.reunificationRecorded),
} as const;
export type GateId = keyof typeof gates;

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
  preparation: { to: 'reunification', gates: [gates.careArrangement, gates.monitorAssigned] },
  reunification: {
    to: 'follow_up',
    gates: [gates.familyAssessed, gates.planAcknowledged, gates.bidApproved, gates.supervisedVisitSucceeded, gates.reunificationRecorded],
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
