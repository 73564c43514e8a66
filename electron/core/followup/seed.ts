// Node-only. Generated follow-up, consistent with each case's stage: a case in follow-up (or
// closed after it) has its contacts planned from the shipped protocol from the day of
// reunification (a spontaneous return: its first home visit within 7 days of registration); most
// contacts already due were held as monitoring visits, some are left overdue; a few visits
// recorded warning signs (some urgent, most of the older ones resolved), and cases six months
// past reunification have their 6-month outcome (unknown sometimes, recorded as unknown).
// Only the contributor is exported: the generator runs every exported function.
import { addMonths } from '../../../shared/cases/fields';
import { defaultProtocol } from '../../../shared/followup/protocol';
import { addDays, planSchedule } from '../../../shared/followup/schedule';
import { outcomeResult, type OutcomeFields } from '../../../shared/followup/outcomes';
import { alwaysUrgentSigns, warningSigns } from '../../../shared/followup/visit';
import { seedPhrases } from '../contacts/seed-phrases';
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';

interface Statement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
}
const prepared = new WeakMap<RawDatabase, Record<'start' | 'risk' | 'contact' | 'visit' | 'sign' | 'outcome' | 'event', Statement>>();

function statements(raw: RawDatabase) {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      start: raw.prepare<unknown[]>('SELECT reunified_on FROM reunifications WHERE case_id = ?'),
      risk: raw.prepare<unknown[]>('SELECT risk_level FROM cases WHERE id = ?'),
      contact: raw.prepare<unknown[]>(`INSERT INTO followup_contacts (id, case_id, due_on, type, performer, source, status, visit_id, reason, created_at, created_by, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`),
      visit: raw.prepare<unknown[]>(`INSERT INTO followup_visits (id, case_id, date, mode, contact_id, child_spoken_with, emergency_route_confirmed, wellbeing_assessment_id, data, created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`),
      sign: raw.prepare<unknown[]>(`INSERT INTO followup_signs (id, case_id, visit_id, sign, urgent, note, observed_on, resolved_at, resolved_by, resolution)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      outcome: raw.prepare<unknown[]>(`INSERT INTO followup_outcomes (id, case_id, milestone, recorded_on, living, school, welcomed, belonging, child_words, note, result,
        baseline_overall, latest_overall, created_at, created_by) VALUES (?, ?, 6, ?, ?, ?, ?, ?, ?, '', ?, NULL, NULL, ?, ?)`),
      event: raw.prepare<unknown[]>('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

function seedCase(ctx: SeedContext, s: ReturnType<typeof statements>, c: SeedCase): void {
  const { rng, pick } = ctx;
  const today = ctx.now.toISOString().slice(0, 10);
  const registeredOn = c.registeredAt.slice(0, 10);
  const start = (s.start.get(c.id) as { reunified_on: string } | undefined)?.reunified_on ?? registeredOn;
  const highRisk = (s.risk.get(c.id) as { risk_level: string } | undefined)?.risk_level === 'high';
  const steps = planSchedule(defaultProtocol, { start, highRisk, spontaneous: c.spontaneous ? { registeredOn, firstVisitDays: 7 } : undefined });
  const at = `${start < registeredOn ? registeredOn : start}T10:00:00.000Z` < c.registeredAt ? c.registeredAt : `${start}T10:00:00.000Z`;
  const phrases = seedPhrases[c.language];
  let first = true;
  let held = 0;
  for (const step of steps) {
    const id = ctx.uuid();
    const due = step.dueOn < today;
    const hold = due && (c.status === 'closed' || rng() < 0.82);
    if (!hold) {
      s.contact.run(id, c.id, step.dueOn, step.type, step.performer, step.source, c.status === 'closed' ? 'cancelled' : 'planned', null, at, c.workerId, at);
      continue;
    }
    const date = [addDays(step.dueOn, Math.floor(rng() * 5) - 1)].map((d) => (d > today ? today : d < registeredOn ? registeredOn : d))[0];
    const visitId = ctx.uuid();
    const phone = step.type === 'phone_call' || step.type === 'community_report';
    const spoken = phone ? rng() < 0.6 : rng() < 0.92;
    const visitAt = `${date}T15:00:00.000Z` > ctx.now.toISOString() ? ctx.now.toISOString() : `${date}T15:00:00.000Z`;
    const data = {
      date,
      mode: phone ? 'phone' : 'in_person',
      plannedContactId: id,
      spokeWith: [...(spoken ? [{ role: 'child', view: '' }] : []), { role: 'caregivers', view: pick(phrases.familyFeedback) }],
      childSeenAlone: spoken && !phone && rng() < 0.6,
      childWords: spoken ? pick(phrases.childFeedback) : '',
      childNotSeenReason: spoken ? '' : pick(phrases.concerns),
      observations: pick(phrases.observations),
      objectives: [],
      support: { status: pick(['delivered', 'partly', 'none_agreed'] as const), note: '' },
      referrals: { status: 'none_agreed', note: '' },
      factors: [],
      wellbeingAssessmentId: null,
      warningSigns: [] as { sign: string; urgent: boolean; note: string }[],
      emergencyRouteConfirmed: first && !phone,
    };
    if (rng() < 0.12) {
      const sign = pick(warningSigns.filter((w) => w !== 'low_wellbeing_factor'));
      const urgent = alwaysUrgentSigns.includes(sign) || rng() < 0.1;
      const note = pick(phrases.concerns);
      data.warningSigns.push({ sign, urgent, note });
    }
    s.contact.run(id, c.id, step.dueOn, step.type, step.performer, step.source, 'done', visitId, at, c.workerId, visitAt);
    s.visit.run(visitId, c.id, date, data.mode, id, spoken ? 1 : 0, data.emergencyRouteConfirmed ? 1 : 0, JSON.stringify(data), visitAt, c.workerId);
    for (const w of data.warningSigns) {
      // Older signs were mostly dealt with; recent ones still stand.
      const resolved = date < addDays(today, -30) && rng() < 0.85;
      s.sign.run(ctx.uuid(), c.id, visitId, w.sign, w.urgent ? 1 : 0, w.note, date, resolved ? `${addDays(date, 3)}T12:00:00.000Z` : null, resolved ? c.workerId : null, resolved ? pick(phrases.observations) : null);
    }
    s.event.run(c.id, visitAt, c.workerId, 'followup.visit', JSON.stringify({ date, mode: data.mode, signs: data.warningSigns.map((w) => w.sign), urgent: data.warningSigns.some((w) => w.urgent), childSpokenWith: spoken }));
    if (!phone) first = false;
    held += 1;
  }
  s.event.run(c.id, at, c.workerId, 'followup.schedulePlanned', JSON.stringify({ start, contacts: steps.length, first: steps[0]?.dueOn ?? null, protocolIsDefault: true }));
  const sixMonths = addMonths(start, 6);
  if (held > 0 && sixMonths < today && rng() < 0.7) {
    const known = rng() < 0.85;
    const outcome: Pick<OutcomeFields, 'living' | 'welcomed'> = {
      living: known ? pick(['same_caregiver', 'same_caregiver', 'same_caregiver', 'other_family', 'alternative_care'] as const) : 'unknown',
      welcomed: known ? pick(['yes', 'yes', 'mostly', 'no', 'not_asked'] as const) : 'unknown',
    };
    const recordedOn = sixMonths;
    s.outcome.run(ctx.uuid(), c.id, recordedOn, outcome.living, known ? pick(['attending', 'attending', 'irregular', 'not_attending'] as const) : 'unknown', outcome.welcomed, known ? pick(['yes', 'mostly', 'no'] as const) : 'unknown', known ? pick(phrases.childFeedback) : '', outcomeResult(outcome), `${recordedOn}T16:00:00.000Z`, c.workerId);
  }
}

export const seedFollowup: SeedContributor = (ctx, cases) => {
  const s = statements(ctx.raw);
  for (const c of cases) if (c.stage === 'follow_up' || c.stage === 'closure') seedCase(ctx, s, c);
};
