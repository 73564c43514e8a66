// Node-only. Tables of the reunification feature: one record per case, its willingness document,
// package items and service enrolments.
import type { Generated } from 'kysely';
import type { EnrolmentService, WillingnessDocumentKind } from '../../../shared/reunification/contract';

export interface ReunificationsTable {
  case_id: string;
  reunified_on: string;
  willingness_stated_by: string;
  willingness_stated_on: string | null;
  willingness_statement: string;
  guardianship_from: string;
  guardianship_to: string;
  guardianship_on: string | null;
  guardianship_reference: string;
  accompanied_by: string;
  child_choices: string;
  handover_from_id: string | null;
  handover_to_id: string | null;
  handover_at: string | null;
  handover_notes: string;
  notes: string;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ReunificationWillingnessDocumentsTable {
  case_id: string;
  kind: WillingnessDocumentKind;
  mime: string;
  bytes: number;
  data: Buffer;
  updated_at: string;
}

export interface ReunificationPackageItemsTable {
  id: Generated<number>;
  case_id: string;
  position: number;
  item: string;
  quantity: number;
  provided_by: string;
}

export interface ReunificationEnrolmentsTable {
  id: Generated<number>;
  case_id: string;
  position: number;
  service: EnrolmentService;
  service_other: string;
  provider: string;
  enrolled_on: string | null;
  notes: string;
}

export interface ReunificationTables {
  reunifications: ReunificationsTable;
  reunification_willingness_documents: ReunificationWillingnessDocumentsTable;
  reunification_package_items: ReunificationPackageItemsTable;
  reunification_enrolments: ReunificationEnrolmentsTable;
}
