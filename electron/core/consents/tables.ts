// Node-only. Tables of the consents feature.
export interface ConsentsTable {
  id: string;
  case_id: string;
  given_by: 'child' | 'caregiver' | 'guardian' | 'other';
  member_id: string | null;
  giver_name: string;
  relationship: string;
  /** JSON array of purposes. */
  purposes: string;
  purpose_other: string;
  method: 'written' | 'verbal' | 'thumbprint' | 'signature';
  given_on: string;
  document_id: string | null;
  notes: string;
  recorded_at: string;
  recorded_by: string | null;
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

export interface ConsentsTables {
  consents: ConsentsTable;
}
