// Node-only. What the safety feature tells the stage gates: a risk assessment exists, the current
// safety plan is one the child has been told, and both were redone for life at home — within the
// office's number of days before reunification (or before today, while it is being prepared), the
// plan naming the emergency route (G:L83, L263).
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';
import type { FactOptions } from '../cases/facts';
import { byCase, factsFor, forCases } from '../cases/facts-many';

const minusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** For each case, three queries for all of them; the first row of each case is its latest. */
export async function safetyFacts(db: Kysely<DB>, caseIds: readonly string[], options: FactOptions): Promise<Map<string, Partial<CaseFacts>>> {
  const risks = byCase(
    await forCases(caseIds, (list) =>
      db.selectFrom('risk_assessments').select(['case_id', 'date']).where('case_id', 'in', list).orderBy('case_id').orderBy('number', 'desc').execute(),
    ),
  );
  const plans = byCase(
    await forCases(caseIds, (list) =>
      db
        .selectFrom('safety_plans')
        .select(['case_id', 'child_knows', 'emergency_route', 'reviewed_with_child_on', 'created_at'])
        .where('case_id', 'in', list)
        .orderBy('case_id')
        .orderBy('number', 'desc')
        .execute(),
    ),
  );
  const reunions = byCase(
    await forCases(caseIds, (list) => db.selectFrom('reunifications').select(['case_id', 'reunified_on']).where('case_id', 'in', list).execute()),
  );
  return factsFor(caseIds, (id) => {
    const risk = risks.get(id)?.[0];
    const plan = plans.get(id)?.[0];
    const reunified = reunions.get(id)?.[0];
    const since = minusDays(reunified?.reunified_on ?? options.today, options.homeSafetyDays);
    const planOn = plan ? (plan.reviewed_with_child_on ?? plan.created_at.slice(0, 10)) : null;
    return {
      riskAssessed: Boolean(risk),
      safetyPlan: plan?.child_knows === 1,
      homeSafetyCurrent:
        risk !== undefined && risk.date >= since && plan?.child_knows === 1 && plan.emergency_route.trim() !== '' && planOn !== null && planOn >= since,
    };
  });
}
