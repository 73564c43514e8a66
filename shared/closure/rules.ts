// Environment-free. Case closure (G:L287-293): the worker recommends closure once the Guidelines'
// checklist is done; a supervisor or an inter-agency panel — never the recommender — decides; a
// closed case is kept, read-only, and can be re-opened with a reason.
export const closureReasons = ['reintegrated', 'transferred', 'permanent_family', 'adulthood', 'died', 'lost_contact', 'other'] as const;
export type ClosureReason = (typeof closureReasons)[number];

export const closureStatuses = ['recommended', 'approved', 'returned', 'withdrawn'] as const;
export type ClosureStatus = (typeof closureStatuses)[number];

export const reopenReasons = ['re_separation', 'new_concern', 'other'] as const;
export type ReopenReason = (typeof reopenReasons)[number];

/** Likelihood and severity are rated 1 (low) to 3 (high); their product rates the risk (G:L291). */
export const riskScale = [1, 2, 3] as const;
export type RiskRating = 'low' | 'medium' | 'high';
export function riskRating(likelihood: number, severity: number): RiskRating {
  const score = likelihood * severity;
  return score >= 6 ? 'high' : score >= 3 ? 'medium' : 'low';
}

/** Where a re-opened case starts again: a child back in care starts from preparation (G:L274). */
export function reopenStage(reason: ReopenReason): 'preparation' | 'follow_up' {
  return reason === 're_separation' ? 'preparation' : 'follow_up';
}

export interface ClosureChecklist {
  observationsReviewed: boolean;
  progressReviewed: boolean;
  providersConsulted: string;
  risks: { risk: string; likelihood: number; severity: number; mitigation: string }[];
  childViews: string;
  familyViews: string;
}

/**
 * What is still missing before a closure can be recommended (B1.13): each element of the checklist,
 * and a justification for any risk still rated high. Empty when complete.
 */
export function missingForClosure(c: ClosureChecklist): string[] {
  const missing: string[] = [];
  if (!c.observationsReviewed) missing.push('observationsReviewed');
  if (!c.progressReviewed) missing.push('progressReviewed');
  if (c.providersConsulted.trim() === '') missing.push('providersConsulted');
  if (c.risks.length === 0) missing.push('risks');
  if (c.risks.some((r) => riskRating(r.likelihood, r.severity) === 'high' && r.mitigation.trim() === '')) missing.push('highRiskJustified');
  if (c.childViews.trim() === '') missing.push('childViews');
  if (c.familyViews.trim() === '') missing.push('familyViews');
  return missing;
}
