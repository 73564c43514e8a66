// Node-only. The services feature's handlers: areas and boundaries, categories, providers and
// services, CSV import/export, and the coverage-gap matrix with the map's area detail. Directory
// changes are audited (ids and counts); the area detail lists in-scope cases only and is audited
// as a view of those cases.
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { inScope } from '../cases/scope';
import { AreaTree, areaRows, parseBoundaries, toArea, writeArea } from './areas';
import { checkImport, csvColumns, decodeCsv, toCsv } from './csv';
import { loadProvider, searchServices, writeProvider } from './directory';
import { categoryList, gapMatrix, needTuples, suppressSmall } from './gaps';
import { sql } from 'kysely';
import { exportRows } from './export';
import { gapCells } from '../../../shared/services/gaps';

async function checked(env: HandlerEnv, csvBase64: string) {
  const tree = new AreaTree(await areaRows(env.db()));
  // A retired category takes no new service: an import naming it reports it as unknown.
  const categories = new Set((await categoryList(env.db())).filter((c) => !c.retired).map((c) => c.key));
  return checkImport(decodeCsv(Buffer.from(csvBase64, 'base64')), tree, categories);
}

const matrix = (env: HandlerEnv) => gapMatrix(env.db());

export function createServicesHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'services.areas': async (_input, env) => (await areaRows(env.db())).map(toArea),

    'services.saveArea': async ({ area }, env) => {
      const id = await env.tx(async (trx) => {
        const saved = await writeArea(trx, area, env.now().toISOString());
        await env.audit(trx, { action: area.id ? 'services.areaChange' : 'services.areaAdd', entityType: 'area', entityId: saved, details: { code: area.code } });
        return saved;
      });
      const row = (await areaRows(env.db())).find((r) => r.id === id)!;
      return toArea(row);
    },

    'services.importBoundaries': async ({ geojson, codeProperty, nameProperty, createMissing }, env) => {
      const features = parseBoundaries(geojson, codeProperty, nameProperty);
      return env.tx(async (trx) => {
        const tree = new AreaTree(await areaRows(trx));
        const at = env.now().toISOString();
        let matched = 0;
        let created = 0;
        const unmatched: string[] = [];
        for (const f of features) {
          const existing = tree.rows.find((r) => r.code.toLowerCase() === f.code.toLowerCase());
          if (existing) {
            await trx.updateTable('service_areas').set({ boundary: f.geometry, updated_at: at }).where('id', '=', existing.id).execute();
            matched += 1;
          } else if (createMissing) {
            const id = await writeArea(trx, { id: null, code: f.code, name: f.name, level: '', parentId: null }, at);
            await trx.updateTable('service_areas').set({ boundary: f.geometry }).where('id', '=', id).execute();
            created += 1;
          } else {
            unmatched.push(f.code);
          }
        }
        await env.audit(trx, { action: 'services.boundaries', entityType: 'area', entityId: null, details: { matched, created, unmatched: unmatched.length } });
        return { matched, created, unmatched: unmatched.slice(0, 200) };
      });
    },

    'services.boundaries': async (_input, env) => {
      const rows = await env.db().selectFrom('service_areas').select(['id', 'code', 'name', 'boundary']).where('boundary', 'is not', null).execute();
      return rows.map((r) => ({ areaId: r.id, code: r.code, name: r.name, geometry: JSON.parse(r.boundary!) as unknown }));
    },

    'services.categories': async (_input, env) => categoryList(env.db()),

    'services.search': async (input, env) => searchServices(env.db(), input, todayIso(env.now())),

    'services.provider': async ({ providerId }, env) => loadProvider(env.db(), providerId, todayIso(env.now())),

    'services.saveProvider': async ({ provider }, env) => {
      const id = await env.tx(async (trx) => {
        const written = await writeProvider(trx, provider, env.now().toISOString());
        await env.audit(trx, {
          action: written.created ? 'services.providerAdd' : 'services.providerChange',
          entityType: 'provider',
          entityId: written.providerId,
          details: { services: written.serviceIds.length },
        });
        return written.providerId;
      });
      return loadProvider(env.db(), id, todayIso(env.now()));
    },

    'services.previewImport': async ({ csvBase64 }, env) => (await checked(env, csvBase64)).preview,

    'services.import': async ({ csvBase64, mode }, env) => {
      const check = await checked(env, csvBase64);
      const { preview } = check;
      // All-or-nothing refuses a file with any problem; "the valid rows" still refuses a file whose header is wrong.
      if (preview.fatal || (mode === 'all' && preview.problems.length > 0) || check.validRowCount === 0) {
        return { imported: false, providers: 0, services: 0, skippedRows: preview.rows, preview };
      }
      const at = env.now().toISOString();
      await env.tx(async (trx) => {
        for (const p of check.providers) await writeProvider(trx, p, at);
        await env.audit(trx, {
          action: 'services.import',
          entityType: 'provider',
          entityId: null,
          details: { mode, rows: preview.rows, imported: check.validRowCount, providers: check.providers.length },
        });
      });
      return { imported: true, providers: check.providers.length, services: check.validRowCount, skippedRows: preview.rows - check.validRowCount, preview };
    },

    'services.export': async (_input, env) => {
      const rows = await exportRows(env.db());
      await env.audit(env.db(), { action: 'services.export', entityType: 'provider', entityId: null, details: { rows: rows.length } });
      return { fileName: `service-directory-${todayIso(env.now())}.csv`, csv: toCsv(rows, csvColumns) };
    },

    'services.gaps': async (_input, env) => matrix(env),

    'services.areaDetail': async ({ areaId, category }, env) => {
      const tree = new AreaTree(await areaRows(env.db()));
      if (!tree.byId.has(areaId)) throw new AppError('NOT_FOUND', 'no such area');
      const today = todayIso(env.now());
      const { services } = await searchServices(env.db(), { category, areaId, language: '', age: null, text: '', includeInactive: false, limit: 200 }, today);
      // The cases placed in this area or below, with their open needs; only those the caller may reach.
      const inArea = new Set([areaId, ...tree.descendants(areaId)]);
      const keys = [...tree.byText.entries()].filter(([, id]) => inArea.has(id)).map(([k]) => k);
      const rows =
        keys.length === 0
          ? []
          : (
              await sql<{ case_id: string; category: string; number: string; given_name: string; family_name: string; worker_id: string | null; family_worker_id: string | null }>`
                SELECT t.case_id, t.category, c.number, c.given_name, c.family_name, c.worker_id, c.family_worker_id
                  FROM (${needTuples()}) t JOIN cases c ON c.id = t.case_id
                 WHERE t.area_key IN (${sql.join(keys)}) ${category ? sql`AND t.category = ${category}` : sql``}
                 ORDER BY c.number LIMIT 2000`.execute(env.db())
            ).rows;
      const cases = new Map<string, { caseId: string; number: string; name: string; categories: string[] }>();
      for (const r of rows) {
        if (!inScope(env.session, r)) continue;
        const c = cases.get(r.case_id) ?? { caseId: r.case_id, number: r.number, name: [r.given_name, r.family_name].filter(Boolean).join(' '), categories: [] };
        if (!c.categories.includes(r.category)) c.categories.push(r.category);
        cases.set(r.case_id, c);
      }
      const list = [...cases.values()].slice(0, 200);
      if (list.length > 0) {
        await env.audit(env.db(), { action: 'services.areaCases', entityType: 'area', entityId: areaId, details: { category, caseIds: list.map((c) => c.caseId) } });
      }
      return { services, cases: list };
    },

    'services.exportGaps': async (_input, env) => {
      const m = await matrix(env);
      const areaName = new Map(m.areas.map((a) => [a.id, `${a.name} (${a.code})`]));
      const cells = gapCells(
        m.areas.map((a) => a.id),
        m.categories.map((c) => c.key),
        m,
      );
      const rows = cells.map((c) => ({
        area: areaName.get(c.areaId) ?? c.areaId,
        category: c.category,
        open_needs: suppressSmall(c.needs),
        services: String(c.services),
        referrals_pending: suppressSmall(c.pending),
        referrals_declined_or_unmet: suppressSmall(c.declined),
        gap: c.gap,
      }));
      await env.audit(env.db(), { action: 'services.exportGaps', entityType: 'area', entityId: null, details: { cells: rows.length } });
      const columns = ['area', 'category', 'open_needs', 'services', 'referrals_pending', 'referrals_declined_or_unmet', 'gap'];
      return { fileName: `coverage-gaps-${todayIso(env.now())}.csv`, csv: toCsv(rows, columns) };
    },
  });
}
