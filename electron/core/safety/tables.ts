// Node-only. Tables of the safety feature: every save is a new numbered row, so versions are kept.
export interface RiskAssessmentsTable {
  id: string;
  case_id: string;
  number: number;
  date: string;
  risks: string;
  overall_level: 'low' | 'medium' | 'high';
  summary: string;
  created_at: string;
  created_by: string | null;
}

export interface SafetyPlansTable {
  id: string;
  case_id: string;
  number: number;
  trusted_contacts: string;
  if_harmed: string;
  if_breakdown: string;
  emergency_route: string;
  child_knows: number;
  reviewed_with_child_on: string | null;
  notes: string;
  created_at: string;
  created_by: string | null;
}

export interface SafetyTables {
  risk_assessments: RiskAssessmentsTable;
  safety_plans: SafetyPlansTable;
}
