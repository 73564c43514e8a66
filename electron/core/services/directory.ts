// Node-only. The directory's rows as the contract's shapes, the search (category, area, language,
// age, words) and the one way providers and their services are written (form and CSV import alike).
import crypto from 'node:crypto';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Provider, ProviderInput, Service, ServiceInput, SearchInput } from '../../../shared/services/contract';
import { isStale } from '../../../shared/services/categories';
import { AppError } from '../../../shared/contract/errors';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export const providerNameKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ');

const serviceColumns = [
  'services.id',
  'services.provider_id',
  'services.name',
  'services.category',
  'services.description',
  'services.min_age',
  'services.max_age',
  'services.sexes',
  'services.disability_only',
  'services.eligibility_notes',
  'services.languages',
  'services.cost',
  'services.cost_notes',
  'services.accessibility',
  'services.opening_hours',
  'services.capacity',
  'services.waiting_days',
  'services.open_to_non_returnees',
  'services.active',
  'service_providers.name as provider_name',
  'service_providers.language as provider_language',
  'service_providers.last_verified',
  'service_providers.active as provider_active',
] as const;

function serviceQuery(db: Db) {
  return db.selectFrom('services').innerJoin('service_providers', 'service_providers.id', 'services.provider_id').select(serviceColumns);
}
type ServiceRow = Awaited<ReturnType<ReturnType<typeof serviceQuery>['execute']>>[number];

/** The services of these rows with the areas each serves: one indexed query for the whole page. */
async function toServices(db: Db, rows: ServiceRow[], today: string): Promise<Service[]> {
  const areas = new Map<string, string[]>(rows.map((r) => [r.id, []]));
  if (rows.length > 0) {
    const coverage = await db.selectFrom('service_coverage').select(['service_id', 'area_id']).where('service_id', 'in', [...areas.keys()]).execute();
    for (const c of coverage) areas.get(c.service_id)!.push(c.area_id);
  }
  return rows.map((r) => toService(r, areas.get(r.id)!, today));
}

function toService(r: ServiceRow, areaIds: string[], today: string): Service {
  return {
    id: r.id,
    providerId: r.provider_id,
    providerName: r.provider_name,
    providerLanguage: r.provider_language,
    name: r.name,
    category: r.category,
    description: r.description,
    minAge: r.min_age,
    maxAge: r.max_age,
    sexes: JSON.parse(r.sexes) as string[],
    disabilityOnly: r.disability_only === 1,
    eligibilityNotes: r.eligibility_notes,
    languages: JSON.parse(r.languages) as string[],
    cost: r.cost,
    costNotes: r.cost_notes,
    accessibility: r.accessibility,
    openingHours: r.opening_hours,
    capacity: r.capacity,
    waitingDays: r.waiting_days,
    openToNonReturnees: r.open_to_non_returnees === 1,
    active: r.active === 1 && r.provider_active === 1,
    areaIds,
    lastVerified: r.last_verified,
    stale: isStale(r.last_verified, today),
  };
}

export interface EligibilityFilter {
  sex?: string | null;
  hasDisability?: boolean;
}

/**
 * Services matching the filters, by provider name then service name. An area matches the services
 * that serve it, one of its parents (a district-wide service reaches its villages) or one of its
 * sub-areas (part of it). Every filter is an index lookup (migrations/0019_services_speed.ts): the
 * area through the tree's closure table, the language through service_languages, the words through
 * the full-text indexes. The count and the page are two statements, so only the page's rows are read.
 */
export async function searchServices(db: Db, f: Required<SearchInput>, today: string, eligibility: EligibilityFilter = {}): Promise<{ services: Service[]; total: number }> {
  // The words are looked up once (a common word can match every service): the count and the page
  // then share the matching rows.
  const words = wordQueries(f.text);
  let matching: number[] | null = null;
  if (words.trigram || words.prefix) {
    const parts = [];
    if (words.trigram) parts.push(sql`SELECT rowid FROM services_text WHERE services_text MATCH ${words.trigram}`);
    if (words.prefix) parts.push(sql`SELECT rowid FROM services_words WHERE services_words MATCH ${words.prefix}`);
    matching = (await sql<{ rowid: number }>`${sql.join(parts, sql` INTERSECT `)}`.execute(db)).rows.map((r) => r.rowid);
    if (matching.length === 0) return { services: [], total: 0 };
  }
  const where = searchConditions(f, eligibility, matching);
  const total = (await db.selectFrom('services').innerJoin('service_providers', 'service_providers.id', 'services.provider_id').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirst())?.n ?? 0;
  if (total === 0) return { services: [], total: 0 };
  const rows = await serviceQuery(db).where(where).orderBy('service_providers.name_key').orderBy('services.name').orderBy('services.category').limit(f.limit).execute();
  return { services: await toServices(db, rows, today), total: Number(total) };
}

function searchConditions(f: Required<SearchInput>, eligibility: EligibilityFilter, matching: number[] | null) {
  return (eb: ExpressionBuilder<DB, 'services' | 'service_providers'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    if (!f.includeInactive) all.push(eb('services.active', '=', 1), eb('service_providers.active', '=', 1));
    if (f.category) all.push(eb('services.category', '=', f.category));
    if (f.age !== null) {
      const age = f.age;
      all.push(eb.or([eb('services.min_age', 'is', null), eb('services.min_age', '<=', age)]), eb.or([eb('services.max_age', 'is', null), eb('services.max_age', '>=', age)]));
    }
    if (f.language) all.push(sql<SqlBool>`services.id IN (SELECT service_id FROM service_languages WHERE language = lower(${f.language}))`);
    if (f.areaId) {
      // Served in the area or below it (descendants' coverage), or from one of its parents (ancestors' coverage).
      all.push(sql<SqlBool>`services.id IN (
        SELECT c.service_id FROM service_area_closure x JOIN service_coverage c ON c.area_id = x.descendant_id WHERE x.ancestor_id = ${f.areaId}
        UNION SELECT c.service_id FROM service_area_closure x JOIN service_coverage c ON c.area_id = x.ancestor_id WHERE x.descendant_id = ${f.areaId})`);
    }
    if (matching) all.push(sql<SqlBool>`services.rowid IN (SELECT value FROM json_each(${JSON.stringify(matching)}))`);
    if (eligibility.sex) {
      all.push(sql<SqlBool>`(services.sexes = '[]' OR EXISTS (SELECT 1 FROM json_each(services.sexes) WHERE json_each.value = ${eligibility.sex}))`);
    }
    if (eligibility.hasDisability === false) all.push(eb('services.disability_only', '=', 0));
    return eb.and(all);
  };
}

const quote = (word: string) => `"${word.replace(/"/g, '""')}"`;

/**
 * Free words as full-text queries, every word required: a word of 3+ characters matches anywhere
 * (trigram index: "couns" finds "Counselling", "catch-up" finds "Catch-up classes"); a shorter one
 * the start of a word (prefix index: "5" finds "Service 5-1" and "Provider 50"). Case and accents
 * are ignored.
 */
export function wordQueries(text: string): { trigram: string | null; prefix: string | null } {
  const words = text.split(/\s+/u).filter(Boolean);
  const long = words.filter((w) => [...w].length >= 3);
  // A one- or two-character word without a letter or digit makes no token: it cannot narrow anything.
  const short = words.filter((w) => [...w].length < 3 && /[\p{L}\p{N}]/u.test(w));
  return {
    trigram: long.length > 0 ? long.map(quote).join(' AND ') : null,
    prefix: short.length > 0 ? short.map((w) => `${quote(w)}*`).join(' AND ') : null,
  };
}

export async function servicesOfProvider(db: Db, providerId: string, today: string): Promise<Service[]> {
  const rows = await serviceQuery(db).where('services.provider_id', '=', providerId).orderBy('services.name').execute();
  return toServices(db, rows, today);
}

export async function loadProvider(db: Db, providerId: string, today: string): Promise<Provider> {
  const p = await db.selectFrom('service_providers').selectAll().where('id', '=', providerId).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', 'no such provider');
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    contactName: p.contact_name,
    phone: p.phone,
    email: p.email,
    address: p.address,
    language: p.language,
    referralProcedure: p.referral_procedure,
    requiredFields: JSON.parse(p.required_fields) as string[],
    active: p.active === 1,
    lastVerified: p.last_verified,
    stale: isStale(p.last_verified, today),
    partnerId: p.partner_id,
    services: await servicesOfProvider(db, providerId, today),
  };
}

/** `partnerId` undefined (a CSV import) leaves the provider's partner link as it is. */
type ParsedProvider = Omit<Required<ProviderInput>, 'services' | 'partnerId'> & { partnerId?: string | null; services: Required<ServiceInput>[] };

/**
 * Creates or updates a provider and its services in `trx`. A provider is found by id or, failing
 * that, by name (so an import updates rather than duplicates); a service by id or by its name and
 * category under that provider. Services not named are left as they are.
 */
export async function writeProvider(trx: Transaction<DB>, input: ParsedProvider, at: string): Promise<{ providerId: string; created: boolean; serviceIds: string[] }> {
  const nameKey = providerNameKey(input.name);
  const existing = input.id
    ? await trx.selectFrom('service_providers').select('id').where('id', '=', input.id).executeTakeFirst()
    : await trx.selectFrom('service_providers').select('id').where('name_key', '=', nameKey).executeTakeFirst();
  if (input.id && !existing) throw new AppError('NOT_FOUND', 'no such provider');
  const clash = await trx.selectFrom('service_providers').select('id').where('name_key', '=', nameKey).executeTakeFirst();
  if (clash && existing && clash.id !== existing.id) {
    throw new AppError('VALIDATION', 'another provider has this name', { issues: [{ path: ['provider', 'name'], code: 'custom', message: 'duplicateName' }] });
  }
  const values = {
    name: input.name,
    name_key: nameKey,
    kind: input.kind,
    contact_name: input.contactName,
    phone: input.phone,
    email: input.email,
    address: input.address,
    language: input.language,
    referral_procedure: input.referralProcedure,
    required_fields: JSON.stringify(input.requiredFields),
    active: input.active ? 1 : 0,
    last_verified: input.lastVerified,
    updated_at: at,
    ...(input.partnerId === undefined ? {} : { partner_id: input.partnerId }),
  };
  if (input.partnerId) {
    const partner = await trx.selectFrom('partner_offices').select('id').where('id', '=', input.partnerId).where('revoked_at', 'is', null).executeTakeFirst();
    if (!partner) throw new AppError('VALIDATION', 'not a trusted partner', { issues: [{ path: ['provider', 'partnerId'], code: 'custom', message: 'unknownPartner' }] });
  }
  const providerId = existing?.id ?? crypto.randomUUID();
  if (existing) await trx.updateTable('service_providers').set(values).where('id', '=', providerId).execute();
  else await trx.insertInto('service_providers').values({ ...values, id: providerId, created_at: at }).execute();
  const serviceIds: string[] = [];
  for (const s of input.services) serviceIds.push(await writeService(trx, providerId, s, at));
  return { providerId, created: !existing, serviceIds };
}

async function writeService(trx: Transaction<DB>, providerId: string, s: Required<ServiceInput>, at: string): Promise<string> {
  const category = await trx.selectFrom('service_categories').select(['key', 'retired_at']).where('key', '=', s.category).executeTakeFirst();
  if (!category) throw new AppError('VALIDATION', 'unknown category', { issues: [{ path: ['category'], code: 'custom', message: 'unknownCategory' }] });
  if (s.areaIds.length > 0) {
    const known = await trx.selectFrom('service_areas').select('id').where('id', 'in', s.areaIds).execute();
    if (known.length !== new Set(s.areaIds).size) throw new AppError('VALIDATION', 'unknown area', { issues: [{ path: ['areaIds'], code: 'custom', message: 'unknownArea' }] });
  }
  const found = s.id
    ? await trx.selectFrom('services').select('id').where('id', '=', s.id).where('provider_id', '=', providerId).executeTakeFirst()
    : await trx.selectFrom('services').select('id').where('provider_id', '=', providerId).where('name', '=', s.name).where('category', '=', s.category).executeTakeFirst();
  if (s.id && !found) throw new AppError('NOT_FOUND', 'no such service');
  // A retired category stays on the services that had it, and is given to no other.
  if (category.retired_at && !(found && (await trx.selectFrom('services').select('id').where('id', '=', found.id).where('category', '=', s.category).executeTakeFirst()))) {
    throw new AppError('VALIDATION', 'retired category', { issues: [{ path: ['category'], code: 'custom', message: 'retiredCategory' }] });
  }
  const values = {
    name: s.name,
    category: s.category,
    description: s.description,
    min_age: s.minAge,
    max_age: s.maxAge,
    sexes: JSON.stringify(s.sexes),
    disability_only: s.disabilityOnly ? 1 : 0,
    eligibility_notes: s.eligibilityNotes,
    languages: JSON.stringify(s.languages),
    cost: s.cost,
    cost_notes: s.costNotes,
    accessibility: s.accessibility,
    opening_hours: s.openingHours,
    capacity: s.capacity,
    waiting_days: s.waitingDays,
    open_to_non_returnees: s.openToNonReturnees ? 1 : 0,
    active: s.active ? 1 : 0,
    updated_at: at,
  };
  const id = found?.id ?? crypto.randomUUID();
  if (found) await trx.updateTable('services').set(values).where('id', '=', id).execute();
  else await trx.insertInto('services').values({ ...values, id, provider_id: providerId, created_at: at }).execute();
  await trx.deleteFrom('service_coverage').where('service_id', '=', id).execute();
  for (const areaId of new Set(s.areaIds)) await trx.insertInto('service_coverage').values({ service_id: id, area_id: areaId }).execute();
  return id;
}
