// Node-only. Tables of the services feature (migrations/0015_services.ts).
export interface ServiceAreasTable {
  id: string;
  code: string;
  name: string;
  level: string;
  parent_id: string | null;
  /** A GeoJSON geometry (Polygon / MultiPolygon), as imported. */
  boundary: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceCategoriesTable {
  key: string;
  label: string;
  builtin: number;
  position: number;
  /** JSON: the category's name by language (migration 23); a built-in one falls back to its translation. */
  labels: string;
  /** When it was retired: kept for what uses it, offered for nothing new. */
  retired_at: string | null;
  updated_at: string | null;
}

export interface ServiceProvidersTable {
  id: string;
  name: string;
  /** lower-cased, space-collapsed name: one provider per name. */
  name_key: string;
  kind: 'government' | 'ngo' | 'community' | 'faith' | 'private';
  contact_name: string;
  phone: string;
  email: string;
  address: string;
  language: string;
  referral_procedure: string;
  /** JSON array of referral field keys. */
  required_fields: string;
  active: number;
  last_verified: string | null;
  created_at: string;
  updated_at: string;
  /** The trusted partner office this provider is (migration 23): referrals can go to it as sealed files. */
  partner_id: string | null;
}

export interface ServicesTable {
  id: string;
  provider_id: string;
  name: string;
  category: string;
  description: string;
  min_age: number | null;
  max_age: number | null;
  /** JSON array; empty: any. */
  sexes: string;
  disability_only: number;
  eligibility_notes: string;
  /** JSON array of language names or codes as the office writes them. */
  languages: string;
  cost: 'free' | 'fee' | 'sliding';
  cost_notes: string;
  accessibility: string;
  opening_hours: string;
  capacity: string;
  waiting_days: number | null;
  open_to_non_returnees: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ServiceCoverageTable {
  service_id: string;
  area_id: string;
}

export interface CaseNeedsTable {
  case_id: string;
  category: string;
  source: 'objective' | 'wellbeing' | 'referral';
  area_key: string;
}

export interface NeedCountsTable {
  area_key: string;
  category: string;
  n: number;
}

/** Every (ancestor, descendant) pair of the area tree, an area with itself at depth 0 (migration 19). */
export interface ServiceAreaClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

/** A service's languages, lower-cased (migration 19). */
export interface ServiceLanguagesTable {
  language: string;
  service_id: string;
}

/** One row: bumped by every change to the directory (migration 19). */
export interface DirectoryVersionTable {
  id: number;
  n: number;
}

/** Referrals pending and declined or unmet, by the child's area text and category (migration 19). */
export interface ReferralCountsTable {
  area_key: string;
  category: string;
  pending: number;
  declined: number;
}

export interface ServicesTables {
  case_needs: CaseNeedsTable;
  referral_counts: ReferralCountsTable;
  directory_version: DirectoryVersionTable;
  service_area_closure: ServiceAreaClosureTable;
  service_languages: ServiceLanguagesTable;
  need_counts: NeedCountsTable;
  service_areas: ServiceAreasTable;
  service_categories: ServiceCategoriesTable;
  service_providers: ServiceProvidersTable;
  services: ServicesTable;
  service_coverage: ServiceCoverageTable;
}
