// Node-only. Generated contact logs, consistent with each case's stage: a case in preparation may
// have exchanged letters or calls; one in the reunification stage is somewhere up the ladder with
// its next rung planned in the coming weeks (some with a refusal); one in follow-up has climbed it,
// including a successful supervised home visit. A spontaneous reunification has no contact log.
// Only the contributor is exported: the generator runs every exported function.
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { ContactKind, ContactMode, ContactOutcome, LadderRung } from '../../../shared/contacts/ladder';
import { ladderRungs, remoteModes } from '../../../shared/contacts/ladder';
import type { RawDatabase } from '../db/open';
import { seedPhrases } from './seed-phrases';

const DAY = 86_400_000;

interface Statements {
  contact: Statement;
  refusal: Statement;
  event: Statement;
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
      contact: raw.prepare<unknown[]>(`
        INSERT INTO contacts (id, case_id, kind, mode, with_whom, place, status, planned_for, purpose, held_on,
          duration_minutes, outcome, child_feedback, family_feedback, observations, concerns, cancel_reason, cancelled_at,
          recorded_by, created_at, updated_at, version)
        VALUES (@id, @case_id, @kind, @mode, @with_whom, @place, @status, @planned_for, @purpose, @held_on,
          @duration_minutes, @outcome, @child_feedback, @family_feedback, @observations, @concerns, @cancel_reason, @cancelled_at,
          @recorded_by, @created_at, @created_at, 1)`),
      refusal: raw.prepare<unknown[]>(`
        INSERT INTO contact_refusals (id, case_id, refused_on, refused_by, who, reasons, child_views, contact_id, recorded_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`),
      event: raw.prepare<unknown[]>('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

const durations: Record<ContactKind, number[]> = {
  remote_contact: [10, 15, 20, 30],
  short_meeting: [45, 60, 90, 120],
  supervised_visit: [180, 240, 360],
  unsupervised_visit: [1440, 2880, 4320],
  sibling_contact: [20, 30, 60],
};

/** A timestamp on that day, never before the case was registered nor after now. */
function stampOn(date: string, c: SeedCase, now: Date): string {
  const at = Date.parse(`${date}T15:00:00.000Z`);
  return new Date(Math.min(now.getTime(), Math.max(Date.parse(c.registeredAt), at))).toISOString();
}

function seedCase(ctx: SeedContext, s: Statements, c: SeedCase): void {
  const { rng, pick, now } = ctx;
  const phrases = seedPhrases[c.language];
  const relative = () => {
    const name = ctx.personName(c.language, rng() < 0.7 ? 'female' : 'male');
    return `${name.givenName} ${c.familyName || name.familyName} (${pick(phrases.relations)})`;
  };
  const family = relative();
  const modeFor = (kind: ContactKind): ContactMode | null =>
    kind === 'remote_contact' ? pick(remoteModes) : kind === 'sibling_contact' ? pick(['letter', 'phone_call', 'video_call', 'in_person'] as const) : null;

  // How far up the ladder the case has come (rungs held successfully), by stage.
  let climbed = 0;
  let planNext = false;
  if (c.stage === 'preparation') climbed = rng() < 0.3 ? 1 : 0;
  else if (c.stage === 'reunification') {
    climbed = Math.floor(rng() * 4);
    planNext = c.status === 'open';
  } else if (c.stage === 'follow_up' || c.stage === 'closure') climbed = rng() < 0.6 ? 4 : 3;
  if (climbed === 0 && !planNext) return;

  const today = now.toISOString().slice(0, 10);
  const registered = c.registeredAt.slice(0, 10);
  // Held contacts spread over the case's life so far, in ladder order (leaving room for reunification).
  const span = Math.max(0, now.getTime() - Date.parse(c.registeredAt));
  const until = new Date(Date.parse(c.registeredAt) + span * (c.stage === 'follow_up' || c.stage === 'closure' ? 0.6 : 1)).toISOString();
  const heldDates = Array.from({ length: climbed }, () => ctx.dateBetween(c.registeredAt, until)).sort();
  const insert = (kind: ContactKind, fields: { status: 'planned' | 'held' | 'cancelled'; held_on?: string; planned_for?: string; outcome?: ContactOutcome; cancel_reason?: string; clear?: boolean }) => {
    const id = ctx.uuid();
    const mode = modeFor(kind);
    const held = fields.status === 'held';
    const createdAt = stampOn(fields.held_on ?? (fields.planned_for && fields.planned_for < today ? fields.planned_for : today), c, now);
    s.contact.run({
      id,
      case_id: c.id,
      kind,
      mode,
      with_whom: kind === 'sibling_contact' ? `${ctx.personName(c.language, rng() < 0.5 ? 'female' : 'male').givenName} ${c.familyName}`.trim() : family,
      place: kind === 'remote_contact' ? '' : pick(phrases.places),
      status: fields.status,
      planned_for: fields.planned_for ?? null,
      purpose: fields.planned_for ? pick(phrases.purposes) : '',
      held_on: fields.held_on ?? null,
      duration_minutes: pick(durations[kind]),
      outcome: fields.outcome ?? null,
      child_feedback: held ? pick(phrases.childFeedback) : '',
      family_feedback: held ? pick(phrases.familyFeedback) : '',
      observations: held ? pick(phrases.observations) : '',
      concerns: held && !fields.clear && rng() < 0.3 ? pick(phrases.concerns) : '',
      cancel_reason: fields.cancel_reason ?? '',
      cancelled_at: fields.status === 'cancelled' ? stampOn(today, c, now) : null,
      recorded_by: c.workerId,
      created_at: createdAt,
    });
    const details = held
      ? { kind, mode, heldOn: fields.held_on, outcome: fields.outcome }
      : { kind, mode, plannedFor: fields.planned_for };
    s.event.run(c.id, createdAt, c.workerId, held ? 'contact.record' : 'contact.plan', JSON.stringify(details));
    return id;
  };

  heldDates.forEach((date, rung) => {
    const kind: LadderRung = ladderRungs[rung];
    // Some supervised visits needed a second try before one went well.
    if (kind === 'supervised_visit' && rng() < 0.2) insert(kind, { status: 'held', held_on: date, outcome: 'partly_successful' });
    // A child who went home left on a good visit: the latest picture is clear (latestContactClear).
    const last = rung === heldDates.length - 1 && (c.stage === 'follow_up' || c.stage === 'closure');
    insert(kind, { status: 'held', held_on: date, outcome: !last && rung === 0 && rng() < 0.2 ? 'partly_successful' : 'successful', clear: last });
  });
  if (climbed >= 2 && rng() < 0.15) {
    insert('sibling_contact', { status: 'held', held_on: ctx.dateBetween(`${heldDates[0]}T00:00:00.000Z`, until), outcome: 'successful' });
  }

  const refused = c.stage === 'reunification' && (c.status === 'halted' ? rng() < 0.5 : rng() < 0.04);
  if (planNext && climbed < ladderRungs.length) {
    const plannedFor = new Date(now.getTime() + (1 + Math.floor(rng() * 28)) * DAY).toISOString().slice(0, 10);
    if (refused) insert(ladderRungs[climbed], { status: 'cancelled', planned_for: plannedFor, cancel_reason: pick(phrases.refusalReasons) });
    else insert(ladderRungs[climbed], { status: 'planned', planned_for: plannedFor });
  }
  if (refused) {
    const refusedOn = ctx.dateBetween(`${heldDates[heldDates.length - 1] ?? registered}T00:00:00.000Z`, now.toISOString());
    const by = pick(['family', 'family', 'child', 'both'] as const);
    const at = stampOn(refusedOn, c, now);
    s.refusal.run(ctx.uuid(), c.id, refusedOn, by, by === 'child' ? '' : family, pick(phrases.refusalReasons), pick(phrases.childViews), c.workerId, at);
    s.event.run(c.id, at, c.workerId, 'contact.refusal', JSON.stringify({ refusedOn, refusedBy: by }));
  }
}

export const seedContacts: SeedContributor = (ctx, cases) => {
  const s = statements(ctx.raw);
  for (const c of cases) {
    if (c.spontaneous) continue;
    seedCase(ctx, s, c);
  }
};
