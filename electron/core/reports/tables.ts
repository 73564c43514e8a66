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

/** Indicator facts kept by triggers (migration 22, facts.ts). */
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
}

/** The case columns indicators are split and filtered by, kept by triggers (migration 22). */
export interface ReportCasesTable {
  id: string;
  sex: string;
  date_of_birth: string | null;
  estimated_age: number | null;
  registered_at: string;
  has_disability: number;
  separation_reasons: string;
  care_arrangement: string;
  spontaneous: number;
  area: string;
}

export interface ReportsTables {
  report_facts: ReportFactsTable;
  report_cases: ReportCasesTable;
  report_settings: ReportSettingsTable;
  dhis2_mappings: Dhis2MappingsTable;
}
