// Node-only. Tables of the bid feature.
import type { Generated } from 'kysely';
import type { BidDecision, BidStatus } from '../../../shared/bid/contract';

export interface BidsTable {
  id: string;
  case_id: string;
  status: BidStatus;
  date: string;
  panel: string;
  options_considered: string;
  child_views: string;
  /** JSON of a ChildViewsAbsence, or null (migration 17). */
  child_views_absent: string | null;
  decision: BidDecision | null;
  decision_other: string;
  reasons: string;
  review_comment: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  version: number;
  /** Approved by the submitter or the case's holder under the one-supervisor setting (0009). */
  self_approved: Generated<number>;
}

export interface BidTables {
  bids: BidsTable;
}
