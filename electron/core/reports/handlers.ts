// Node-only. The M&E dashboard and its setting. A dashboard view is audited with its period,
// filters and split (aggregates only: no case is read into the audit).
import { sql } from 'kysely';
import { can } from '../../../shared/permissions';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { assertDashboardAccess, readReportSettings } from './access';
import { computeIndicators } from './engine';

export function createReportsHandlers(deps: CoreDeps) {
  return defineHandlers({
    'reports.dashboard': async (input, env) => {
      await assertDashboardAccess(env, 'reports.dashboard');
      const started = performance.now();
      const db = env.db();
      const indicators = await computeIndicators(db, { period: input.period, filters: input.filters, by: input.by }, deps.store.sharedReads());
      // The office's areas, one index step each (a loose index scan of cases_area), not a pass over every case.
      const areas = (
        await sql<{ area: string }>`WITH RECURSIVE a(area) AS (SELECT min(area) FROM cases WHERE area > ''
          UNION ALL SELECT (SELECT min(c.area) FROM cases c WHERE c.area > a.area) FROM a WHERE a.area IS NOT NULL)
          SELECT area FROM a WHERE area IS NOT NULL`.execute(db)
      ).rows.map((r) => r.area);
      const computedMs = Math.round(performance.now() - started);
      await env.audit(db, { action: 'reports.dashboard', entityType: 'office', details: { period: input.period, filters: input.filters, by: input.by } });
      return { indicators, canOpenCases: can(env.session.role, 'case.readAll'), areas, computedMs };
    },

    'reports.getSettings': async (_input, env) => {
      const { adminDashboard, updatedAt } = await readReportSettings(env.db());
      return { adminDashboard, updatedAt };
    },

    'reports.updateSettings': async ({ adminDashboard }, env) => {
      const before = await readReportSettings(env.db());
      await env.tx(async (trx) => {
        await trx
          .updateTable('report_settings')
          .set({ admin_dashboard: adminDashboard ? 1 : 0, updated_at: env.now().toISOString(), updated_by: env.session.userId })
          .where('id', '=', 1)
          .execute();
        await env.audit(trx, { action: 'reports.settings', entityType: 'office', details: { adminDashboard: { from: before.adminDashboard, to: adminDashboard } } });
      });
      const { adminDashboard: now, updatedAt } = await readReportSettings(env.db());
      return { adminDashboard: now, updatedAt };
    },
  });
}
