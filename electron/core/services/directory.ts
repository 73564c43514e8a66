// Node-only. The directory's rows as the contract's shapes, the search (category, area, language,
// age, words) and the one way providers and their services are written (form and CSV import alike).
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Provider, ProviderInput, Service, ServiceInput, SearchInput } from '../../../shared/services/contract';
import { isStale } from '../../../shared/services/categories';
import { AppError } from '../../../shared/contract/errors';
import type { DB } from '../db/schema';
import { areaFamily } from './areas';

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
  return db
    .selectFrom('services')
    .innerJoin('service_providers', 'service_providers.id', 'services.provider_id')
    .select(serviceColumns)
    .select(sql<string>`(SELECT coalesce(json_group_array(area_id), '[]') FROM service_coverage WHERE service_id = services.id)`.as('area_ids'));
}
type ServiceRow = Awaited<ReturnType<ReturnType<typeof serviceQuery>['execute']>>[number];

function toService(r: ServiceRow, today: string): Service {
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
    areaIds: JSON.parse(r.area_ids) as string[],
    lastVerified: r.last_verified,
    stale: isStale(r.last_verified, today),
  };
}

export interface EligibilityFilter {
  sex?: string | null;
  hasDisability?: boolean;
}

/**
 * Services matching the filters, active providers first by name. An area matches the services
 * that serve it, one of its parents (a district-wide service reaches its villages) or one of its
 * sub-areas (part of it).
 */
export async function searchServices(db: Db, f: Required<SearchInput>, today: string, eligibility: EligibilityFilter = {}): Promise<{ services: Service[]; total: number }> {
  // First the matching ids in display order (indexes and small columns only), then the full rows of
  // the page shown: the total costs a count, not 5 000 rows with their areas.
  let q = db.selectFrom('services').innerJoin('service_providers', 'service_providers.id', 'services.provider_id').select('services.id');
  if (!f.includeInactive) q = q.where('services.active', '=', 1).where('service_providers.active', '=', 1);
  if (f.category) q = q.where('services.category', '=', f.category);
  if (f.age !== null) {
    const age = f.age;
    q = q.where((eb) => eb.and([eb.or([eb('services.min_age', 'is', null), eb('services.min_age', '<=', age)]), eb.or([eb('services.max_age', 'is', null), eb('services.max_age', '>=', age)])]));
  }
  if (f.language) {
    const lang = f.language.toLowerCase();
    q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(services.languages) WHERE lower(json_each.value) = ${lang})`);
  }
  if (f.text) {
    const like = `%${f.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`lower(services.name) LIKE ${like} ESCAPE '\\'`, sql<boolean>`service_providers.name_key LIKE ${like} ESCAPE '\\'`, sql<boolean>`lower(services.description) LIKE ${like} ESCAPE '\\'`]));
  }
  if (eligibility.sex) {
    const sex = eligibility.sex;
    q = q.where(sql<boolean>`(services.sexes = '[]' OR EXISTS (SELECT 1 FROM json_each(services.sexes) WHERE json_each.value = ${sex}))`);
  }
  if (eligibility.hasDisability === false) q = q.where('services.disability_only', '=', 0);
  if (f.areaId) {
    const family = await areaFamily(db, f.areaId);
    q = q.where('services.id', 'in', (eb) => eb.selectFrom('service_coverage').select('service_coverage.service_id').where('service_coverage.area_id', 'in', family));
  }
  const ids = (await q.orderBy('service_providers.name_key').orderBy('services.name').execute()).map((r) => r.id);
  const page = ids.slice(0, f.limit);
  if (page.length === 0) return { services: [], total: ids.length };
  const rows = await serviceQuery(db).where('services.id', 'in', page).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { services: page.map((id) => toService(byId.get(id)!, today)), total: ids.length };
}

export async function servicesOfProvider(db: Db, providerId: string, today: string): Promise<Service[]> {
  const rows = await serviceQuery(db).where('services.provider_id', '=', providerId).orderBy('services.name').execute();
  return rows.map((r) => toService(r, today));
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
