// Node-only. Tables of the referrals feature (migrations/0015_services.ts).
import type { Generated } from 'kysely';
import type { ReferralStatus, Urgency } from '../../../shared/referrals/lifecycle';

export interface ReferralsTable {
  id: string;
  case_id: string;
  provider_id: string;
  service_id: string | null;
  category: string;
  /** lower(case area) when the referral was made: the gap matrix counts by it. */
  area_key: string;
  objective_key: string | null;
  finding: string;
  need: string;
  urgency: Urgency;
  status: ReferralStatus;
  /** JSON array of the fields chosen for the slip. */
  shared_fields: string;
  /** JSON: the worker's words for each sensitive field. */
  field_texts: string;
  /** JSON: the reason for each sensitive field. */
  field_reasons: string;
  consent_basis: 'consent' | 'exception' | 'emergency' | null;
  emergency_reason: string | null;
  emergency_seen_at: string | null;
  emergency_seen_by: string | null;
  sent_on: string | null;
  due_on: string | null;
  decline_reason: string | null;
  outcome: string | null;
  provider_feedback: string;
  child_view: string;
  family_view: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: number;
}

export interface ReferralEventsTable {
  id: Generated<number>;
  referral_id: string;
  at: string;
  user_id: string | null;
  from_status: string | null;
  to_status: string;
  date: string;
  note: string;
}

export interface ReferralsTables {
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
}
