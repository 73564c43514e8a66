// Node-only. Tables of the follow-up feature (migration 0012).
import type { careArrangements } from '../../../shared/cases/fields';
import type { FollowupContactType, FollowupPerformer } from '../../../shared/followup/protocol';
import type { ContactSource } from '../../../shared/followup/schedule';

export interface FollowupProtocolTable {
  id: number;
  definition: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface FollowupContactsTable {
  id: string;
  case_id: string;
  due_on: string;
  type: FollowupContactType;
  performer: FollowupPerformer;
  source: ContactSource;
  status: 'planned' | 'done' | 'cancelled';
  visit_id: string | null;
  reason: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface FollowupVisitsTable {
  id: string;
  case_id: string;
  date: string;
  mode: 'in_person' | 'phone';
  contact_id: string | null;
  child_spoken_with: number;
  emergency_route_confirmed: number;
  wellbeing_assessment_id: string | null;
  data: string;
  created_at: string;
  created_by: string | null;
}

export interface FollowupSignsTable {
  id: string;
  case_id: string;
  visit_id: string;
  sign: string;
  urgent: number;
  note: string;
  observed_on: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

export interface FollowupBreakdownsTable {
  id: string;
  case_id: string;
  date: string;
  what_happened: string;
  where_now: (typeof careArrangements)[number];
  where_place: string;
  decided_by: string;
  from_stage: string;
  bid_review_due: string;
  created_at: string;
  created_by: string | null;
}

export interface FollowupOutcomesTable {
  id: string;
  case_id: string;
  milestone: number;
  recorded_on: string;
  living: string;
  school: string;
  welcomed: string;
  belonging: string;
  child_words: string;
  note: string;
  result: 'success' | 'not_success' | 'unknown';
  baseline_overall: number | null;
  latest_overall: number | null;
  created_at: string;
  created_by: string | null;
}

export interface FollowupTables {
  followup_protocol: FollowupProtocolTable;
  followup_contacts: FollowupContactsTable;
  followup_visits: FollowupVisitsTable;
  followup_signs: FollowupSignsTable;
  followup_breakdowns: FollowupBreakdownsTable;
  followup_outcomes: FollowupOutcomesTable;
}
