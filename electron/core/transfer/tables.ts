// Node-only. Tables of the transfer feature (migration 12).
export interface OfficeKeysTable {
  id: number;
  age_identity: string;
  age_recipient: string;
  signing_private_key: string;
  signing_public_key: string;
  created_at: string;
}

export interface PartnerOfficesTable {
  id: string;
  kind: 'office' | 'local_authority' | 'provider';
  name: string;
  code: string;
  country: string;
  age_recipient: string;
  signing_public_key: string;
  fingerprint: string;
  trusted_at: string;
  trusted_by: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface TransfersTable {
  id: string;
  direction: 'out' | 'in';
  case_id: string | null;
  partner_id: string;
  status: 'pending' | 'accepted' | 'rejected';
  reason: string;
  reason_country: string;
  reason_legal_status: string;
  basis: 'consent' | 'legal_basis';
  legal_basis: string;
  child_assent: 'given' | 'not_given' | 'not_able';
  sections: string;
  records: string;
  file_sha256: string;
  file_bytes: number;
  sent_at: string;
  created_at: string;
  created_by: string | null;
  audit_anchor: string | null;
  decided_at: string | null;
  decided_by_name: string;
  decision_reason: string;
  receipt_sha256: string | null;
}

export interface CaseHandoversTable {
  id: string;
  case_id: string;
  met_on: string;
  receiving_worker: string;
  attendees: string;
  child_attended: number;
  officials: string;
  child_told_new_worker: number;
  safety_plan_updated: number;
  new_contact: string;
  notes: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface TransferTables {
  office_keys: OfficeKeysTable;
  partner_offices: PartnerOfficesTable;
  transfers: TransfersTable;
  case_handovers: CaseHandoversTable;
}
