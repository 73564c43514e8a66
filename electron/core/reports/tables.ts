// Node-only. Tables of the reports feature (migrations 16 and 21).
export interface ReportSettingsTable {
  id: number;
  admin_dashboard: number;
  dhis2_org_unit: string;
  dhis2_data_set: string;
  updated_at: string | null;
  updated_by: string | null;
}

export interface Dhis2MappingsTable {
  indicator: string;
  part: 'numerator' | 'denominator';
  dimension: string;
  value: string;
  data_element: string;
  category_option_combo: string;
  updated_at: string;
  updated_by: string | null;
}

/** Indicator facts kept by triggers (migrations 22 and 26, facts.ts), each with its child's split columns. */
export interface ReportFactsTable {
  indicator: string;
  case_id: string;
  at: string;
  num: number;
  unk: number;
  ref: string | null;
  days: number | null;
  x: string | null;
  n: number | null;
  y: string | null;
  /** The child's previous `at` for the indicator (a cohort counts a child at its first fact of a period). */
  prev: string | null;
  sex: string | null;
  date_of_birth: string | null;
  estimated_age: number | null;
  /** The day of registration. */
  registered_at: string | null;
  has_disability: number | null;
  separation_reasons: string | null;
  care_arrangement: string | null;
  spontaneous: number | null;
  area: string | null;
  /** The child's waiting care arrangements: the first day of one, the latest one and its day. */
  care_from: string | null;
  care_latest_on: string | null;
  care_latest: string | null;
}

export interface ReportsTables {
  report_facts: ReportFactsTable;
  report_settings: ReportSettingsTable;
  dhis2_mappings: Dhis2MappingsTable;
}
