// Environment-free. Supervision case reviews (B2): how cases are picked for a session, the decision
// each reviewed case gets, and when a review counts as the 3-monthly plan review (G:L160).
export const selectionRules = ['high_risk', 'overdue', 'warning_signs', 'closure_requested', 're_separated', 'spontaneous'] as const;
export type SelectionRule = (typeof selectionRules)[number];
/** A case picked at random (B2.6), besides the rules. */
export const sampleReason = 'sample';

export const reviewDecisions = ['continue', 'revise_plan', 'escalate', 'close', 'halt', 'transfer'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** B2.7: a supervision review stands for the plan review only when the child and family took part. */
export function countsAsPlanReview(childConsulted: boolean, familyConsulted: boolean): boolean {
  return childConsulted && familyConsulted;
}
