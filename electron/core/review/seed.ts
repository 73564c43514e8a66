// Node-only. Generated supervision reviews, consistent with each case's stage: for every batch of
// cases, a few review sessions held by a supervisor (some by an inter-agency panel, agencies
// recorded) in the last two months, over open cases registered before the session — picked by the
// rules that apply to them (high risk, warning signs, a closure waiting, spontaneous return) or at
// random. Finished sessions have a decision for every case, the latest may still be open with some
// cases to go. A decision fits the stage (closing is proposed only in follow-up); some assign an
// action to the case's worker, due two weeks later, done when it is past. A decision with the
// child and the family consulted, on a plan in force, counts as the plan's 3-monthly review and
// records it as the app does. Each decision and each action done is on the case's timeline.
// Only the contributor is exported: the generator runs every exported function.
import { planReviewDue } from '../../../shared/plans/schemas';
import type { ReviewDecision, SelectionRule } from '../../../shared/review/rules';
import { addDays } from '../../../shared/followup/schedule';
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { reviewPhrases } from './seed-phrases';

interface Statement {
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
}
type Names = 'facts' | 'session' | 'item' | 'action' | 'planReview' | 'reviewDue' | 'event';
const prepared = new WeakMap<RawDatabase, Record<Names, Statement>>();

function statements(raw: RawDatabase): Record<Names, Statement> {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      facts: raw.prepare<unknown[]>(`SELECT c.risk_level AS risk,
          EXISTS (SELECT 1 FROM followup_signs g WHERE g.case_id = c.id AND g.resolved_at IS NULL) AS signs,
          EXISTS (SELECT 1 FROM case_closures k WHERE k.case_id = c.id AND k.status = 'recommended') AS closure,
          (SELECT p.id FROM plan_versions p WHERE p.case_id = c.id AND p.status = 'current' AND p.acknowledged_on IS NOT NULL AND p.acknowledged_on <= ?) AS plan_id,
          (SELECT p.acknowledged_on FROM plan_versions p WHERE p.case_id = c.id AND p.status = 'current') AS acknowledged_on,
          (SELECT max(r.date) FROM plan_reviews r WHERE r.case_id = c.id) AS last_review
        FROM cases c WHERE c.id = ?`),
      session: raw.prepare<unknown[]>(`INSERT INTO review_sessions (id, held_on, kind, agencies, participants, rules, sample_size, status, created_by, created_at, finished_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      item: raw.prepare<unknown[]>(`INSERT INTO review_items (session_id, case_id, position, reasons, decision, note, child_consulted, family_consulted, counts_as_plan_review, decided_by, decided_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      action: raw.prepare<unknown[]>(`INSERT INTO review_actions (id, session_id, case_id, text, owner_id, due_on, status, created_by, created_at, done_by, done_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      planReview: raw.prepare<unknown[]>(`INSERT INTO plan_reviews (id, case_id, plan_version_id, date, notes, next_due, recorded_at, recorded_by) VALUES (?, ?, ?, ?, '', ?, ?, ?)`),
      reviewDue: raw.prepare<unknown[]>('UPDATE cases SET review_due = ? WHERE id = ?'),
      event: raw.prepare<unknown[]>('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

interface Facts {
  risk: string;
  signs: number;
  closure: number;
  plan_id: string | null;
  acknowledged_on: string | null;
  last_review: string | null;
}

/** Cases per session: one session for about every 400 cases generated. */
const CASES_PER_SESSION = 400;
const ITEMS = 12;

function decisionFor(c: SeedCase, facts: Facts, r: number): ReviewDecision {
  if (c.stage === 'follow_up' && (facts.closure || r < 0.1)) return r < 0.7 ? 'close' : 'continue';
  if (facts.signs || facts.risk === 'high') return r < 0.35 ? 'escalate' : r < 0.6 ? 'revise_plan' : 'continue';
  return r < 0.15 ? 'revise_plan' : 'continue';
}

function seedSession(ctx: SeedContext, s: Record<Names, Statement>, cases: SeedCase[], supervisors: string[], latest: boolean): void {
  const { rng, pick, now } = ctx;
  const today = now.toISOString().slice(0, 10);
  const heldOn = addDays(today, latest ? -Math.floor(rng() * 3) : -3 - Math.floor(rng() * 57));
  const at = `${heldOn}T10:00:00.000Z` > now.toISOString() ? now.toISOString() : `${heldOn}T10:00:00.000Z`;
  const candidates = cases.filter((c) => c.status === 'open' && c.registeredAt.slice(0, 10) < heldOn);
  if (candidates.length === 0) return;
  const supervisor = pick(supervisors);
  const panel = rng() < 0.25;
  const language = pick(candidates).language;
  const agencies = panel ? [...new Set([pick(reviewPhrases[language].agencies), pick(reviewPhrases[language].agencies)])] : [];
  const rules: SelectionRule[] = ['high_risk', 'warning_signs', 'closure_requested', 'spontaneous'];
  const sessionId = ctx.uuid();
  const finished = !latest || rng() < 0.8;
  s.session.run(sessionId, heldOn, panel ? 'panel' : 'supervisor', JSON.stringify(agencies), '', JSON.stringify(rules), 3, finished ? 'finished' : 'open', supervisor, at, finished ? at : null);
  const picked = new Set<SeedCase>();
  while (picked.size < Math.min(ITEMS, candidates.length)) picked.add(pick(candidates));
  let position = 0;
  for (const c of picked) {
    const facts = s.facts.get(heldOn, c.id) as Facts;
    const reasons = [
      ...(facts.risk === 'high' ? ['high_risk'] : []),
      ...(facts.signs ? ['warning_signs'] : []),
      ...(facts.closure ? ['closure_requested'] : []),
      ...(c.spontaneous ? ['spontaneous'] : []),
    ];
    position += 1;
    const decided = finished || rng() < 0.5;
    if (!decided) {
      s.item.run(sessionId, c.id, position, JSON.stringify(reasons.length ? reasons : ['sample']), null, '', 0, 0, 0, null, null);
      continue;
    }
    const phrases = reviewPhrases[c.language];
    const decision = decisionFor(c, facts, rng());
    const child = rng() < 0.6;
    const family = rng() < 0.7;
    // The plan's 3-monthly review, as review.decide records it — only forward in time.
    const counts = child && family && facts.plan_id !== null && facts.acknowledged_on !== null && (facts.last_review === null || facts.last_review < heldOn);
    s.item.run(sessionId, c.id, position, JSON.stringify(reasons.length ? reasons : ['sample']), decision, pick(phrases.notes), child ? 1 : 0, family ? 1 : 0, counts ? 1 : 0, supervisor, at);
    if (counts) {
      const due = planReviewDue(heldOn, facts.acknowledged_on!);
      s.planReview.run(ctx.uuid(), c.id, facts.plan_id, heldOn, due, at, supervisor);
      s.reviewDue.run(due, c.id);
    }
    const actions = decision === 'continue' && rng() < 0.7 ? 0 : 1;
    for (let i = 0; i < actions; i += 1) {
      const dueOn = addDays(heldOn, 14);
      const done = dueOn < today && rng() < 0.7;
      const doneAt = done ? `${addDays(heldOn, 3 + Math.floor(rng() * 10))}T12:00:00.000Z` : null;
      const actionId = ctx.uuid();
      s.action.run(actionId, sessionId, c.id, pick(phrases.actions), c.workerId, dueOn, done ? 'done' : 'open', supervisor, at, done ? c.workerId : null, doneAt);
      if (done) s.event.run(c.id, doneAt, c.workerId, 'review.actionDone', '{}');
    }
    s.event.run(c.id, at, supervisor, 'review.decision', JSON.stringify({ decision, actions, countsAsPlanReview: counts }));
  }
}

export const seedReviews: SeedContributor = (ctx, cases) => {
  const supervisors = ctx.staff.filter((p) => p.role === 'supervisor').map((p) => p.id);
  if (supervisors.length === 0 || cases.length === 0) return;
  const s = statements(ctx.raw);
  const sessions = Math.max(1, Math.round(cases.length / CASES_PER_SESSION));
  for (let i = 0; i < sessions; i += 1) seedSession(ctx, s, cases, supervisors, i === sessions - 1);
};
