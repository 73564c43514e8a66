// Node-only. Generated reunification records: every case in follow-up (unless it went home
// spontaneously) has one, dated after its last contact, with the caregivers' signed willingness, a
// small package and enrolment in school and health services. Cases still in the reunification
// stage have none yet: their next rung is still planned, so the child has not gone home.
// Only the contributor is exported: the generator runs every exported function.
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { seedPhrases } from '../contacts/seed-phrases';

/** A drawn signature as the canvas exports it (a tiny valid PNG; the same bytes for every case). */
const signaturePng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface Statements {
  lastContact: Statement;
  record: Statement;
  document: Statement;
  item: Statement;
  enrolment: Statement;
  event: Statement;
  homeRisk: Statement;
  homePlan: Statement;
}

/** A prepared statement taking positional or named parameters. */
interface Statement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
}

const prepared = new WeakMap<RawDatabase, Statements>();

function statements(raw: RawDatabase): Statements {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      lastContact: raw.prepare<unknown[]>(`SELECT max(held_on) AS last FROM contacts WHERE case_id = ? AND status = 'held'`),
      // Redone for life at home (G:L83, L263): a new version of the latest risk assessment and
      // safety plan, dated shortly before the return (the homeSafetyCurrent gate).
      homeRisk: raw.prepare<unknown[]>(`
        INSERT INTO risk_assessments (id, case_id, number, date, risks, overall_level, summary, created_at, created_by)
        SELECT ?, case_id, number + 1, ?, risks, overall_level, summary, ?, created_by FROM risk_assessments
        WHERE case_id = ? ORDER BY number DESC LIMIT 1`),
      homePlan: raw.prepare<unknown[]>(`
        INSERT INTO safety_plans (id, case_id, number, trusted_contacts, if_harmed, if_breakdown, emergency_route, child_knows,
          reviewed_with_child_on, notes, created_at, created_by)
        SELECT ?, case_id, number + 1, trusted_contacts, if_harmed, if_breakdown, emergency_route, 1, ?, notes, ?, created_by FROM safety_plans
        WHERE case_id = ? ORDER BY number DESC LIMIT 1`),
      record: raw.prepare<unknown[]>(`
        INSERT INTO reunifications (case_id, reunified_on, willingness_stated_by, willingness_stated_on, willingness_statement,
          guardianship_from, guardianship_to, guardianship_on, guardianship_reference, accompanied_by, child_choices,
          handover_from_id, handover_to_id, handover_at, handover_notes, notes, recorded_by, created_at, updated_at, version)
        VALUES (@case_id, @reunified_on, @stated_by, @stated_on, '', @g_from, @g_to, @g_on, @g_ref, @accompanied_by, @child_choices,
          NULL, NULL, NULL, '', '', @recorded_by, @at, @at, 1)`),
      document: raw.prepare<unknown[]>(
        `INSERT INTO reunification_willingness_documents (case_id, kind, mime, bytes, data, updated_at) VALUES (?, 'signature', 'image/png', ?, ?, ?)`,
      ),
      item: raw.prepare<unknown[]>('INSERT INTO reunification_package_items (case_id, position, item, quantity, provided_by) VALUES (?, ?, ?, ?, ?)'),
      enrolment: raw.prepare<unknown[]>(
        'INSERT INTO reunification_enrolments (case_id, position, service, service_other, provider, enrolled_on, notes) VALUES (?, ?, ?, \'\', ?, ?, \'\')',
      ),
      event: raw.prepare<unknown[]>('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

function seedRecord(ctx: SeedContext, s: Statements, c: SeedCase): void {
  const { rng, pick, now } = ctx;
  const phrases = seedPhrases[c.language];
  const last = (s.lastContact.get(c.id) as { last: string | null } | undefined)?.last ?? null;
  const from = last ? `${last}T00:00:00.000Z` : c.registeredAt;
  // Follow-up has been under way a while: reunification falls in the first part of the time since.
  const to = new Date(Date.parse(from) + (now.getTime() - Date.parse(from)) * 0.5).toISOString();
  const reunifiedOn = ctx.dateBetween(from, to);
  const statedOn = ctx.dateBetween(from, `${reunifiedOn}T00:00:00.000Z`);
  const at = new Date(Math.min(now.getTime(), Math.max(Date.parse(c.registeredAt), Date.parse(`${reunifiedOn}T16:00:00.000Z`)))).toISOString();
  const caregiver = ctx.personName(c.language, rng() < 0.75 ? 'female' : 'male');
  const caregiverName = `${caregiver.givenName} ${c.familyName || caregiver.familyName}`;
  const relation = pick(phrases.relations);
  const worker = ctx.staff.find((m) => m.id === c.workerId);
  const guardianship = rng() < 0.4;
  const companion = ctx.personName(c.language, rng() < 0.6 ? 'female' : 'male');
  s.record.run({
    case_id: c.id,
    reunified_on: reunifiedOn,
    stated_by: `${caregiverName} (${relation})`,
    stated_on: statedOn,
    g_from: guardianship ? pick(phrases.places) : '',
    g_to: guardianship ? caregiverName : '',
    g_on: guardianship ? reunifiedOn : null,
    g_ref: guardianship ? `${c.number}/G` : '',
    accompanied_by: [`${companion.givenName} ${companion.familyName} (${pick(phrases.relations)})`, worker?.displayName].filter(Boolean).join(', '),
    child_choices: pick(phrases.childChoices),
    recorded_by: c.workerId,
    at,
  });
  s.document.run(c.id, signaturePng.length, signaturePng, at);
  const items = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < items; i += 1) s.item.run(c.id, i, pick(phrases.packageItems), 1 + Math.floor(rng() * 3), rng() < 0.7 ? 'Agency' : caregiverName);
  let position = 0;
  if (c.ageYears >= 5 && rng() < 0.85) s.enrolment.run(c.id, position++, 'school', phrases.providers[0], reunifiedOn);
  if (rng() < 0.5) s.enrolment.run(c.id, position++, 'health', phrases.providers[1], reunifiedOn);
  if (rng() < 0.1) s.enrolment.run(c.id, position++, 'birth_registration', phrases.providers[2], reunifiedOn);
  s.event.run(c.id, at, c.workerId, 'reunification.save', JSON.stringify({ created: true, reunifiedOn, willingnessDocument: 'added' }));

  const tenDaysBefore = new Date(Date.parse(`${reunifiedOn}T00:00:00.000Z`) - 10 * 86_400_000).toISOString();
  const homeOn = ctx.dateBetween(tenDaysBefore > from ? tenDaysBefore : from, `${reunifiedOn}T00:00:00.000Z`);
  const homeAt = `${homeOn}T09:00:00.000Z` < at ? `${homeOn}T09:00:00.000Z` : at;
  s.homeRisk.run(ctx.uuid(), homeOn, homeAt, c.id);
  s.homePlan.run(ctx.uuid(), homeOn, homeAt, c.id);
  s.event.run(c.id, homeAt, c.workerId, 'safety.safetyPlan', JSON.stringify({ reviewedWithChildOn: homeOn, forHome: true }));
}

export const seedReunification: SeedContributor = (ctx, cases) => {
  const s = statements(ctx.raw);
  for (const c of cases) {
    if (c.spontaneous) continue;
    if (c.stage === 'follow_up' || c.stage === 'closure') seedRecord(ctx, s, c);
  }
};
