// Node-only. What feature modules are built from: the vault, the store, the clock, the sessions.
import type { Kysely, Transaction } from 'kysely';
import type { OfficeSettings } from '../../shared/admin/contract';
import type { MaintenanceState } from './admin/maintenance';
import type { AuditEvent } from './audit/audit';
import type { DB } from './db/schema';
import type { Connection } from './handler';
import type { StoreManager } from './store';
import type { KdfCost } from './vault/crypto';
import type { Vault } from './vault/vault';

export interface CoreDeps {
  vault: Vault;
  store: StoreManager;
  kdfCost: KdfCost;
  now(): Date;
  connections: Set<Connection>;
  /** Office-wide work in progress (key rotation): the office is locked meanwhile. */
  maintenance: MaintenanceState;
  /** Background jobs that run while the office works (today: 'backup'); rotation waits for them. */
  backgroundJobs: Set<string>;
  /** Office settings, read from the database (the store must be open). */
  settings(): Promise<OfficeSettings>;
  /** Appends an audit entry for an actor that may have no session (failed logins). */
  auditAs(trx: Kysely<DB> | Transaction<DB>, event: AuditEvent): Promise<void>;
  /** Closes the database when no connection has a session any more. */
  closeStoreIfIdle(): void;
  /** Runs work in the core's one-call-at-a-time queue (for background jobs that touch the database). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** better_sqlite3.node for the running runtime, for connections opened outside the store. */
  nativeBinding?: string;
  /** A native folder picker (the desktop app's dialog); absent in browser mode and tests. */
  chooseFolder?: (purpose: 'backup' | 'restore') => Promise<string | null>;
  /** HTML page → PDF bytes (electron/core/print): the desktop app's hidden window, or headless
   *  Chromium in browser mode and tests; absent where neither exists (PDF_UNAVAILABLE). */
  printToPdf?: (html: string) => Promise<Buffer>;
}
