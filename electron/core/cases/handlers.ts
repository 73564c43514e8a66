// Node-only. The case file: registration with a duplicate check, list, header and details,
// assignment, the timeline and "my work"; stage moves and halting are in stage-handlers.ts.
import crypto from 'node:crypto';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { can } from '../../../shared/permissions';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { assertConsent } from '../consents/check';
import { myWork } from './my-work';
import { createSpontaneousTasks } from '../tasks/create';
import { assertPaperSince } from './paper-handlers';
import { assertPhotoConsent, recordPhotoConsent } from './photo-consent';
import { assertChildDates } from './dates';
import { findDuplicates } from './duplicates';
import { planFollowUp } from '../followup/plan';
import { photoBytes, servablePhoto } from './photo';
import { listCases, scoped } from './list';
import { childColumns, riskColumns, riskShown, searchText, toCaseRow } from './rows';
import { riskChangeProblem } from '../../../shared/cases/risk';
import { bumpVersion, loadCase, recordCaseChange, recordCaseView } from './scope';
import { createCaseFiles } from './case-file';
import { createCaseStageHandlers } from './stage-handlers';

const priorityOrder = { normal: 0, high: 1, urgent: 2 } as const;

export function createCasesHandlers(deps: CoreDeps) {
  const { staffMember, displayName, caseFile, reload } = createCaseFiles(deps);

  return defineHandlers({
    'cases.checkDuplicates': async (input, env) => {
      const matches = await findDuplicates(env.db(), input, env.session, env.now());
      await env.audit(env.db(), {
        action: 'case.duplicateCheck',
        entityType: 'case',
        details: { matches: matches.length, caseIds: matches.map((m) => m.caseId) },
      });
      return matches;
    },

    'cases.register': async (input, env) => {
      const { session } = env;
      const today = todayIso(env.now());
      assertChildDates(input.child, today, { reunifiedOn: input.spontaneous?.reunifiedOn });
      const workerId = input.workerId ?? session.userId;
      if (workerId !== session.userId && !can(session.role, 'case.assign')) {
        throw new AppError('FORBIDDEN', 'only a supervisor assigns cases to others');
      }
      if (workerId !== session.userId) await staffMember(env, workerId);
      if (input.familyWorkerId) await staffMember(env, input.familyWorkerId);
      // The photo's bytes are checked before anything else is asked of it (its consent included).
      const photoData = input.photo ? photoBytes(input.photo) : null;
      if (input.photo) assertPhotoConsent(input.photoConsent, input.child, today);
      if (input.fromPaper) assertPaperSince(input.fromPaper.since, today, input.child.dateOfBirth, 'fromPaper.since');
      const settings = await deps.settings();
      const id = crypto.randomUUID();
      const now = env.now().toISOString();
      const spontaneous = input.spontaneous ?? null;
      // A child who went home alone is not low priority: follow-up starts now, flagged.
      const priority =
        spontaneous && priorityOrder[input.priority] < priorityOrder.high ? 'high' : input.priority;
      const row = await env.tx(async (trx) => {
        const last = await trx.selectFrom('cases').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
        const seq = Number(last?.seq ?? 0) + 1;
        const number = `${settings.office.code}-${today.slice(0, 4)}-${String(seq).padStart(5, '0')}`;
        const values = {
          id,
          number,
          seq,
          office_code: settings.office.code,
          ...childColumns(input.child, today),
          search_text: searchText(number, input.child),
          stage: spontaneous ? ('follow_up' as const) : ('tracing_assessment' as const),
          status: 'open' as const,
          halt_alternative: null,
          halt_reason: null,
          halt_child_views: null,
          halt_child_views_absent: null,
          halted_at: null,
          halt_review_due: null,
          spontaneous_kind: spontaneous?.kind ?? null,
          spontaneous_kind_other: spontaneous?.kindOther ?? '',
          paper_since: input.fromPaper?.since ?? null,
          paper_marked_by: input.fromPaper ? session.userId : null,
          paper_marked_at: input.fromPaper ? now : null,
          ...riskColumns(input.riskLevel),
          halted_by: null,
          halt_confirmed_by: null,
          halt_confirmed_at: null,
          priority,
          spontaneous: spontaneous ? 1 : 0,
          worker_id: workerId,
          family_worker_id: input.familyWorkerId ?? null,
          review_due: null,
          registered_at: now,
          registered_by: session.userId,
          updated_at: now,
          version: 1,
        };
        await trx.insertInto('cases').values(values).execute();
        if (input.photo) {
          await trx
            .insertInto('case_photos')
            .values({ case_id: id, mime: input.photo.mime, data: photoData ?? photoBytes(input.photo), updated_at: now })
            .execute();
          if (input.photoConsent) await recordPhotoConsent(trx, id, input.photoConsent, today, env.session.userId, now);
        }
        await recordCaseChange(
          env,
          trx,
          id,
          'case.register',
          { spontaneous: Boolean(spontaneous), notDuplicateOf: input.notDuplicateOf, riskLevel: input.riskLevel, paperSince: input.fromPaper?.since ?? null },
          { number, ...(input.fromPaper ? { paperSince: input.fromPaper.since, note: input.fromPaper.note } : {}) },
        );
        if (spontaneous) {
          // What a spontaneous return makes due at once (G:L277-278): counted from today, the day
          // the office learns of the return.
          const tasks = await createSpontaneousTasks(trx, id, today, now);
          await recordCaseChange(env, trx, id, 'case.spontaneousReunification', { kind: spontaneous.kind, tasks: tasks.length }, {
            kind: spontaneous.kind,
            kindOther: spontaneous.kindOther,
            reunifiedOn: spontaneous.reunifiedOn,
            caregiverNames: spontaneous.caregiverNames,
            notes: spontaneous.notes,
          });
          // The first home visit within N days (G:L277-278), then the protocol from the return's day.
          await planFollowUp(env, trx, values, { start: spontaneous.reunifiedOn, spontaneous: true });
        }
        return values;
      });
      return toCaseRow({ ...row, worker_name: await displayName(env, workerId) }, env.now());
    },

    'cases.list': async (input, env) => {
      const { rows, total, nextCursor } = await listCases(env.db(), input, env.session, env.now());
      // One audit entry per list view (its first page), not one per page scrolled into view.
      if (!input.cursor) {
        await env.audit(env.db(), {
          action: 'case.list',
          entityType: 'case',
          details: {
            count: rows.length,
            total,
            offset: input.offset,
            filtered: Boolean(input.search || input.stages || input.status || input.workerId || input.riskLevels || input.area || input.overdue || input.priority || input.indicator),
            ...(input.indicator ? { indicator: { id: input.indicator.id, part: input.indicator.part, period: input.indicator.period } } : {}),
          },
        });
      }
      return { rows: rows.map((r) => toCaseRow(r, env.now())), total, nextCursor };
    },

    'cases.get': async ({ caseId }, env) => {
      const row = await loadCase(env, caseId, 'read');
      await recordCaseView(env, caseId, 'file');
      return caseFile(env, row);
    },

    'cases.getPhoto': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const photo = servablePhoto(await env.db().selectFrom('case_photos').select(['mime', 'data']).where('case_id', '=', caseId).executeTakeFirst());
      await recordCaseView(env, caseId, 'photo');
      return photo ? { mime: photo.mime as 'image/jpeg', dataBase64: photo.data.toString('base64') } : null;
    },

    'cases.update': async ({ caseId, version, child, riskLevel, riskReason, priority }, env) => {
      const before = await loadCase(env, caseId, 'write');
      const today = todayIso(env.now());
      assertChildDates(child, today);
      // A stale form is a conflict first: its risk level was read from an older case.
      if (before.version !== version) throw new AppError('CONFLICT', 'someone else changed this case; reload it', { params: { reason: 'version' } });
      const riskBefore = riskShown(before);
      const assessed = await env.db().selectFrom('risk_assessments').select('id').where('case_id', '=', caseId).limit(1).executeTakeFirst();
      const riskProblem = riskChangeProblem(riskBefore, riskLevel, riskReason, assessed !== undefined);
      if (riskProblem) {
        throw new AppError('VALIDATION', 'the risk level cannot change like this', {
          issues: [{ path: [riskProblem === 'riskReasonRequired' ? 'riskReason' : 'riskLevel'], code: riskProblem, message: riskProblem }],
        });
      }
      const columns = childColumns(child, today);
      const changed = Object.entries(columns)
        .filter(([key, value]) => (before as Record<string, unknown>)[key] !== value)
        .map(([key]) => key);
      if (riskBefore !== riskLevel) changed.push('risk_level');
      if (before.priority !== priority) changed.push('priority');
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, version);
        await trx
          .updateTable('cases')
          .set({
            ...columns,
            search_text: searchText(before.number, child),
            ...riskColumns(riskLevel),
            priority,
          })
          .where('id', '=', caseId)
          .execute();
        // A hand-set level is an override: the timeline says from what, to what and why.
        const risk = riskBefore !== riskLevel ? { riskFrom: riskBefore, riskTo: riskLevel, riskReason } : {};
        await recordCaseChange(env, trx, caseId, 'case.update', { fields: changed, ...(riskBefore !== riskLevel ? { riskFrom: riskBefore, riskTo: riskLevel } : {}) }, { fields: changed, ...risk });
      });
      return reload(env, caseId);
    },

    'cases.setPhoto': async ({ caseId, photo }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const today = todayIso(env.now());
      const data = photo ? photoBytes(photo) : null;
      if (photo) await assertConsent(env.db(), kase, ['photo'], today, today);
      await env.tx(async (trx) => {
        await trx.deleteFrom('case_photos').where('case_id', '=', caseId).execute();
        if (photo && data) {
          await trx
            .insertInto('case_photos')
            .values({ case_id: caseId, mime: photo.mime, data, updated_at: env.now().toISOString() })
            .execute();
        }
        await recordCaseChange(env, trx, caseId, photo ? 'case.photoSet' : 'case.photoRemoved');
      });
      return { hasPhoto: photo !== null };
    },

    'cases.assign': async ({ caseId, workerId, familyWorkerId }, env) => {
      const before = await loadCase(env, caseId, 'write');
      await staffMember(env, workerId);
      if (familyWorkerId) await staffMember(env, familyWorkerId);
      // Names are read before the transaction: the one connection is the transaction's until it ends.
      const names = { workerName: await displayName(env, workerId), familyWorkerName: await displayName(env, familyWorkerId) };
      await env.tx(async (trx) => {
        await bumpVersion(trx, caseId, before.version);
        await trx.updateTable('cases').set({ worker_id: workerId, family_worker_id: familyWorkerId }).where('id', '=', caseId).execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'case.assign',
          { from: before.worker_id, to: workerId, familyFrom: before.family_worker_id, familyTo: familyWorkerId },
          names,
        );
      });
      return reload(env, caseId);
    },

    ...createCaseStageHandlers(deps),

    'cases.timeline': async ({ caseId, beforeId, limit }, env) => {
      await loadCase(env, caseId, 'read');
      let query = env
        .db()
        .selectFrom('case_events')
        .leftJoin('users', 'users.id', 'case_events.user_id')
        .select(['case_events.id', 'case_events.at', 'case_events.type', 'case_events.details', 'users.display_name'])
        .where('case_events.case_id', '=', caseId);
      if (beforeId) query = query.where('case_events.id', '<', beforeId);
      const rows = await query.orderBy('case_events.id', 'desc').limit(limit + 1).execute();
      const page = rows.slice(0, limit);
      await recordCaseView(env, caseId, 'timeline');
      return {
        events: page.map((r) => ({
          id: r.id,
          at: r.at,
          type: r.type,
          userName: r.display_name,
          details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
        })),
        nextBeforeId: rows.length > limit ? page[page.length - 1].id : null,
      };
    },

    'cases.staff': async (_input, env) => {
      const rows = await env
        .db()
        .selectFrom('users')
        .select(['id', 'display_name', 'role'])
        .where('active', '=', 1)
        .where('removed_at', 'is', null)
        .where('role', 'in', ['caseworker', 'supervisor'])
        .orderBy('display_name')
        .execute();
      return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as 'caseworker' | 'supervisor' }));
    },

    'cases.areas': async (_input, env) => {
      const rows = await scoped(env.db().selectFrom('cases'), env.session)
        .select('cases.area')
        .distinct()
        .where('cases.area', '!=', '')
        .orderBy('cases.area')
        .limit(500)
        .execute();
      return rows.map((r) => r.area);
    },

    'cases.myWork': async (_input, env) => myWork(env, deps),
  });
}
