// Node-only. The DHIS2 mapping (administrators keep it: it is office set-up, not case content) and
// the dry-run preview of every value a DHIS2 file would hold (supervisors, who export).
import { sql } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { dimensions } from '../../../shared/reports/indicators';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { readReportSettings } from './access';
import { dhis2Period, dhis2Values, figures } from './dhis2';
import { computeSplits } from './engine';

export function createDhis2Handlers(deps: CoreDeps) {
  return defineHandlers({
    'reports.dhisMapping': async (_input, env) => {
      const db = env.db();
      const settings = await readReportSettings(db);
      const rows = await db.selectFrom('dhis2_mappings').selectAll().orderBy('indicator').orderBy('part').orderBy('dimension').orderBy('value').execute();
      // What could be mapped: the figures of a year's dashboard in every split (values only, no case).
      const year = { from: `${new Date().getUTCFullYear() - 1}-01-01`, to: `${new Date().getUTCFullYear() - 1}-12-31` };
      const byDim = await computeSplits(db, { period: year, filters: {} }, [null, ...dimensions], deps.store.sharedReads());
      const have = new Set(rows.map((r) => `${r.indicator}|${r.part}|${r.dimension}|${r.value}`));
      const unmapped = figures(byDim)
        .filter((f) => !have.has(`${f.indicator}|${f.part}|${f.dimension}|${f.value}`))
        .map(({ indicator, part, dimension, value }) => ({ indicator, part, dimension, value }));
      return {
        orgUnit: settings.orgUnit,
        dataSet: settings.dataSet,
        rows: rows.map((r) => ({ indicator: r.indicator, part: r.part, dimension: r.dimension, value: r.value, dataElement: r.data_element, categoryOptionCombo: r.category_option_combo })),
        unmapped,
      };
    },

    'reports.dhisSaveMapping': async ({ orgUnit, dataSet, rows }, env) => {
      const seen = new Set<string>();
      rows.forEach((r, i) => {
        const k = `${r.indicator}|${r.part}|${r.dimension}|${r.value}`;
        if (seen.has(k)) throw new AppError('VALIDATION', 'a figure is mapped twice', { issues: [{ path: ['rows', i], code: 'duplicate', message: 'duplicate' }] });
        seen.add(k);
      });
      const at = env.now().toISOString();
      await env.tx(async (trx) => {
        await trx.deleteFrom('dhis2_mappings').execute();
        for (const r of rows) {
          await trx
            .insertInto('dhis2_mappings')
            .values({ indicator: r.indicator, part: r.part, dimension: r.dimension, value: r.value, data_element: r.dataElement, category_option_combo: r.categoryOptionCombo, updated_at: at, updated_by: env.session.userId })
            .execute();
        }
        await trx.updateTable('report_settings').set({ dhis2_org_unit: orgUnit, dhis2_data_set: dataSet, updated_at: at, updated_by: env.session.userId }).where('id', '=', 1).execute();
        await env.audit(trx, { action: 'reports.dhisMapping', entityType: 'office', details: { rows: rows.length, orgUnit, dataSet } });
      });
      return { saved: Number((await sql<{ n: number }>`SELECT count(*) AS n FROM dhis2_mappings`.execute(env.db())).rows[0].n) };
    },

    'reports.dhisPreview': async ({ period, filters }, env) => {
      const dhisPeriod = dhis2Period(period);
      if (!dhisPeriod) throw new AppError('VALIDATION', 'DHIS2 needs a whole month, quarter or year', { issues: [{ path: ['period'], code: 'dhis2Period', message: 'dhis2Period' }] });
      const db = env.db();
      const settings = await readReportSettings(db);
      const { values, unmapped } = await dhis2Values(db, period, filters, deps.store.sharedReads());
      await env.audit(db, { action: 'reports.dhisPreview', entityType: 'office', details: { period, filters, values: values.length } });
      return { period: dhisPeriod, orgUnit: settings.orgUnit, dataSet: settings.dataSet, values, unmapped };
    },
  });
}
