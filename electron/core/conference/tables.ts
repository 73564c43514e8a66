// Node-only. Tables of the conference feature (migration 14).
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
  done_at: string | null;
}

export interface ConferenceTables {
  conferences: ConferencesTable;
  conference_invitees: ConferenceInviteesTable;
  conference_commitments: ConferenceCommitmentsTable;
}
