// Node-only. Tables of the closure feature (migration 0013).
import type { ClosureReason, ClosureStatus, ReopenReason } from '../../../shared/closure/rules';

export interface CaseClosuresTable {
  id: string;
  case_id: string;
  status: ClosureStatus;
  reason: ClosureReason;
  reason_note: string;
  observations_reviewed: number;
  progress_reviewed: number;
  /** Who was consulted and what they said (teachers, health workers… G:L290). */
  providers_consulted: string;
  /** JSON: [{ risk, likelihood, severity, mitigation }] (G:L291). */
  risks: string;
  child_views: string;
  family_views: string;
  stage_before: string;
  status_before: string;
  recommended_by: string | null;
  recommended_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string;
  /** JSON array of agency names when an inter-agency panel decided. */
  panel_agencies: string;
  self_approved: number;
}

export interface CaseReopeningsTable {
  id: string;
  case_id: string;
  closure_id: string | null;
  reason: ReopenReason;
  note: string;
  stage: string;
  reopened_by: string | null;
  reopened_at: string;
}

export interface ClosureTables {
  case_closures: CaseClosuresTable;
  case_reopenings: CaseReopeningsTable;
}
