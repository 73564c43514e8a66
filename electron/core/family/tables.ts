// Node-only. Tables of the family feature.
import type { Generated } from 'kysely';

export interface FamilyMembersTable {
  id: string;
  case_id: string;
  kind: 'relative' | 'sibling' | 'important_person';
  relationship: string | null;
  role: string | null;
  role_other: string;
  given_name: string;
  family_name: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  date_of_birth: string | null;
  estimated_age: number | null;
  is_caregiver: number;
  lives_with_child: number;
  deceased: number;
  phone: string;
  other_contact: string;
  place: string;
  area: string;
  country: string | null;
  living_situation: string | null;
  care_place: string;
  in_contact: 'yes' | 'no' | 'unknown' | null;
  keep_together: number | null;
  notes: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  version: number;
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
  poses_risk: Generated<number>;
  restriction: Generated<'none' | 'supervised_only' | 'no_contact'>;
  must_not_know_location: Generated<number>;
}

export interface FamilyTables {
  family_members: FamilyMembersTable;
}
