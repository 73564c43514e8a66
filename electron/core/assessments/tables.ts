// Node-only. Tables of the assessments feature. JSON columns hold the template's title and
// definition, and an assessment's participants, answers and computed scores.
export interface AssessmentTemplatesTable {
  key: string;
  version: number;
  kind: 'child' | 'family' | 'community' | 'wellbeing';
  title: string;
  definition: string;
  created_at: string;
  created_by: string | null;
}

export interface AssessmentsTable {
  id: string;
  case_id: string;
  template_key: string;
  template_version: number;
  kind: 'child' | 'family' | 'community' | 'wellbeing';
  date: string;
  status: 'draft' | 'completed';
  participants: string;
  answers: string;
  scores: string;
  child_views: string;
  /** JSON of a ChildViewsAbsence, or null (migration 17). */
  child_views_absent: string | null;
  summary: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  completed_at: string | null;
  completed_by: string | null;
  version: number;
}

export interface AssessmentsTables {
  assessment_templates: AssessmentTemplatesTable;
  assessments: AssessmentsTable;
}
