// Node-only. Due tasks and halt reviews: My work's list of them, the case file's view, marking the
// home visit done, and reviewing a halted case (which sets its next review date).
import crypto from 'node:crypto';
import { todayIso } from '../../../shared/cases/fields';
import { parseAbsence } from '../../../shared/casework/child-views';
import { AppError } from '../../../shared/contract/errors';
import type { HaltReview, ReviewParticipant } from '../../../shared/tasks/contract';
import { haltReviewDateProblem, manuallyCompletable } from '../../../shared/tasks/rules';
import { assertEventDate } from '../cases/dates';
import { eventFloor } from '../cases/paper';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { dueForWorker, tasksOfCase } from './queries';

export function createTasksHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'tasks.due': async (_input, env) => {
      const items = await dueForWorker(env.db(), env.session.userId, todayIso(env.now()));
      await env.audit(env.db(), { action: 'case.list', entityType: 'case', details: { view: 'dueTasks', count: items.length } });
      return items;
    },

    'tasks.forCase': async ({ caseId }, env) => {
      const kase = await loadCase(env, caseId, 'read');
      const reviews = await env
        .db()
        .selectFrom('halt_reviews')
        .leftJoin('users', 'users.id', 'halt_reviews.recorded_by')
        .selectAll('halt_reviews')
        .select('users.display_name')
        .where('case_id', '=', caseId)
        .orderBy('reviewed_on', 'desc')
        .orderBy('recorded_at', 'desc')
        .execute();
      await recordCaseView(env, caseId, 'tasks');
      return {
        tasks: await tasksOfCase(env.db(), caseId, todayIso(env.now())),
        haltReviewDue: kase.status === 'halted' ? kase.halt_review_due : null,
        haltReviews: reviews.map(
          (r): HaltReview => ({
            id: r.id,
            reviewedOn: r.reviewed_on,
            participants: JSON.parse(r.participants) as ReviewParticipant[],
            notes: r.notes,
            childViews: r.child_views,
            childViewsAbsent: parseAbsence(r.child_views_absent),
            nextReviewOn: r.next_review_on,
            recordedByName: r.display_name,
          }),
        ),
      };
    },

    'tasks.complete': async ({ caseId, kind, doneOn, note }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const today = todayIso(env.now());
      if (!manuallyCompletable.includes(kind)) {
        // A risk assessment is done by recording one, not by ticking a box.
        throw new AppError('VALIDATION', 'this task is done by recording it', { issues: [{ path: ['kind'], code: 'doneByRecord', message: 'doneByRecord' }] });
      }
      assertEventDate(doneOn, today, eventFloor(kase), 'doneOn');
      const task = await env.db().selectFrom('case_tasks').select(['done_on']).where('case_id', '=', caseId).where('kind', '=', kind).executeTakeFirst();
      if (!task) throw new AppError('NOT_FOUND', 'this case has no such task');
      if (task.done_on) throw new AppError('CONFLICT', 'this task is already done', { params: { reason: 'alreadyDone' } });
      await env.tx(async (trx) => {
        await trx.updateTable('case_tasks').set({ done_on: doneOn, done_note: note, done_by: env.session.userId }).where('case_id', '=', caseId).where('kind', '=', kind).execute();
        await recordCaseChange(env, trx, caseId, 'case.taskDone', { kind }, { kind, doneOn });
      });
      return tasksOfCase(env.db(), caseId, today);
    },

    'tasks.reviewHalt': async (input, env) => {
      const kase = await loadCase(env, input.caseId, 'write');
      if (kase.status !== 'halted') throw new AppError('CONFLICT', 'this case is not halted', { params: { reason: kase.status } });
      const today = todayIso(env.now());
      assertEventDate(input.reviewedOn, today, kase.halted_at?.slice(0, 10) ?? null, 'reviewedOn');
      const dateProblem = haltReviewDateProblem(input.nextReviewOn, today);
      if (dateProblem) {
        throw new AppError('INVALID_DATE', 'the next review must be in the coming year', {
          issues: [{ path: ['nextReviewOn'], code: dateProblem, message: dateProblem }],
          params: { field: 'nextReviewOn' },
        });
      }
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await trx
          .insertInto('halt_reviews')
          .values({
            id,
            case_id: input.caseId,
            reviewed_on: input.reviewedOn,
            participants: JSON.stringify(input.participants),
            notes: input.notes,
            child_views: input.childViews,
            child_views_absent: input.childViewsAbsent ? JSON.stringify(input.childViewsAbsent) : null,
            next_review_on: input.nextReviewOn,
            recorded_by: env.session.userId,
            recorded_at: now,
          })
          .execute();
        await trx.updateTable('cases').set({ halt_review_due: input.nextReviewOn }).where('id', '=', input.caseId).execute();
        await recordCaseChange(
          env,
          trx,
          input.caseId,
          'case.haltReview',
          { reviewId: id, participants: input.participants.map((p) => p.role), childViewsAbsent: Boolean(input.childViewsAbsent) },
          { reviewedOn: input.reviewedOn, nextReviewOn: input.nextReviewOn, participants: input.participants.length },
        );
      });
      const name = await env.db().selectFrom('users').select('display_name').where('id', '=', env.session.userId).executeTakeFirst();
      return {
        id,
        reviewedOn: input.reviewedOn,
        participants: input.participants,
        notes: input.notes,
        childViews: input.childViews,
        childViewsAbsent: input.childViewsAbsent,
        nextReviewOn: input.nextReviewOn,
        recordedByName: name?.display_name ?? null,
      };
    },
  });
}
