// Node-only. Risk assessments (the overall level becomes the case's risk level, in the same
// transaction) and safety plans. Each save is a new numbered version; none is overwritten.
import crypto from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import type { Risk, RiskAssessment, SafetyPlan, TrustedContact } from '../../../shared/safety/contract';
import { nameOf, staffNames } from '../assessments/people';
import { assertEventDate } from '../cases/dates';
import { riskRank, riskShown } from '../cases/rows';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import type { DB } from '../db/schema';
import { defineHandlers } from '../handler';
import type { RiskAssessmentsTable, SafetyPlansTable } from './tables';
import { eventFloor } from '../cases/paper';

type RiskRow = Selectable<RiskAssessmentsTable>;
type PlanRow = Selectable<SafetyPlansTable>;

function toRiskAssessment(row: RiskRow, names: Map<string, string>): RiskAssessment {
  return {
    id: row.id,
    caseId: row.case_id,
    number: row.number,
    date: row.date,
    risks: JSON.parse(row.risks) as Risk[],
    overallLevel: row.overall_level,
    summary: row.summary,
    recordedBy: nameOf(names, row.created_by),
    recordedAt: row.created_at,
  };
}

function toSafetyPlan(row: PlanRow, names: Map<string, string>): SafetyPlan {
  return {
    id: row.id,
    caseId: row.case_id,
    number: row.number,
    trustedContacts: JSON.parse(row.trusted_contacts) as TrustedContact[],
    ifHarmed: row.if_harmed,
    ifBreakdown: row.if_breakdown,
    emergencyRoute: row.emergency_route,
    childKnows: row.child_knows === 1,
    reviewedWithChildOn: row.reviewed_with_child_on,
    notes: row.notes,
    recordedBy: nameOf(names, row.created_by),
    recordedAt: row.created_at,
  };
}

const stale = () =>
  new AppError('CONFLICT', 'someone else saved a newer version; reload it', { params: { reason: 'version' } });

export function createSafetyHandlers(_deps: CoreDeps) {
  async function latestNumber(db: Transaction<DB>, table: 'risk_assessments' | 'safety_plans', caseId: string): Promise<number> {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.max('number').as('number'))
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return Number(row?.number ?? 0);
  }

  return defineHandlers({
    'safety.get': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const risks = await env.db().selectFrom('risk_assessments').selectAll().where('case_id', '=', caseId).orderBy('number', 'desc').execute();
      const plans = await env.db().selectFrom('safety_plans').selectAll().where('case_id', '=', caseId).orderBy('number', 'desc').execute();
      await recordCaseView(env, caseId, 'safety');
      const names = await staffNames(env.db(), [...risks, ...plans].map((r) => r.created_by));
      return {
        riskAssessment: risks[0] ? toRiskAssessment(risks[0], names) : null,
        riskHistory: risks.map((r) => ({
          id: r.id,
          number: r.number,
          date: r.date,
          overallLevel: r.overall_level,
          recordedAt: r.created_at,
          recordedBy: nameOf(names, r.created_by),
        })),
        safetyPlan: plans[0] ? toSafetyPlan(plans[0], names) : null,
        safetyPlanHistory: plans.map((p) => ({
          id: p.id,
          number: p.number,
          childKnows: p.child_knows === 1,
          recordedAt: p.created_at,
          recordedBy: nameOf(names, p.created_by),
        })),
      };
    },

    'safety.saveRiskAssessment': async ({ caseId, basedOn, assessment }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const today = todayIso(env.now());
      assertEventDate(assessment.date, today, eventFloor(kase), 'assessment.date');
      const early = assessment.risks.findIndex((r) => r.dueDate !== null && r.dueDate < assessment.date);
      if (early >= 0) {
        throw new AppError('INVALID_DATE', 'a mitigation is due before the assessment', {
          issues: [{ path: ['assessment', 'risks', early, 'dueDate'], code: 'beforeAssessment', message: 'beforeAssessment' }],
          params: { field: `assessment.risks.${early}.dueDate` },
        });
      }
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      const row = await env.tx(async (trx) => {
        const current = await latestNumber(trx, 'risk_assessments', caseId);
        if (current !== basedOn) throw stale();
        const values: RiskRow = {
          id,
          case_id: caseId,
          number: current + 1,
          date: assessment.date,
          risks: JSON.stringify(assessment.risks),
          overall_level: assessment.overallLevel,
          summary: assessment.summary,
          created_at: now,
          created_by: env.session.userId,
        };
        await trx.insertInto('risk_assessments').values(values).execute();
        await trx
          .updateTable('cases')
          .set({ risk_level: assessment.overallLevel, risk_rank: riskRank[assessment.overallLevel], risk_assessed: 1 })
          .where('id', '=', caseId)
          .execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'safety.riskAssessment',
          {
            riskAssessmentId: id,
            number: values.number,
            overallLevel: assessment.overallLevel,
            previousLevel: riskShown(kase),
            categories: assessment.risks.map((r) => r.category),
          },
          { date: assessment.date, overallLevel: assessment.overallLevel, previousLevel: riskShown(kase), risks: assessment.risks.length },
        );
        return values;
      });
      return toRiskAssessment(row, await staffNames(env.db(), [row.created_by]));
    },

    'safety.saveSafetyPlan': async ({ caseId, basedOn, plan }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      if (plan.reviewedWithChildOn) {
        assertEventDate(plan.reviewedWithChildOn, todayIso(env.now()), eventFloor(kase), 'plan.reviewedWithChildOn');
      }
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      const row = await env.tx(async (trx) => {
        const current = await latestNumber(trx, 'safety_plans', caseId);
        if (current !== basedOn) throw stale();
        const values: PlanRow = {
          id,
          case_id: caseId,
          number: current + 1,
          trusted_contacts: JSON.stringify(plan.trustedContacts),
          if_harmed: plan.ifHarmed,
          if_breakdown: plan.ifBreakdown,
          emergency_route: plan.emergencyRoute,
          child_knows: plan.childKnows ? 1 : 0,
          reviewed_with_child_on: plan.reviewedWithChildOn,
          notes: plan.notes,
          created_at: now,
          created_by: env.session.userId,
        };
        await trx.insertInto('safety_plans').values(values).execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'safety.safetyPlan',
          { safetyPlanId: id, number: values.number, childKnows: plan.childKnows, contacts: plan.trustedContacts.length },
          { number: values.number, childKnows: plan.childKnows, reviewedWithChildOn: plan.reviewedWithChildOn },
        );
        return values;
      });
      return toSafetyPlan(row, await staffNames(env.db(), [row.created_by]));
    },
  });
}
