// Node-only. Tables of the conference feature (migrations 14 and 21).
import type { Generated } from 'kysely';
export interface ConferencesTable {
  id: string;
  case_id: string;
  version: number;
  kind: 'conference' | 'meeting';
  purpose: 'plan' | 'plan_review' | 'preparation' | 'crisis';
  date: string;
  time: string;
  venue: string;
  facilitator_name: string;
  family_language: string;
  other_languages: string;
  interpreter: string;
  child_mode: 'attends_all' | 'attends_part' | 'advocate' | 'views_sent' | 'not_involved';
  child_means: string | null;
  child_words: string;
  child_agreed_to_share: number;
  child_reason: string;
  checklist: string;
  private_minutes: number;
  selection: string;
  step: 'welcome' | 'information' | 'private_time' | 'family_plan' | 'agreement' | null;
  step_started_at: string | null;
  private_started_at: string | null;
  private_ended_at: string | null;
  facilitator_notes: string;
  agreement: string;
  review_date: string | null;
  agreed_at: string | null;
  plan_version_id: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface ConferenceInviteesTable {
  id: string;
  conference_id: string;
  case_id: string;
  member_id: string | null;
  name: string;
  role: string;
  language: string;
  status: 'proposed' | 'invited' | 'declined' | 'attended';
  safety_note: string | null;
  safety_note_by: string | null;
  safety_note_at: string | null;
  position: number;
  created_at: string;
  /** The person's answer to the agreement (migration 20); null until recorded. */
  ack_outcome: 'acknowledged' | 'declined' | 'absent' | null;
  ack_reason: Generated<string>;
  ack_by: string | null;
  ack_at: string | null;
}

export interface ConferenceCommitmentsTable {
  id: string;
  conference_id: string;
  case_id: string;
  position: number;
  who: string;
  what: string;
  by_when: string;
  domain: string;
  indicator: string;
  support_needed: string;
  family_part: string;
  disagreement: string;
  /** When the done mark was recorded; done_on is the day it was done (migration 20). */
  done_at: string | null;
  done_on: string | null;
  done_by: string | null;
  done_evidence: Generated<string>;
}

export interface ConferenceTables {
  conferences: ConferencesTable;
  conference_invitees: ConferenceInviteesTable;
  conference_commitments: ConferenceCommitmentsTable;
}
