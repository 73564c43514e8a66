// Node-only. Tables of the plans feature (migrations/0005_plans.ts).
import type { Generated } from 'kysely';
import type { AcknowledgementMethod, ObjectiveStatus, PlanVersionStatus, WellbeingDomain } from '../../../shared/plans/schemas';

export interface PlanVersionsTable {
  id: string;
  case_id: string;
  version: number;
  status: PlanVersionStatus;
  revision: number;
  based_on: number | null;
  family_ownership: string;
  contingency_plan: string;
  guardian_current: string;
  guardian_returns_to: string;
  guardian_returns_on: string | null;
  guardian_notes: string;
  acknowledged_on: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approval_notes: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  superseded_at: string | null;
  /** Approved by its author or the case's holder under the one-supervisor setting (0009). */
  self_approved: Generated<number>;
  /** The child's views on the plan, or a reasoned absence as JSON (migration 17). */
  child_views: Generated<string>;
  child_views_absent: string | null;
}

export interface PlanObjectivesTable {
  id: string;
  plan_version_id: string;
  case_id: string;
  objective_key: string;
  position: number;
  domain: WellbeingDomain;
  objective: string;
  indicator: string;
  target_date: string;
  responsible: string;
  resources: string;
  partial_support_what: string | null;
  partial_support_share: string | null;
  status: ObjectiveStatus;
  updated_at: string;
  /** 1: never in the family's copy (migration 17). */
  confidential: Generated<number>;
}

export interface PlanAcknowledgementsTable {
  plan_version_id: string;
  case_id: string;
  date: string;
  method: AcknowledgementMethod;
  /** JSON: [{ name, relationship }]. */
  family_members: string;
  child_acknowledged: number;
  witness_name: string;
  witness_role: string;
  image_mime: string | null;
  notes: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface PlanAcknowledgementImagesTable {
  plan_version_id: string;
  data: Buffer;
}

export interface PlanReviewsTable {
  id: string;
  case_id: string;
  plan_version_id: string;
  date: string;
  notes: string;
  next_due: string;
  recorded_at: string;
  recorded_by: string | null;
  /** JSON array of { role, name } (migration 17). */
  participants: Generated<string>;
  child_views: Generated<string>;
  child_views_absent: string | null;
}

export interface PlanProgressNotesTable {
  id: string;
  case_id: string;
  objective_key: string;
  plan_version_id: string;
  review_id: string | null;
  date: string;
  note: string;
  status: ObjectiveStatus | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface PlansTables {
  plan_versions: PlanVersionsTable;
  plan_objectives: PlanObjectivesTable;
  plan_acknowledgements: PlanAcknowledgementsTable;
  plan_acknowledgement_images: PlanAcknowledgementImagesTable;
  plan_reviews: PlanReviewsTable;
  plan_progress_notes: PlanProgressNotesTable;
}
