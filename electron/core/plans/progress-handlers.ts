// Node-only. Progress on the plan in force, without a new version: an objective's status and
// progress notes, plan reviews (which set the next review date), and a supervisor's approval.
import crypto from 'node:crypto';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { planReviewDue } from '../../../shared/plans/schemas';
import { assertFourEyes } from '../approvals/queries';
import { assertEventDate } from '../cases/dates';
import { loadCase, recordCaseChange } from '../cases/scope';
import { defineHandlers } from '../handler';
import { conflict, currentObjective, invalid, invalidDate, recordProgress, registeredOn, writeReviewDue } from './common';
import { lastReviewOn, numberedVersion, readObjectives, readVersion, versionRow } from './read';

export function createPlanProgressHandlers() {
  return defineHandlers({
    'plans.updateObjective': async ({ caseId, objectiveId, status, progress }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      const objective = await currentObjective(env, caseId, objectiveId);
      const today = todayIso(env.now());
      if (progress) assertEventDate(progress.date, today, registeredOn(caseRow), 'progress.date');
      const now = env.now().toISOString();
      if (progress || objective.status !== status) {
        await env.tx(async (trx) => {
          await recordProgress(trx, caseId, objective, { status, date: progress?.date ?? today, note: progress?.note ?? '', planVersionId: objective.plan_version_id, reviewId: null }, now, env.session.userId);
          await recordCaseChange(
            env,
            trx,
            caseId,
            'plan.objectiveUpdated',
            { objectiveId, from: objective.status, to: status, note: Boolean(progress) },
            { domain: objective.domain, status, date: progress?.date ?? today },
          );
        });
      }
      const objectives = await readObjectives(env.db(), caseId, objective.plan_version_id);
      const updated = objectives.find((o) => o.id === objectiveId);
      if (!updated) throw new AppError('NOT_FOUND', 'no such objective in this case');
      return updated;
    },

    'plans.review': async ({ caseId, date, notes, objectivesProgress, participants, childViews, childViewsAbsent }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      const db = env.db();
      const current = await versionRow(db, caseId, 'current');
      if (!current?.acknowledged_on) throw conflict('noCurrentPlan', 'a plan is reviewed once the family has acknowledged it');
      const today = todayIso(env.now());
      assertEventDate(date, today, registeredOn(caseRow), 'date');
      if (date < current.acknowledged_on) {
        throw invalidDate(['date'], 'beforeAcknowledgement', 'the review is dated before the plan was acknowledged');
      }
      const objectives = await db
        .selectFrom('plan_objectives')
        .select(['id', 'objective_key', 'status'])
        .where('plan_version_id', '=', current.id)
        .execute();
      const byId = new Map(objectives.map((o) => [o.id, o]));
      const unknown = objectivesProgress
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => !byId.has(p.objectiveId))
        .map(({ i }) => ({ path: ['objectivesProgress', i, 'objectiveId'], code: 'unknownObjective', message: 'unknownObjective' }));
      if (unknown.length > 0) throw invalid(unknown, 'an objective is not in the current plan');

      const last = await lastReviewOn(db, caseId);
      const reviewDue = planReviewDue(last && last > date ? last : date, current.acknowledged_on);
      const reviewId = crypto.randomUUID();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await trx
          .insertInto('plan_reviews')
          .values({
            id: reviewId,
            case_id: caseId,
            plan_version_id: current.id,
            date,
            notes,
            participants: JSON.stringify(participants),
            child_views: childViews,
            child_views_absent: childViewsAbsent ? JSON.stringify(childViewsAbsent) : null,
            next_due: reviewDue,
            recorded_at: now,
            recorded_by: env.session.userId,
          })
          .execute();
        for (const p of objectivesProgress) {
          const objective = byId.get(p.objectiveId)!;
          await recordProgress(trx, caseId, objective, { status: p.status, date, note: p.note, planVersionId: current.id, reviewId }, now, env.session.userId);
        }
        await writeReviewDue(trx, caseId, reviewDue);
        await recordCaseChange(
          env,
          trx,
          caseId,
          'plan.reviewed',
          { reviewId, version: current.version, objectivesUpdated: objectivesProgress.length },
          { version: current.version, date, reviewDue },
        );
      });
      return { reviewId, reviewDue };
    },

    'plans.approve': async ({ caseId, version, notes }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const row = await numberedVersion(env.db(), caseId, version);
      if (row.status === 'superseded') throw conflict('superseded', 'this plan version has been replaced');
      if (row.approved_at) throw conflict('alreadyApproved', 'this plan version is already approved');
      const { selfApproval } = await assertFourEyes(env, kase, row.created_by);
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await trx
          .updateTable('plan_versions')
          .set({ approved_at: now, approved_by: env.session.userId, approval_notes: notes, self_approved: selfApproval ? 1 : 0 })
          .where('id', '=', row.id)
          .execute();
        await recordCaseChange(env, trx, caseId, 'plan.approved', { version, status: row.status, selfApproved: selfApproval }, { version, notes, selfApproved: selfApproval });
      });
      const updated = await env.db().selectFrom('plan_versions').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      return readVersion(env.db(), updated);
    },
  });
}
