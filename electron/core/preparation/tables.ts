// Node-only. Tables of the preparation feature (created by migrations/0005_plans.ts).
import type { Generated } from 'kysely';
import type { MonitorRole, PreparationArea, PreparationItemStatus } from '../../../shared/preparation/schemas';

export interface PreparationCareTable {
  id: string;
  case_id: string;
  arrangement: string;
  place: string;
  distance_km: number | null;
  since: string;
  close_to_home: number;
  notes: string;
  recorded_at: string;
  recorded_by: string | null;
  /** The placement's address must not reach the family or leave the office (0009). */
  confidential: Generated<number>;
}

export interface PreparationItemsTable {
  id: string;
  case_id: string;
  area: PreparationArea;
  template_key: string | null;
  description: string;
  owner: string;
  due_date: string | null;
  status: PreparationItemStatus;
  notes: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface PreparationMonitorsTable {
  case_id: string;
  name: string;
  role: MonitorRole;
  contact: string;
  agreed_on: string;
  notes: string;
  updated_at: string;
  updated_by: string | null;
}

export interface PreparationTables {
  preparation_care: PreparationCareTable;
  preparation_items: PreparationItemsTable;
  preparation_monitors: PreparationMonitorsTable;
}
