// Node-only. Tables of the reports feature (migration 16).
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

export interface ReportsTables {
  report_settings: ReportSettingsTable;
  dhis2_mappings: Dhis2MappingsTable;
}
