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

/** Sending office: the sealed referral file (out) and each response file applied (in), migration 23. */
export interface ReferralExchangesTable {
  id: string;
  referral_id: string;
  direction: 'out' | 'in';
  partner_id: string;
  seq: number;
  status: string | null;
  file_sha256: string;
  file_bytes: number;
  at: string;
  user_id: string | null;
}

/** Partner office: a referral that came as a file — its own register, never a case. */
export interface ReceivedReferralsTable {
  id: string;
  partner_id: string;
  sender_referral_id: string;
  category: string;
  category_labels: string;
  service_name: string | null;
  urgency: Urgency;
  sent_on: string;
  due_on: string | null;
  referred_by: string;
  /** JSON [{ field, value }] exactly as received. */
  fields: string;
  status: Exclude<ReferralStatus, 'draft' | 'no_response'>;
  decline_reason: string | null;
  outcome: string | null;
  response_seq: number;
  file_sha256: string;
  received_at: string;
  received_by: string | null;
  updated_at: string;
  version: number;
}

export interface ReceivedReferralEventsTable {
  id: Generated<number>;
  received_id: string;
  at: string;
  user_id: string | null;
  from_status: string | null;
  to_status: string;
  date: string;
  note: string;
  response_id: string | null;
  response_seq: number | null;
}

export interface ReferralsTables {
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  referral_exchanges: ReferralExchangesTable;
  received_referrals: ReceivedReferralsTable;
  received_referral_events: ReceivedReferralEventsTable;
}
