// Node-only. Tables of the review feature (migration 0013): supervision sessions, one row per case
// reviewed (its note is a supervision note), and the actions they assign.
import type { ReviewDecision } from '../../../shared/review/rules';

export interface ReviewSessionsTable {
  id: string;
  held_on: string;
  kind: 'supervisor' | 'panel';
  /** JSON array of the agencies present (a panel). */
  agencies: string;
  participants: string;
  /** JSON array of the selection rules used. */
  rules: string;
  sample_size: number;
  status: 'open' | 'finished';
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface ReviewItemsTable {
  session_id: string;
  case_id: string;
  position: number;
  /** JSON array of why the case was picked (rule ids, or 'sample'). */
  reasons: string;
  decision: ReviewDecision | null;
  note: string;
  child_consulted: number;
  family_consulted: number;
  counts_as_plan_review: number;
  decided_by: string | null;
  decided_at: string | null;
}

export interface ReviewActionsTable {
  id: string;
  session_id: string;
  case_id: string;
  text: string;
  owner_id: string;
  due_on: string;
  status: 'open' | 'done';
  created_by: string | null;
  created_at: string;
  done_by: string | null;
  done_at: string | null;
}

export interface ReviewTables {
  review_sessions: ReviewSessionsTable;
  review_items: ReviewItemsTable;
  review_actions: ReviewActionsTable;
}
