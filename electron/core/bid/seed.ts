// Node-only. Generated best interests determinations: approved (reintegration with the family) for
// every case past stage 1; a halted case's BID decided on other care; a stage-1 case near the end
// has one submitted and waiting for the supervisor.
// Only the contributor is exported: the generator runs every exported function.
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { stageOnePhrases } from '../assessments/seed-phrases';
import { hasDone, stampOn, stepDate, type SeedStatement } from '../assessments/seed-timing';

const prepared = new WeakMap<RawDatabase, { bid: SeedStatement; event: SeedStatement }>();

function statements(raw: RawDatabase) {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      bid: raw.prepare(`
        INSERT INTO bids (id, case_id, status, date, panel, options_considered, child_views, decision, decision_other, reasons,
          review_comment, created_at, created_by, updated_at, submitted_at, submitted_by, decided_at, decided_by, version)
        VALUES (@id, @case_id, @status, @date, @panel, @options, @child_views, @decision, '', @reasons,
          '', @created_at, @by, @updated_at, @submitted_at, @by, @decided_at, @decided_by, @version)`),
      event: raw.prepare('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

function seedCase(ctx: SeedContext, c: SeedCase, supervisors: { id: string; displayName: string }[]): void {
  if (!hasDone(c, 'bidSubmitted')) return;
  const s = statements(ctx.raw);
  const phrases = stageOnePhrases[c.language];
  const approved = hasDone(c, 'bidApproved');
  const supervisor = ctx.pick(supervisors);
  // A case halted in stage 1 was halted because the BID chose other care.
  const decision = c.status === 'halted' && c.stage === 'tracing_assessment' ? ctx.pick(['kinship_care', 'foster_care'] as const) : 'reintegration_with_family';
  const panel = [
    { name: supervisor.displayName, role: ctx.pick(phrases.panelRoles), agency: '', view: ctx.pick(phrases.memberViews), recommendation: decision },
    ...Array.from({ length: 1 + Math.floor(ctx.rng() * 2) }, () => {
      const person = ctx.personName(c.language, ctx.rng() < 0.5 ? 'female' : 'male');
      return { name: `${person.givenName} ${person.familyName}`, role: ctx.pick(phrases.panelRoles), agency: '', view: ctx.pick(phrases.memberViews), recommendation: decision };
    }),
  ];
  const date = stepDate(c, 'bidSubmitted', ctx.now);
  const submittedAt = stampOn(date, c, ctx.now);
  const decidedAt = approved ? stampOn(stepDate(c, 'bidApproved', ctx.now), c, ctx.now) : null;
  s.bid.run({
    id: ctx.uuid(),
    case_id: c.id,
    status: approved ? 'approved' : 'submitted',
    date,
    panel: JSON.stringify(panel),
    options: JSON.stringify([
      { option: 'reintegration_with_family', assessment: ctx.pick(phrases.memberViews) },
      { option: 'kinship_care', assessment: ctx.pick(phrases.memberViews) },
    ]),
    child_views: ctx.pick(phrases.childViews),
    decision,
    reasons: decision === 'reintegration_with_family' ? phrases.bidReasons[0] : phrases.bidReasons[1],
    created_at: submittedAt,
    by: c.workerId,
    updated_at: decidedAt ?? submittedAt,
    submitted_at: submittedAt,
    decided_at: decidedAt,
    decided_by: approved ? supervisor.id : null,
    version: approved ? 3 : 2,
  });
  if (decidedAt) s.event.run(c.id, decidedAt, supervisor.id, 'bid.approve', JSON.stringify({ decision }));
}

export const seedBid: SeedContributor = (ctx, cases) => {
  const supervisors = ctx.staff.filter((m) => m.role === 'supervisor');
  const panelChairs = supervisors.length > 0 ? supervisors : ctx.staff;
  for (const c of cases) seedCase(ctx, c, panelChairs);
};
