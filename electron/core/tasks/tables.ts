// Node-only. Tables of the tasks feature (migration 17).
import type { SpontaneousTaskKind } from '../../../shared/tasks/rules';

export interface CaseTasksTable {
  case_id: string;
  kind: SpontaneousTaskKind;
  due_on: string;
  created_at: string;
  done_on: string | null;
  done_note: string;
  done_by: string | null;
}

export interface HaltReviewsTable {
  id: string;
  case_id: string;
  reviewed_on: string;
  /** JSON array of { role, name }. */
  participants: string;
  notes: string;
  child_views: string;
  /** JSON of a ChildViewsAbsence, or null. */
  child_views_absent: string | null;
  next_review_on: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface TasksTables {
  case_tasks: CaseTasksTable;
  halt_reviews: HaltReviewsTable;
}
