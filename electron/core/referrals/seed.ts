// Node-only. Generated service mapping and referrals (`npm run seed`): the office's areas (one per
// place its cases live in, under one region) with small square boundaries so the map draws, a
// small directory that covers some areas and categories and leaves gaps elsewhere, and referrals
// in every state of the lifecycle for about one case in six past tracing. Idempotent per batch.
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import { referralStatuses, responseDueOn, urgencies } from '../../../shared/referrals/lifecycle';

const DAY = 86_400_000;
const regionId = 'seed-area-region';
const areaId = (name: string) => `seed-area-${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
const square = (i: number) => {
  const x = 32 + (i % 8) * 0.12;
  const y = 2.5 + Math.floor(i / 8) * 0.12;
  return JSON.stringify({ type: 'Polygon', coordinates: [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]] });
};

const providers = [
  { name: 'District Health Office', kind: 'government', language: 'en', categories: ['health', 'disability'] },
  { name: 'Hope Counselling Centre', kind: 'ngo', language: 'en', categories: ['mental_health', 'addiction'] },
  { name: 'Second Chance School', kind: 'community', language: 'fr', categories: ['education', 'life_skills'] },
  { name: 'Village Savings Network', kind: 'ngo', language: 'en', categories: ['economic_strengthening', 'material_support'] },
  { name: 'Legal Aid Clinic', kind: 'ngo', language: 'ar', categories: ['legal_aid'] },
  { name: 'Parish Youth Group', kind: 'faith', language: 'en', categories: ['community_religious', 'peer_support'] },
] as const;

function ensureDirectory(ctx: SeedContext, cases: SeedCase[]): string[] {
  const { raw, now } = ctx;
  const at = now.toISOString();
  raw.prepare(`INSERT OR IGNORE INTO service_areas (id, code, name, level, parent_id, created_at, updated_at) VALUES (?, 'SEED-R', 'Region', 'region', NULL, ?, ?)`).run(regionId, at, at);
  const area = raw.prepare(`INSERT OR IGNORE INTO service_areas (id, code, name, level, parent_id, boundary, created_at, updated_at) VALUES (?, ?, ?, 'district', ?, ?, ?, ?)`);
  const known = (raw.prepare(`SELECT count(*) AS n FROM service_areas`).get() as { n: number }).n;
  let i = known;
  for (const name of new Set(cases.map((c) => c.area).filter(Boolean))) {
    const id = areaId(name);
    const result = area.run(id, `A${i}`, name, regionId, square(i), at, at);
    if (Number(result.changes) > 0) i += 1;
  }
  const areaIds = (raw.prepare(`SELECT id FROM service_areas WHERE parent_id = ? ORDER BY code`).all(regionId) as { id: string }[]).map((r) => r.id);
  const provider = raw.prepare(`INSERT OR IGNORE INTO service_providers (id, name, name_key, kind, phone, language, referral_procedure, required_fields, last_verified, created_at, updated_at)
    VALUES (?, ?, ?, ?, '0772 000 000', ?, 'Phone first, then bring the slip', '["dateOfBirth"]', ?, ?, ?)`);
  const service = raw.prepare(`INSERT OR IGNORE INTO services (id, provider_id, name, category, min_age, max_age, languages, created_at, updated_at) VALUES (?, ?, ?, ?, 5, 17, '["English"]', ?, ?)`);
  const cover = raw.prepare(`INSERT OR IGNORE INTO service_coverage (service_id, area_id) VALUES (?, ?)`);
  providers.forEach((p, pi) => {
    const pid = `seed-provider-${pi}`;
    // One provider in three was last checked more than a year ago: flagged stale.
    const verified = new Date(now.getTime() - (pi % 3 === 2 ? 420 : 60) * DAY).toISOString().slice(0, 10);
    provider.run(pid, p.name, p.name.toLowerCase(), p.kind, p.language, verified, at, at);
    p.categories.forEach((category, ci) => {
      const sid = `seed-service-${pi}-${ci}`;
      service.run(sid, pid, `${p.name}: ${category.replace(/_/g, ' ')}`, category, at, at);
      // Each service reaches some areas only, so the matrix shows gaps where the others are.
      areaIds.forEach((a, ai) => {
        if ((ai + pi + ci) % 3 === 0) cover.run(sid, a);
      });
    });
  });
  return areaIds;
}

export const seedReferrals: SeedContributor = (ctx, cases) => {
  if (cases.length === 0) return;
  ensureDirectory(ctx, cases);
  const { raw, rng, now, pick } = ctx;
  const serviceRows = raw.prepare(`SELECT s.id, s.provider_id, s.category FROM services s WHERE s.id LIKE 'seed-service-%'`).all() as { id: string; provider_id: string; category: string }[];
  const insert = raw.prepare(`INSERT INTO referrals (id, case_id, provider_id, service_id, category, area_key, need, urgency, status, shared_fields, consent_basis, sent_on, due_on,
      decline_reason, outcome, provider_feedback, child_view, family_view, created_at, created_by, updated_at, version)
    VALUES (@id, @case_id, @provider_id, @service_id, @category, @area_key, @need, @urgency, @status, '["name","age","sex","location","need","urgency"]', @basis, @sent_on, @due_on,
      @decline_reason, @outcome, @feedback, @child_view, '', @at, @by, @at, 1)`);
  const event = raw.prepare(`INSERT INTO referral_events (referral_id, at, user_id, from_status, to_status, date, note) VALUES (?, ?, ?, ?, ?, ?, '')`);
  const path: Record<string, string[]> = {
    draft: ['draft'],
    sent: ['draft', 'sent'],
    acknowledged: ['draft', 'sent', 'acknowledged'],
    accepted: ['draft', 'sent', 'acknowledged', 'accepted'],
    declined: ['draft', 'sent', 'declined'],
    started: ['draft', 'sent', 'accepted', 'started'],
    completed: ['draft', 'sent', 'accepted', 'started', 'completed'],
    not_delivered: ['draft', 'sent', 'accepted', 'not_delivered'],
    no_response: ['draft', 'sent', 'no_response'],
  };
  let n = 0;
  for (const c of cases) {
    if (c.stage === 'tracing_assessment' || rng() > 0.18) continue;
    const s = serviceRows.length ? pick(serviceRows) : null;
    if (!s) return;
    // The first few of each batch walk the whole lifecycle in order, so every state is present.
    const status = referralStatuses[n % referralStatuses.length] ?? pick(referralStatuses);
    n += 1;
    const sentMs = Math.max(new Date(c.registeredAt).getTime(), now.getTime() - (5 + Math.floor(rng() * 60)) * DAY);
    const sentOn = new Date(sentMs).toISOString().slice(0, 10);
    const urgency = pick(urgencies);
    const id = ctx.uuid();
    const at = new Date(sentMs).toISOString();
    insert.run({
      id,
      case_id: c.id,
      provider_id: s.provider_id,
      service_id: s.id,
      category: s.category,
      area_key: c.area.toLowerCase(),
      need: `Support with ${s.category.replace(/_/g, ' ')}`,
      urgency,
      status,
      basis: status === 'draft' ? null : 'consent',
      sent_on: status === 'draft' ? null : sentOn,
      due_on: status === 'draft' ? null : responseDueOn(sentOn, urgency),
      decline_reason: status === 'declined' || status === 'not_delivered' ? 'No place until next term' : null,
      outcome: status === 'completed' ? 'Service received as planned' : null,
      feedback: status === 'completed' ? 'Attended every session' : '',
      child_view: status === 'completed' ? 'It helped me' : '',
      at,
      by: c.workerId,
    });
    let from: string | null = null;
    for (const to of path[status]) {
      event.run(id, at, c.workerId, from, to, to === 'draft' ? sentOn : sentOn);
      from = to;
    }
  }
};

