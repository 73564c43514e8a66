// Environment-free. The case's risk level as lists, My work and gates show it. "Not yet assessed"
// is a real state (A24; G:L83 "a full risk assessment"): a new case starts there unless the worker
// makes an intake judgement, and only a risk assessment — or a worker's override with a reason —
// gives it a level. Once a risk assessment exists the case cannot go back to "not yet assessed".
import type { CaseRiskLevel } from './fields';

/** Sort rank: not yet assessed sorts below low (it has no level), high above all. */
export const caseRiskRank: Record<CaseRiskLevel, number> = { not_assessed: 0, low: 1, medium: 2, high: 3 };

export type RiskChangeProblem = 'riskReasonRequired' | 'riskAlreadyAssessed';

/**
 * Whether a worker may change the level shown on the case by hand. `hasAssessment`: a risk
 * assessment has been recorded for the case.
 */
export function riskChangeProblem(current: CaseRiskLevel, next: CaseRiskLevel, reason: string, hasAssessment: boolean): RiskChangeProblem | null {
  if (current === next) return null;
  if (next === 'not_assessed' && hasAssessment) return 'riskAlreadyAssessed';
  if (reason.trim() === '') return 'riskReasonRequired';
  return null;
}
