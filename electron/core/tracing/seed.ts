// Node-only. Generated tracing logs: a lead from interviewing the child, then (once the case has
// got that far) the family found by a home visit or a partner agency, sometimes across a border.
// Only the contributor is exported: the generator runs every exported function.
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import { namePools } from '../cases/seed-names';
import type { RawDatabase } from '../db/open';
import { stageOnePhrases } from '../assessments/seed-phrases';
import { hasDone, stampOn, stepDate, type SeedStatement } from '../assessments/seed-timing';

const prepared = new WeakMap<RawDatabase, { action: SeedStatement; event: SeedStatement }>();

function statements(raw: RawDatabase) {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      action: raw.prepare(`
        INSERT INTO tracing_actions (id, case_id, date, method, method_other, place, area, country, person_contacted, result,
          notes, created_at, created_by, updated_at, updated_by, version)
        VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`),
      event: raw.prepare('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

const abroad: Record<string, string> = { en: 'KE', fr: 'RW', es: 'GT', pt: 'MZ', ar: 'SD' };

function seedCase(ctx: SeedContext, c: SeedCase): void {
  if (!hasDone(c, 'lead')) return;
  const s = statements(ctx.raw);
  const phrases = stageOnePhrases[c.language];
  const add = (date: string, method: string, result: string, person: string, country: string, area: string) => {
    const at = stampOn(date, c, ctx.now);
    const id = ctx.uuid();
    s.action.run(id, c.id, date, method, ctx.pick(namePools[c.language].places), area, country, person, result, ctx.pick(phrases.tracingNotes), at, c.workerId, at, c.workerId);
    return at;
  };
  add(stepDate(c, 'lead', ctx.now), 'interview_child', 'lead', '', 'UG', c.area);
  if (ctx.rng() < 0.3) add(stepDate(c, 1.5, ctx.now), ctx.pick(['community_inquiry', 'radio_announcement', 'phone_call'] as const), 'no_information', '', 'UG', c.area);
  if (!hasDone(c, 'familyFound')) return;
  const crossBorder = ctx.rng() < 0.08;
  const relative = ctx.personName(c.language, ctx.rng() < 0.7 ? 'female' : 'male');
  const date = stepDate(c, 'familyFound', ctx.now);
  const at = add(
    date,
    crossBorder ? 'partner_agency' : ctx.pick(['home_visit', 'home_visit', 'photo_tracing', 'community_inquiry'] as const),
    'family_found',
    `${relative.givenName} ${c.familyName || relative.familyName} (${ctx.pick(phrases.relations)})`,
    crossBorder ? abroad[c.language] : 'UG',
    c.area,
  );
  s.event.run(c.id, at, c.workerId, 'tracing.add', JSON.stringify({ date, result: 'family_found' }));
}

export const seedTracing: SeedContributor = (ctx, cases) => {
  for (const c of cases) seedCase(ctx, c);
};
