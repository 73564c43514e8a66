// Node-only. Who sees the M&E dashboard: supervisors; administrators only when a supervisor has
// granted it (they set up the office and are not readers of case content by default). Case
// workers see their own cases, not the office's programme figures.
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import type { ReportSettings } from '../../../shared/reports/contract';
import type { DB } from '../db/schema';
import type { HandlerEnv } from '../handler';

export async function readReportSettings(db: Kysely<DB> | Transaction<DB>): Promise<ReportSettings & { orgUnit: string; dataSet: string }> {
  const row = await db.selectFrom('report_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { adminDashboard: row.admin_dashboard === 1, updatedAt: row.updated_at, orgUnit: row.dhis2_org_unit, dataSet: row.dhis2_data_set };
}

/** Throws FORBIDDEN (audited) unless the caller may see aggregate indicators. */
export async function assertDashboardAccess(env: HandlerEnv, channel: string): Promise<void> {
  const role = env.session.role;
  if (role === 'supervisor') return;
  if (role === 'admin' && (await readReportSettings(env.db())).adminDashboard) return;
  await env.audit(env.db(), { action: 'access.denied', details: { channel } });
  throw new AppError('FORBIDDEN', 'the M&E dashboard is for supervisors (and administrators a supervisor has granted it)', { params: { channel } });
}
