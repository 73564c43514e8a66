// Node-only. Generated risk assessments and safety plans: a case past stage 1 (and a spontaneous
// reunification, at follow-up) has a risk assessment whose level is the case's, and a safety plan
// the child knows. The case's risk level is set from the assessment so the two agree.
// Only the contributor is exported: the generator runs every exported function.
import { riskCategories, riskLevelsFor } from './seed-risks';
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { riskRank } from '../cases/rows';
import { stageOnePhrases } from '../assessments/seed-phrases';
import { hasDone, stampOn, stepDate, type SeedStatement } from '../assessments/seed-timing';

const prepared = new WeakMap<RawDatabase, Record<'risk' | 'plan' | 'caseRisk' | 'event', SeedStatement>>();

function statements(raw: RawDatabase) {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      risk: raw.prepare(`
        INSERT INTO risk_assessments (id, case_id, number, date, risks, overall_level, summary, created_at, created_by)
        VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)`),
      plan: raw.prepare(`
        INSERT INTO safety_plans (id, case_id, number, trusted_contacts, if_harmed, if_breakdown, emergency_route, child_knows,
          reviewed_with_child_on, notes, created_at, created_by)
        VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, '', ?, ?)`),
      caseRisk: raw.prepare('UPDATE cases SET risk_level = ?, risk_rank = ?, risk_assessed = 1 WHERE id = ?'),
      event: raw.prepare('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

function seedCase(ctx: SeedContext, c: SeedCase): void {
  const riskDone = c.spontaneous || hasDone(c, 'riskAssessed');
  if (!riskDone) return;
  const s = statements(ctx.raw);
  const phrases = stageOnePhrases[c.language];
  const date = c.spontaneous ? c.registeredAt.slice(0, 10) : stepDate(c, 'riskAssessed', ctx.now);
  const count = 1 + Math.floor(ctx.rng() * 2);
  const risks = Array.from({ length: count }, () => {
    const [likelihood, impact] = riskLevelsFor(ctx.rng());
    return {
      category: ctx.pick(riskCategories),
      description: ctx.pick(phrases.riskDescriptions),
      likelihood,
      impact,
      mitigation: ctx.pick(phrases.mitigations),
      responsible: ctx.pick(ctx.staff).displayName,
      dueDate: null,
    };
  });
  const overall = ctx.pick(['low', 'medium', 'medium', 'high'] as const);
  const at = stampOn(date, c, ctx.now);
  s.risk.run(ctx.uuid(), c.id, date, JSON.stringify(risks), overall, ctx.pick(phrases.assessmentNotes), at, c.workerId);
  s.caseRisk.run(overall, riskRank[overall], c.id);
  s.event.run(c.id, at, c.workerId, 'safety.riskAssessment', JSON.stringify({ date, overallLevel: overall, risks: risks.length }));

  const planDone = c.spontaneous || hasDone(c, 'safetyPlan');
  if (!planDone) return;
  const planDate = c.spontaneous ? date : stepDate(c, 'safetyPlan', ctx.now);
  const contact = ctx.personName(c.language, ctx.rng() < 0.6 ? 'female' : 'male');
  const contacts = [
    {
      name: `${contact.givenName} ${contact.familyName}`,
      relationship: ctx.pick(phrases.relations),
      phone: `+256 7${String(Math.floor(ctx.rng() * 1e8)).padStart(8, '0')}`,
      howToReach: phrases.ifHarmed,
    },
  ];
  const planAt = stampOn(planDate, c, ctx.now);
  s.plan.run(ctx.uuid(), c.id, JSON.stringify(contacts), phrases.ifHarmed, phrases.ifBreakdown, phrases.emergencyRoute, 1, planDate, planAt, c.workerId);
}

export const seedSafety: SeedContributor = (ctx, cases) => {
  for (const c of cases) seedCase(ctx, c);
};
