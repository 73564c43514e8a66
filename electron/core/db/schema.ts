// Node-only. Kysely's view of the database: one interface per table, named as in SQL.
import type { Generated } from 'kysely';
import type { ApprovalsTables } from '../approvals/tables';
import type { AssessmentsTables } from '../assessments/tables';
import type { BidTables } from '../bid/tables';
import type { CasesTables } from '../cases/tables';
import type { ConferenceTables } from '../conference/tables';
import type { ClosureTables } from '../closure/tables';
import type { ConsentsTables } from '../consents/tables';
import type { ContactsTables } from '../contacts/tables';
import type { FamilyTables } from '../family/tables';
import type { FollowupTables } from '../followup/tables';
import type { NotesTables } from '../notes/tables';
import type { PlansTables } from '../plans/tables';
import type { PreparationTables } from '../preparation/tables';
import type { ReferralsTables } from '../referrals/tables';
import type { ReportsTables } from '../reports/tables';
import type { ReunificationTables } from '../reunification/tables';
import type { ReviewTables } from '../review/tables';
import type { SafetyTables } from '../safety/tables';
import type { TasksTables } from '../tasks/tables';
import type { ServicesTables } from '../services/tables';
import type { TracingTables } from '../tracing/tables';
import type { TransferTables } from '../transfer/tables';

export interface OfficeTable {
  id: number;
  name: string;
  code: string;
  country: string;
  default_language: string;
  auto_lock_minutes: number;
  require_bid: number;
  created_at: string;
  backup_keep: Generated<number>;
  backup_reminder_days: Generated<number>;
  backup_folder: string | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: 'caseworker' | 'supervisor' | 'admin';
  language: string;
  active: number;
  removed_at: string | null;
  created_at: string;
  last_login_at: string | null;
  /** 1 while the password is one an administrator set (migration 0008). */
  must_change_password: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
  /** Hash of the case's state after the change this entry records (migration 7); null otherwise. */
  state_hash: string | null;
}

export interface FoundationTables {
  office: OfficeTable;
  users: UsersTable;
  audit_log: AuditLogTable;
}

export type DB = FoundationTables &
  ApprovalsTables &
  CasesTables &
  FamilyTables &
  ConsentsTables &
  NotesTables &
  TracingTables &
  AssessmentsTables &
  SafetyTables &
  BidTables &
  PlansTables &
  PreparationTables &
  ContactsTables &
  ReunificationTables &
  TasksTables &
  TransferTables &
  FollowupTables &
  ClosureTables &
  ReviewTables &
  ServicesTables &
  ReferralsTables &
  ConferenceTables &
  ReportsTables;
