// Node-only. What the safety feature tells the stage gates: a risk assessment exists, the current
// safety plan is one the child has been told, and both were redone for life at home — within the
// office's number of days before reunification (or before today, while it is being prepared), the
// plan naming the emergency route (G:L83, L263).
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';
import type { FactOptions } from '../cases/facts';

const minusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export async function safetyFacts(db: Kysely<DB>, caseId: string, options: FactOptions): Promise<Partial<CaseFacts>> {
  const risk = await db.selectFrom('risk_assessments').select('date').where('case_id', '=', caseId).orderBy('number', 'desc').limit(1).executeTakeFirst();
  const plan = await db
    .selectFrom('safety_plans')
    .select(['child_knows', 'emergency_route', 'reviewed_with_child_on', 'created_at'])
    .where('case_id', '=', caseId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const reunified = await db.selectFrom('reunifications').select('reunified_on').where('case_id', '=', caseId).executeTakeFirst();
  const since = minusDays(reunified?.reunified_on ?? options.today, options.homeSafetyDays);
  const planOn = plan ? (plan.reviewed_with_child_on ?? plan.created_at.slice(0, 10)) : null;
  return {
    riskAssessed: Boolean(risk),
    safetyPlan: plan?.child_knows === 1,
    homeSafetyCurrent:
      risk !== undefined && risk.date >= since && plan?.child_knows === 1 && plan.emergency_route.trim() !== '' && planOn !== null && planOn >= since,
  };
}
