// Node-only. Generated closures and re-openings, consistent with each case's stage and dates. Runs
// after the follow-up contributor: only a case in follow-up for more than a year (counted from its
// reunification day), with no warning sign still standing, may be recommended for closure, after
// its last monitoring visit. Most
// recommendations were approved by a supervisor (never the recommender; some by an inter-agency
// panel) — the case is then closed, read-only, its contacts still planned cancelled as when a case
// leaves follow-up —, some were returned with reasons, some still wait in the approvals queue. A
// few closed cases were re-opened (a re-separation starts again at preparation, a new concern in
// follow-up). Each step is on the case's timeline (and so in the audit log) like the app writes it.
// Only the contributor is exported: the generator runs every exported function.
import { addMonths } from '../../../shared/cases/fields';
import { reopenStage, type ClosureReason } from '../../../shared/closure/rules';
import { addDays } from '../../../shared/followup/schedule';
import { seedPhrases } from '../contacts/seed-phrases';
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { reviewPhrases } from '../review/seed-phrases';

interface Statement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
}
type Names = 'start' | 'lastVisit' | 'openSigns' | 'closure' | 'reopening' | 'caseState' | 'cancelContacts' | 'event';
const prepared = new WeakMap<RawDatabase, Record<Names, Statement>>();

function statements(raw: RawDatabase): Record<Names, Statement> {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      start: raw.prepare<unknown[]>('SELECT reunified_on FROM reunifications WHERE case_id = ?'),
      lastVisit: raw.prepare<unknown[]>('SELECT max(date) AS last FROM followup_visits WHERE case_id = ?'),
      openSigns: raw.prepare<unknown[]>('SELECT count(*) AS n FROM followup_signs WHERE case_id = ? AND resolved_at IS NULL'),
      closure: raw.prepare<unknown[]>(`INSERT INTO case_closures (id, case_id, status, reason, reason_note, observations_reviewed, progress_reviewed, providers_consulted, risks,
        child_views, family_views, stage_before, status_before, recommended_by, recommended_at, decided_by, decided_at, decision_note, panel_agencies, self_approved)
        VALUES (?, ?, ?, ?, '', 1, 1, ?, ?, ?, ?, 'follow_up', 'open', ?, ?, ?, ?, ?, ?, 0)`),
      reopening: raw.prepare<unknown[]>(`INSERT INTO case_reopenings (id, case_id, closure_id, reason, note, stage, reopened_by, reopened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      caseState: raw.prepare<unknown[]>('UPDATE cases SET status = ?, stage = ?, version = version + 1, updated_at = ? WHERE id = ?'),
      cancelContacts: raw.prepare<unknown[]>(`UPDATE followup_contacts SET status = 'cancelled', reason = 'stageMove', updated_at = ? WHERE case_id = ? AND status = 'planned'`),
      event: raw.prepare<unknown[]>('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

const reasons: [ClosureReason, number][] = [
  ['reintegrated', 0.78],
  ['lost_contact', 0.08],
  ['transferred', 0.05],
  ['adulthood', 0.05],
  ['permanent_family', 0.03],
  ['other', 0.01],
];

function weighted<T>(r: number, items: [T, number][]): T {
  for (const [item, weight] of items) {
    r -= weight;
    if (r <= 0) return item;
  }
  return items[items.length - 1][0];
}

/** A time on `day` (YYYY-MM-DD) at `hour` UTC, never after `now`. */
const timeOn = (day: string, hour: number, now: Date) => {
  const at = `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  return at > now.toISOString() ? now.toISOString() : at;
};

function closeCase(ctx: SeedContext, s: Record<Names, Statement>, c: SeedCase, supervisors: string[]): void {
  const { rng, pick, now } = ctx;
  const today = now.toISOString().slice(0, 10);
  const registeredOn = c.registeredAt.slice(0, 10);
  const start = (s.start.get(c.id) as { reunified_on: string } | undefined)?.reunified_on ?? registeredOn;
  const year = addMonths(start, 12);
  if (year >= today || rng() > 0.6) return;
  // A warning sign still standing is dealt with before anyone proposes to close.
  if ((s.openSigns.get(c.id) as { n: number }).n > 0) return;
  const last = (s.lastVisit.get(c.id) as { last: string | null }).last;
  const recommendedOn = addDays(last && last > year ? last : year, 1 + Math.floor(rng() * 5));
  if (recommendedOn >= today) return;
  const phrases = seedPhrases[c.language];
  const review = reviewPhrases[c.language];
  const reason = weighted(rng(), reasons);
  const risks = JSON.stringify([{ risk: pick(review.risks), likelihood: 1 + Math.floor(rng() * 2), severity: 1 + Math.floor(rng() * 3), mitigation: pick(phrases.observations) }]);
  const recommendedAt = timeOn(recommendedOn, 9, now);
  const id = ctx.uuid();
  const decidedOn = addDays(recommendedOn, 1 + Math.floor(rng() * 7));
  const roll = rng();
  // Still waiting for a decision: recommended recently, or one in ten.
  const outcome = decidedOn >= today || roll < 0.1 ? 'recommended' : roll < 0.2 ? 'returned' : 'approved';
  const decider = outcome === 'recommended' ? null : pick(supervisors);
  const panel = outcome === 'approved' && rng() < 0.2 ? [pick(review.agencies), pick(review.agencies)].filter((a, i, all) => all.indexOf(a) === i) : [];
  const decidedAt = outcome === 'recommended' ? null : timeOn(decidedOn, 14, now);
  const note = outcome === 'returned' ? pick(review.returnNotes) : outcome === 'approved' ? pick(review.approveNotes) : '';
  s.closure.run(id, c.id, outcome, reason, pick(phrases.providers), risks, pick(phrases.childFeedback), pick(phrases.familyFeedback), c.workerId, recommendedAt, decider, decidedAt, note, JSON.stringify(panel));
  s.event.run(c.id, recommendedAt, c.workerId, 'closure.recommend', JSON.stringify({ reason }));
  if (outcome === 'recommended') return;
  s.event.run(c.id, decidedAt, decider, outcome === 'approved' ? 'closure.approve' : 'closure.return', JSON.stringify({ reason, note, panelAgencies: panel, selfApproved: false }));
  if (outcome === 'returned') return;
  s.caseState.run('closed', 'closure', decidedAt, c.id);
  s.cancelContacts.run(decidedAt, c.id);
  c.status = 'closed';
  c.stage = 'closure';
  // A few come back: the child left home again, or a new concern was reported.
  const reopenedOn = addDays(decidedOn, 10 + Math.floor(rng() * 90));
  if (rng() >= 0.08 || reopenedOn >= today) return;
  const why = rng() < 0.6 ? ('re_separation' as const) : ('new_concern' as const);
  const stage = reopenStage(why);
  const reopenedAt = timeOn(reopenedOn, 11, now);
  const by = pick(supervisors);
  const reopenNote = pick(review.reopenNotes);
  s.reopening.run(ctx.uuid(), c.id, id, why, reopenNote, stage, by, reopenedAt);
  s.caseState.run('open', stage, reopenedAt, c.id);
  s.event.run(c.id, reopenedAt, by, 'closure.reopen', JSON.stringify({ reason: why, note: reopenNote, stage }));
  c.status = 'open';
  c.stage = stage;
}

export const seedClosures: SeedContributor = (ctx, cases) => {
  const supervisors = ctx.staff.filter((p) => p.role === 'supervisor').map((p) => p.id);
  if (supervisors.length === 0) return;
  const s = statements(ctx.raw);
  for (const c of cases) if (c.stage === 'follow_up' && c.status === 'open') closeCase(ctx, s, c, supervisors);
};
