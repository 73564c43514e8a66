// Node-only. What the safety feature tells the stage gates: a risk assessment exists, and the
// current safety plan is one the child has been told.
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';

export async function safetyFacts(db: Kysely<DB>, caseId: string): Promise<Partial<CaseFacts>> {
  const risk = await db.selectFrom('risk_assessments').select('id').where('case_id', '=', caseId).limit(1).executeTakeFirst();
  const plan = await db
    .selectFrom('safety_plans')
    .select('child_knows')
    .where('case_id', '=', caseId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { riskAssessed: Boolean(risk), safetyPlan: plan?.child_knows === 1 };
}
