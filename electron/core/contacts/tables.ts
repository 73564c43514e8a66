// Node-only. Tables of the contacts feature: the contact log on the ladder, and refusals.
import type { ContactKind, ContactMode, ContactOutcome, ContactStatus, RefusalParty } from '../../../shared/contacts/ladder';

export interface ContactsTable {
  id: string;
  case_id: string;
  kind: ContactKind;
  mode: ContactMode | null;
  with_whom: string;
  family_member_id: string | null;
  place: string;
  status: ContactStatus;
  planned_for: string | null;
  purpose: string;
  held_on: string | null;
  duration_minutes: number | null;
  outcome: ContactOutcome | null;
  child_feedback: string;
  family_feedback: string;
  observations: string;
  concerns: string;
  cancel_reason: string;
  cancelled_at: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ContactRefusalsTable {
  id: string;
  case_id: string;
  refused_on: string;
  refused_by: RefusalParty;
  who: string;
  reasons: string;
  child_views: string;
  contact_id: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface ContactsTables {
  contacts: ContactsTable;
  contact_refusals: ContactRefusalsTable;
}
