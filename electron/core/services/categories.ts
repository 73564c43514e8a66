// Node-only. The directory's categories as data: the list every screen reads, and the supervisors'
// and administrators' channels that add, rename, retire and delete them. Each change is one
// transaction with its audit entry (the key and which languages were named, never more).
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import type { Category } from '../../../shared/services/contract';
import { cleanLabels, type CategoryLabels } from '../../../shared/services/category-admin';
import type { DB } from '../db/schema';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import type { ServiceCategoriesTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;

function toCategory(r: Selectable<ServiceCategoriesTable>): Category {
  const labels = JSON.parse(r.labels || '{}') as CategoryLabels;
  return { key: r.key, label: r.label, labels, builtin: r.builtin === 1, retired: r.retired_at !== null };
}

/** Every category, built-in ones first in the Guidelines' order, then the office's own as added. */
export async function categoryList(db: Db): Promise<Category[]> {
  const rows = await db.selectFrom('service_categories').selectAll().orderBy('position').orderBy('key').execute();
  return rows.map(toCategory);
}

/** Refuses a category that does not exist or is retired, for anything new that would use it. */
export async function assertCategoryOpen(db: Db, key: string, path: (string | number)[]): Promise<void> {
  const row = await db.selectFrom('service_categories').select(['key', 'retired_at']).where('key', '=', key).executeTakeFirst();
  if (!row) throw new AppError('VALIDATION', 'unknown category', { issues: [{ path, code: 'custom', message: 'unknownCategory' }] });
  if (row.retired_at) throw new AppError('VALIDATION', 'retired category', { issues: [{ path, code: 'custom', message: 'retiredCategory' }] });
}

async function usage(db: Db) {
  const rows = (
    await sql<{ source: 'services' | 'referrals' | 'needs'; category: string; n: number }>`
      SELECT 'services' AS source, category, count(*) AS n FROM services GROUP BY category
      UNION ALL SELECT 'referrals', category, count(*) FROM referrals GROUP BY category
      UNION ALL SELECT 'needs', category, count(*) FROM need_categories GROUP BY category`.execute(db)
  ).rows;
  const of = (source: string) => new Map(rows.filter((r) => r.source === source).map((r) => [r.category, Number(r.n)]));
  const [services, referrals, needs] = [of('services'), of('referrals'), of('needs')];
  return (key: string) => ({ key, services: services.get(key) ?? 0, referrals: referrals.get(key) ?? 0, needMappings: needs.get(key) ?? 0 });
}

async function one(db: Db, key: string): Promise<Selectable<ServiceCategoriesTable>> {
  const row = await db.selectFrom('service_categories').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such category');
  return row;
}

export function createCategoryHandlers(deps: CoreDeps) {
  return defineHandlers({
    'services.categoryUsage': async (_input, env) => {
      const categories = await categoryList(env.db());
      const of = await usage(env.db());
      return { categories, usage: categories.map((c) => of(c.key)) };
    },

    'services.saveCategory': async ({ key, labels, create }, env) => {
      const named = cleanLabels(labels);
      const { office } = await deps.settings();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        const existing = await trx.selectFrom('service_categories').selectAll().where('key', '=', key).executeTakeFirst();
        if (create && existing) throw new AppError('VALIDATION', 'category exists', { issues: [{ path: ['key'], code: 'custom', message: 'duplicateCategory' }] });
        if (!create && !existing) throw new AppError('NOT_FOUND', 'no such category');
        // An office's own category needs at least its name in the office's language; a built-in one
        // may carry no name of the office's (its translations stand).
        const own = !existing || existing.builtin === 0;
        if (own && !named[office.defaultLanguage as keyof typeof named]) {
          throw new AppError('VALIDATION', 'a name in the office language is needed', { issues: [{ path: ['labels', office.defaultLanguage], code: 'custom', message: 'required' }] });
        }
        const label = named[office.defaultLanguage as keyof typeof named] ?? '';
        if (existing) {
          await trx.updateTable('service_categories').set({ labels: JSON.stringify(named), label, updated_at: now }).where('key', '=', key).execute();
        } else {
          const last = await trx.selectFrom('service_categories').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
          await trx
            .insertInto('service_categories')
            .values({ key, label, labels: JSON.stringify(named), builtin: 0, position: Number(last?.p ?? 0) + 1, retired_at: null, updated_at: now })
            .execute();
        }
        await env.audit(trx, { action: existing ? 'services.categoryRename' : 'services.categoryAdd', entityType: 'category', entityId: key, details: { languages: Object.keys(named) } });
      });
      return toCategory(await one(env.db(), key));
    },

    'services.retireCategory': async ({ key, retired }, env) => {
      const row = await one(env.db(), key);
      if ((row.retired_at !== null) === retired) throw new AppError('CONFLICT', retired ? 'already retired' : 'not retired', { params: { reason: retired ? 'retired' : 'active' } });
      await env.tx(async (trx) => {
        await trx.updateTable('service_categories').set({ retired_at: retired ? env.now().toISOString() : null, updated_at: env.now().toISOString() }).where('key', '=', key).execute();
        await env.audit(trx, { action: retired ? 'services.categoryRetire' : 'services.categoryRestore', entityType: 'category', entityId: key, details: {} });
      });
      return toCategory(await one(env.db(), key));
    },

    'services.deleteCategory': async ({ key }, env) => {
      await env.tx(async (trx) => {
        const row = await one(trx, key);
        const used = (await usage(trx))(key);
        // The Guidelines' categories stay (the need mapping points at them); anything in use is retired instead.
        if (row.builtin === 1 || used.services + used.referrals + used.needMappings > 0) {
          throw new AppError('CATEGORY_IN_USE', 'in use: retire it instead', { params: { services: used.services, referrals: used.referrals } });
        }
        await trx.deleteFrom('case_needs').where('category', '=', key).execute();
        await trx.deleteFrom('need_counts').where('category', '=', key).execute();
        await trx.deleteFrom('service_categories').where('key', '=', key).execute();
        await env.audit(trx, { action: 'services.categoryDelete', entityType: 'category', entityId: key, details: {} });
      });
      return { key };
    },
  });
}
