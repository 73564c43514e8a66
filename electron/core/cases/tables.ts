// Node-only. Tables of the cases feature.
import type { Generated } from 'kysely';

export interface CasesTable {
  id: string;
  number: string;
  seq: number;
  office_code: string;
  given_name: string;
  family_name: string;
  other_names: string;
  search_text: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  date_of_birth: string | null;
  dob_estimated: number;
  estimated_age: number | null;
  birth_year_sort: number | null;
  languages: string;
  has_disability: number;
  disability_notes: string;
  documentation_status: string;
  separation_reasons: string;
  separation_reason_other: string;
  separation_date: string | null;
  separation_place: string;
  care_arrangement: string;
  care_place: string;
  area: string;
  stage: 'tracing_assessment' | 'preparation' | 'reunification' | 'follow_up' | 'closure';
  status: 'open' | 'halted' | 'closed';
  halt_alternative: string | null;
  halt_reason: string | null;
  halt_child_views: string | null;
  halted_at: string | null;
  /** When a halted case is next reviewed (migration 17). */
  halt_review_due: string | null;
  /** JSON of shared/casework/child-views ChildViewsAbsence when the child could not give views. */
  halt_child_views_absent: string | null;
  spontaneous_kind: string | null;
  spontaneous_kind_other: Generated<string>;
  /** Migration 0013: who halted, and the supervisor who confirmed the halt. */
  halted_by: string | null;
  halt_confirmed_by: string | null;
  halt_confirmed_at: string | null;
  /** The last level set; meaningless while risk_assessed = 0 (migration 17). */
  risk_level: 'low' | 'medium' | 'high';
  risk_rank: number;
  /** 0 while risk is "not yet assessed" (migration 17). */
  risk_assessed: Generated<number>;
  priority: 'normal' | 'high' | 'urgent';
  spontaneous: number;
  worker_id: string | null;
  family_worker_id: string | null;
  review_due: string | null;
  registered_at: string;
  /** Entered from paper records: the day the paper file began, who marked it and when (migration 17). */
  paper_since: string | null;
  paper_marked_by: string | null;
  paper_marked_at: string | null;
  registered_by: string | null;
  updated_at: string;
  version: number;
}

export interface CasePhotosTable {
  case_id: string;
  mime: string;
  data: Buffer;
  updated_at: string;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  at: string;
  user_id: string | null;
  type: string;
  details: string | null;
}

export interface DraftsTable {
  user_id: string;
  key: string;
  data: string;
  saved_at: string;
}

/** Migration 0008: a case worker's request that a supervisor compare a likely duplicate. */
export interface DuplicateFlagsTable {
  id: string;
  case_id: string;
  raised_by: string;
  raised_at: string;
  score: number;
  note: string;
  resolved_at: string | null;
  resolved_by: string | null;
  outcome: 'same_child' | 'different_child' | null;
}

/** The office's cases counted per combination of the list's plain filters (migration 28), kept by triggers. */
export interface CaseCountsTable {
  stage: string;
  status: string;
  risk_rank: number;
  priority: string;
  area: string;
  n: number;
}

export interface CasesTables {
  cases: CasesTable;
  case_counts: CaseCountsTable;
  duplicate_flags: DuplicateFlagsTable;
  case_photos: CasePhotosTable;
  case_events: CaseEventsTable;
  drafts: DraftsTable;
}
