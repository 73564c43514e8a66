// Node-only. The follow-up channels. Every case channel loads the case through the scope check
// (audited refusal), every write is one transaction with its audit entry and timeline event.
import crypto from 'node:crypto';
import { addMonths } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { addDays, outcomeResult } from '../../../shared/followup/contract';
import { can } from '../../../shared/permissions';
import { nameOf, staffNames } from '../assessments/people';
import { assertEventDate } from '../cases/dates';
import { bumpVersion, loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { readPractice } from '../practice/settings';
import { cancelOpenContacts } from './plan';
import { readProtocol } from './protocol';
import { applyOfficeReplan, planOfficeReplan, sameCounts } from './replan';
import { dueContacts, ownerFor, riskReassessmentsDue, urgentWarningCases } from './queries';
import { followupSummary, toContact, toSign } from './summary';
import { recordVisit } from './visits';
import { wellbeingChart } from './wellbeing';

/** Days after a breakdown within which the best-interests determination is reviewed (B1.10). */
export const BID_REVIEW_DAYS = 30;

export function createFollowupHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'followup.getProtocol': async (_input, env) => readProtocol(env.db()),

    'followup.previewProtocolChange': async ({ definition }, env) => {
      const db = env.db();
      const today = env.now().toISOString().slice(0, 10);
      return (await planOfficeReplan(db, definition, today, (await readPractice(db)).spontaneousVisitDays)).counts;
    },

    'followup.saveProtocol': async ({ definition, basedOnVersion, replan }, env) => {
      const at = env.now().toISOString();
      await env.tx(async (trx) => {
        const current = await readProtocol(trx);
        if (current.version !== basedOnVersion) {
          throw new AppError('CONFLICT', 'someone else saved the protocol; reload it', { params: { reason: 'version' } });
        }
        // The cases in follow-up are re-planned in the same transaction, exactly as the supervisor
        // was shown: a visit recorded (or a case moved) since the preview changes the figures.
        const plan = await planOfficeReplan(trx, definition, at.slice(0, 10), (await readPractice(trx)).spontaneousVisitDays);
        if (!sameCounts(plan.counts, replan)) {
          throw new AppError('CONFLICT', 'the cases in follow-up changed since the preview; look again', { params: { reason: 'replanChanged', ...plan.counts } });
        }
        const values = { id: 1, definition: JSON.stringify(definition), version: current.version + 1, updated_at: at, updated_by: env.session.userId };
        await trx.insertInto('followup_protocol').values(values).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
        await applyOfficeReplan(env, trx, plan, values.version);
        await env.audit(trx, {
          action: 'followup.protocolSaved',
          entityType: 'office',
          details: {
            version: values.version,
            steps: definition.steps.length,
            highRiskSteps: definition.highRiskSteps.length,
            maxFaceToFaceGapDays: definition.maxFaceToFaceGapDays,
            replannedCases: plan.counts.cases,
            cancelledContacts: plan.counts.cancelled,
            addedContacts: plan.counts.added,
          },
          at,
        });
      });
      return readProtocol(env.db());
    },

    'followup.get': async ({ caseId }, env) => {
      const kase = await loadCase(env, caseId, 'read');
      const summary = await followupSummary(env, kase);
      await recordCaseView(env, caseId, 'followup');
      return summary;
    },

    'followup.getVisit': async ({ caseId, visitId }, env) => {
      await loadCase(env, caseId, 'read');
      const row = await env.db().selectFrom('followup_visits').selectAll().where('id', '=', visitId).where('case_id', '=', caseId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'no such visit');
      const signs = await env.db().selectFrom('followup_signs').selectAll().where('visit_id', '=', visitId).execute();
      const names = await staffNames(env.db(), [row.created_by]);
      await recordCaseView(env, caseId, 'followupVisit');
      return {
        ...(JSON.parse(row.data) as object),
        id: row.id,
        caseId,
        plannedContactId: row.contact_id,
        recordedBy: nameOf(names, row.created_by),
        recordedAt: row.created_at,
        signs: signs.map(toSign),
      } as never;
    },

    'followup.recordVisit': async ({ caseId, visit }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      if (kase.stage !== 'follow_up') throw new AppError('CONFLICT', 'the case is not in follow-up', { params: { reason: 'notInFollowUp' } });
      return recordVisit(env, kase, visit);
    },

    'followup.adjustSchedule': async ({ caseId, action, contactId, dueOn, type, performer, reason }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const today = env.now().toISOString().slice(0, 10);
      if (action !== 'cancel' && !dueOn) {
        throw new AppError('VALIDATION', 'a date is needed', { issues: [{ path: ['dueOn'], code: 'required', message: 'required' }] });
      }
      if (action !== 'add' && !contactId) {
        throw new AppError('VALIDATION', 'which contact?', { issues: [{ path: ['contactId'], code: 'required', message: 'required' }] });
      }
      if (dueOn && dueOn < kase.registered_at.slice(0, 10)) {
        throw new AppError('INVALID_DATE', 'the date is before the case began', { issues: [{ path: ['dueOn'], code: 'beforeCase', message: 'beforeCase' }], params: { field: 'dueOn' } });
      }
      const at = env.now().toISOString();
      await env.tx(async (trx) => {
        let id = contactId;
        if (action === 'add') {
          id = crypto.randomUUID();
          await trx
            .insertInto('followup_contacts')
            .values({ id, case_id: caseId, due_on: dueOn!, type, performer, source: 'adjusted', status: 'planned', visit_id: null, reason, created_at: at, created_by: env.session.userId, updated_at: at })
            .execute();
        } else {
          const c = await trx.selectFrom('followup_contacts').select(['status']).where('id', '=', contactId!).where('case_id', '=', caseId).executeTakeFirst();
          if (!c) throw new AppError('NOT_FOUND', 'no such contact');
          if (c.status !== 'planned') throw new AppError('CONFLICT', 'that contact is no longer planned', { params: { reason: 'contactClosed' } });
          await trx
            .updateTable('followup_contacts')
            .set(action === 'move' ? { due_on: dueOn!, reason, updated_at: at } : { status: 'cancelled', reason, updated_at: at })
            .where('id', '=', contactId!)
            .execute();
        }
        await recordCaseChange(env, trx, caseId, 'followup.scheduleAdjusted', { action, contactId: id, type: action === 'add' ? type : undefined }, { action, dueOn, type, reason });
      });
      const rows = await env.db().selectFrom('followup_contacts').selectAll().where('case_id', '=', caseId).orderBy('due_on').execute();
      return rows.map((r) => toContact(r, today));
    },

    'followup.resolveSign': async ({ caseId, signId, resolution }, env) => {
      await loadCase(env, caseId, 'write');
      const at = env.now().toISOString();
      await env.tx(async (trx) => {
        const sign = await trx.selectFrom('followup_signs').select(['sign', 'resolved_at']).where('id', '=', signId).where('case_id', '=', caseId).executeTakeFirst();
        if (!sign) throw new AppError('NOT_FOUND', 'no such warning sign');
        if (sign.resolved_at) throw new AppError('CONFLICT', 'already resolved', { params: { reason: 'resolved' } });
        await trx.updateTable('followup_signs').set({ resolved_at: at, resolved_by: env.session.userId, resolution }).where('id', '=', signId).execute();
        await recordCaseChange(env, trx, caseId, 'followup.signResolved', { signId, sign: sign.sign }, { sign: sign.sign, resolution });
      });
      return toSign(await env.db().selectFrom('followup_signs').selectAll().where('id', '=', signId).executeTakeFirstOrThrow());
    },

    'followup.recordBreakdown': async ({ caseId, version, breakdown }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      if (kase.stage !== 'follow_up' && kase.stage !== 'reunification') {
        throw new AppError('CONFLICT', 'only a reunified child can be re-separated', { params: { reason: 'notReunified' } });
      }
      const today = env.now().toISOString().slice(0, 10);
      assertEventDate(breakdown.date, today, kase.registered_at.slice(0, 10), 'breakdown.date');
      const id = crypto.randomUUID();
      const bidReviewDue = addDays(breakdown.date, BID_REVIEW_DAYS);
      const at = env.now().toISOString();
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, version);
        // Back to alternative care (G:L274): stage 2, with the place the child is now.
        await trx
          .updateTable('cases')
          .set({ stage: 'preparation', care_arrangement: breakdown.whereNow, care_place: breakdown.wherePlace })
          .where('id', '=', caseId)
          .execute();
        const cancelled = await cancelOpenContacts(env, trx, caseId, 'breakdown');
        await trx
          .insertInto('followup_breakdowns')
          .values({
            id,
            case_id: caseId,
            date: breakdown.date,
            what_happened: breakdown.whatHappened,
            where_now: breakdown.whereNow,
            where_place: breakdown.wherePlace,
            decided_by: breakdown.decidedBy,
            from_stage: kase.stage,
            bid_review_due: bidReviewDue,
            created_at: at,
            created_by: env.session.userId,
          })
          .execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'followup.breakdown',
          { breakdownId: id, from: kase.stage, to: 'preparation', whereNow: breakdown.whereNow, cancelledContacts: cancelled },
          { date: breakdown.date, whereNow: breakdown.whereNow, from: kase.stage, to: 'preparation', bidReviewDue },
        );
      });
      return { breakdownId: id, bidReviewDue, next: { tab: 'plan' as const, section: 'contingency' as const } };
    },

    'followup.recordOutcome': async ({ caseId, outcome }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const today = env.now().toISOString().slice(0, 10);
      assertEventDate(outcome.recordedOn, today, kase.registered_at.slice(0, 10), 'outcome.recordedOn');
      const db = env.db();
      const wellbeing = await db
        .selectFrom('assessments')
        .select(['date', 'scores'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'wellbeing')
        .where('status', '=', 'completed')
        .where('date', '<=', outcome.recordedOn)
        .orderBy('date')
        .execute();
      const overall = (s: string) => (JSON.parse(s) as { overall: number | null }).overall;
      const baselineOverall = wellbeing.length > 0 ? overall(wellbeing[0].scores) : null;
      const latestOverall = wellbeing.length > 1 ? overall(wellbeing[wellbeing.length - 1].scores) : null;
      const id = crypto.randomUUID();
      const at = env.now().toISOString();
      const result = outcomeResult(outcome);
      const row = {
        id,
        case_id: caseId,
        milestone: outcome.milestone,
        recorded_on: outcome.recordedOn,
        living: outcome.living,
        school: outcome.school,
        welcomed: outcome.welcomed,
        belonging: outcome.belonging,
        child_words: outcome.childWords,
        note: outcome.note,
        result,
        baseline_overall: baselineOverall,
        latest_overall: latestOverall,
        created_at: at,
        created_by: env.session.userId,
      };
      await env.tx(async (trx) => {
        await trx.insertInto('followup_outcomes').values(row).execute();
        await recordCaseChange(env, trx, caseId, 'followup.outcome', { outcomeId: id, milestone: outcome.milestone, result }, {
          milestone: outcome.milestone,
          recordedOn: outcome.recordedOn,
          living: outcome.living,
          result,
        });
      });
      return {
        ...outcome,
        id,
        result,
        baselineOverall,
        latestOverall,
        recordedBy: env.session.displayName,
        recordedAt: at,
      };
    },

    'followup.wellbeing': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const chart = await wellbeingChart(env.db(), caseId);
      await recordCaseView(env, caseId, 'wellbeingChart');
      return chart;
    },

    'followup.calendar': async ({ from, to, workerId }, env) => {
      if (workerId && workerId !== env.session.userId && !can(env.session.role, 'case.readAll')) {
        await env.audit(env.db(), { action: 'case.accessDenied', entityType: 'user', entityId: workerId, details: { view: 'followupCalendar' } });
        throw new AppError('OUT_OF_SCOPE', 'only a supervisor sees another worker’s calendar');
      }
      if (to < from || to > addMonths(from, 2)) {
        throw new AppError('VALIDATION', 'a calendar shows up to two months', { issues: [{ path: ['to'], code: 'range', message: 'range' }] });
      }
      const owner = ownerFor(env.session, workerId);
      const today = env.now().toISOString().slice(0, 10);
      const entries = await dueContacts(env.db(), owner, { from, to }, today);
      const overdue = await dueContacts(env.db(), owner, { to: addDays(today, -1) }, today, 200);
      await env.audit(env.db(), { action: 'case.list', entityType: 'case', details: { view: 'followupCalendar', workerId: owner?.workerId ?? null, count: entries.length } });
      return { entries, overdue };
    },

    'followup.myWork': async (_input, env) => {
      const db = env.db();
      const today = env.now().toISOString().slice(0, 10);
      const mine = ownerFor(env.session, null);
      // The urgent queue: a supervisor sees the whole office's, a worker their own cases'.
      const urgent = await urgentWarningCases(db, ownerFor(env.session, null, true));
      const overdue = await dueContacts(db, mine, { to: addDays(today, -1) }, today, 100);
      const week = await dueContacts(db, mine, { from: today, to: addDays(today, 6) }, today, 200);
      const riskReassessments = await riskReassessmentsDue(db, mine);
      await env.audit(db, { action: 'case.list', entityType: 'case', details: { view: 'followupMyWork', urgent: urgent.length } });
      return {
        urgent,
        overdue,
        today: week.filter((c) => c.dueOn === today),
        thisWeek: week.filter((c) => c.dueOn > today),
        riskReassessments,
      };
    },
  });
}
