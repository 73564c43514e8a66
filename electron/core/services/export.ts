// Node-only. The directory as rows of the CSV's columns, one per service, the same shape import reads.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export async function exportRows(db: Kysely<DB>): Promise<Record<string, string>[]> {
  const areas = new Map((await db.selectFrom('service_areas').select(['id', 'code']).execute()).map((a) => [a.id, a.code]));
  const coverage = await db.selectFrom('service_coverage').selectAll().execute();
  const served = new Map<string, string[]>();
  for (const c of coverage) served.set(c.service_id, [...(served.get(c.service_id) ?? []), areas.get(c.area_id) ?? '']);
  const rows = await db
    .selectFrom('services')
    .innerJoin('service_providers as p', 'p.id', 'services.provider_id')
    .selectAll('services')
    .select(['p.name as provider', 'p.kind', 'p.contact_name', 'p.phone', 'p.email', 'p.address', 'p.language', 'p.referral_procedure', 'p.required_fields', 'p.last_verified', 'p.active as provider_active'])
    .orderBy('p.name_key')
    .orderBy('services.name')
    .execute();
  const list = (json: string) => (JSON.parse(json) as string[]).join(';');
  const yes = (n: number) => (n === 1 ? 'yes' : 'no');
  return rows.map((r) => ({
    provider: r.provider,
    provider_kind: r.kind,
    contact_name: r.contact_name,
    phone: r.phone,
    email: r.email,
    address: r.address,
    provider_language: r.language,
    referral_procedure: r.referral_procedure,
    required_fields: list(r.required_fields),
    last_verified: r.last_verified ?? '',
    service: r.name,
    category: r.category,
    description: r.description,
    min_age: r.min_age === null ? '' : String(r.min_age),
    max_age: r.max_age === null ? '' : String(r.max_age),
    sexes: list(r.sexes),
    disability_only: yes(r.disability_only),
    eligibility_notes: r.eligibility_notes,
    languages: list(r.languages),
    cost: r.cost,
    cost_notes: r.cost_notes,
    accessibility: r.accessibility,
    opening_hours: r.opening_hours,
    capacity: r.capacity,
    waiting_days: r.waiting_days === null ? '' : String(r.waiting_days),
    open_to_non_returnees: yes(r.open_to_non_returnees),
    areas: (served.get(r.id) ?? []).sort().join(';'),
    active: yes(r.active === 1 && r.provider_active === 1 ? 1 : 0),
  }));
}
