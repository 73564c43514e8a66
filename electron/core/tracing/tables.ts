// Node-only. Tables of the tracing feature.
export interface TracingActionsTable {
  id: string;
  case_id: string;
  date: string;
  method: string;
  method_other: string;
  place: string;
  area: string;
  country: string;
  person_contacted: string;
  result: string;
  notes: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  version: number;
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
}

export interface TracingTables {
  tracing_actions: TracingActionsTable;
}
