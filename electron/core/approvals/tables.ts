// Node-only. Tables of the approvals feature (migration 0009).
import type { ExceptionReasonKind, ExceptionStatus } from '../../../shared/approvals/rules';

export interface GateExceptionsTable {
  id: string;
  case_id: string;
  gate_id: string;
  reason_kind: ExceptionReasonKind;
  reason: string;
  status: ExceptionStatus;
  requested_by: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string;
  self_approved: number;
}

export interface PracticeSettingsTable {
  id: number;
  home_safety_days: number;
  plan_due_days: number;
  alternative_care_warn_days: number;
  spontaneous_visit_days: number;
  spontaneous_baseline_days: number;
  one_supervisor_mode: number;
  /** Migration 0013: a worker holding more open cases than this is flagged on the caseload view. */
  caseload_warn_size: number;
  updated_at: string | null;
  updated_by: string | null;
}

export interface ApprovalsTables {
  gate_exceptions: GateExceptionsTable;
  practice_settings: PracticeSettingsTable;
}
