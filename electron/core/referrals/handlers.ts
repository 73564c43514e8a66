// Node-only. The referrals feature's handlers. Every channel reaches a case through loadCase (scope
// checked, refusals audited); every change is one transaction with its audit entry and timeline
// event. The audit entry of a send names exactly the fields shared (B4.6) — names, not values.
import crypto from 'node:crypto';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { ageOf } from '../cases/rows';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { searchServices } from '../services/directory';
import { AreaTree, areaRows } from '../services/areas';
import { dueReferrals, referralRegister } from './register';
import { oneReferral, referralRow, referralsOfCase } from './rows';
import { slipRows } from './slip';
import { applyMove, checkMove, consentState, sendReferral } from './steps';
import { assertCategoryOpen } from '../services/categories';
import { referralSlip } from './print';

export function createReferralsHandlers(deps: CoreDeps) {
  return defineHandlers({
    'referrals.list': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const list = await referralsOfCase(env.db(), caseId, todayIso(env.now()));
      await recordCaseView(env, caseId, 'referrals');
      return list;
    },

    'referrals.suggest': async ({ caseId, category, excludeProviderId }, env) => {
      const kase = await loadCase(env, caseId, 'read');
      const today = todayIso(env.now());
      const tree = new AreaTree(await areaRows(env.db()));
      const areaId = tree.find(kase.area);
      const sex = kase.sex === 'female' || kase.sex === 'male' ? kase.sex : null;
      const { services } = await searchServices(
        env.db(),
        { category, areaId, language: '', age: ageOf(kase, today), text: '', includeInactive: false, limit: 50 },
        today,
        { sex, hasDisability: kase.has_disability === 1 },
      );
      return services.filter((s) => s.providerId !== excludeProviderId);
    },

    'referrals.saveDraft': async ({ caseId, referral }, env) => {
      const kase = await loadCase(env, caseId, 'write');
      const provider = await env.db().selectFrom('service_providers').select(['id', 'active']).where('id', '=', referral.providerId).executeTakeFirst();
      if (!provider) throw new AppError('VALIDATION', 'unknown provider', { issues: [{ path: ['referral', 'providerId'], code: 'custom', message: 'unknownProvider' }] });
      if (referral.serviceId) {
        const service = await env.db().selectFrom('services').select('id').where('id', '=', referral.serviceId).where('provider_id', '=', referral.providerId).executeTakeFirst();
        if (!service) throw new AppError('VALIDATION', 'unknown service', { issues: [{ path: ['referral', 'serviceId'], code: 'custom', message: 'unknownService' }] });
      }
      await assertCategoryOpen(env.db(), referral.category, ['referral', 'category']);
      if (referral.objectiveKey) {
        const objective = await env.db().selectFrom('plan_objectives').select('id').where('case_id', '=', caseId).where('objective_key', '=', referral.objectiveKey).executeTakeFirst();
        if (!objective) throw new AppError('VALIDATION', 'not an objective of this case', { issues: [{ path: ['referral', 'objectiveKey'], code: 'custom', message: 'notInCase' }] });
      }
      // Words and reasons are kept only for the sensitive fields actually chosen.
      const chosen = new Set(referral.fields);
      const keep = (m: Record<string, string | undefined>) => Object.fromEntries(Object.entries(m).filter(([k, v]) => chosen.has(k as never) && v));
      const values = {
        provider_id: referral.providerId,
        service_id: referral.serviceId,
        category: referral.category,
        area_key: kase.area.trim().toLowerCase(),
        objective_key: referral.objectiveKey,
        finding: referral.finding,
        need: referral.need,
        urgency: referral.urgency,
        shared_fields: JSON.stringify(referral.fields),
        field_texts: JSON.stringify(keep(referral.texts)),
        field_reasons: JSON.stringify(keep(referral.reasons)),
        updated_at: env.now().toISOString(),
      };
      const id = referral.id ?? crypto.randomUUID();
      await env.tx(async (trx) => {
        if (referral.id) {
          const before = await referralRow(trx, caseId, referral.id);
          if (before.status !== 'draft') throw new AppError('REFERRAL_INVALID_MOVE', 'only a draft can be edited', { params: { from: before.status, to: 'draft' } });
          await trx.updateTable('referrals').set({ ...values, version: before.version + 1 }).where('id', '=', id).execute();
        } else {
          await trx
            .insertInto('referrals')
            .values({ ...values, id, case_id: caseId, status: 'draft', provider_feedback: '', child_view: '', family_view: '', created_at: values.updated_at, created_by: env.session.userId, version: 1 })
            .execute();
          await trx.insertInto('referral_events').values({ referral_id: id, at: values.updated_at, user_id: env.session.userId, from_status: null, to_status: 'draft', date: todayIso(env.now()), note: '' }).execute();
        }
        await recordCaseChange(env, trx, caseId, referral.id ? 'referral.draftChange' : 'referral.draft', { referralId: id, providerId: referral.providerId, category: referral.category, fields: referral.fields }, { category: referral.category, urgency: referral.urgency });
      });
      return oneReferral(env.db(), caseId, id, todayIso(env.now()));
    },

    'referrals.preview': async ({ caseId, referralId }, env) => {
      const kase = await loadCase(env, caseId, 'read');
      const row = await referralRow(env.db(), caseId, referralId);
      const today = todayIso(env.now());
      const rows = await slipRows(env.db(), kase, row, today);
      const consent = await consentState(env, kase, today);
      await recordCaseView(env, caseId, 'referralPreview');
      return { rows, consent: { ok: consent.ok, reason: consent.reason } };
    },

    'referrals.send': async ({ caseId, referralId, date, emergencyReason }, env) => {
      const { today } = await sendReferral(env, caseId, referralId, date, emergencyReason);
      return oneReferral(env.db(), caseId, referralId, today);
    },

    'referrals.move': async ({ caseId, referralId, to, date, reason, outcome, version }, env) => {
      await loadCase(env, caseId, 'write');
      const row = await referralRow(env.db(), caseId, referralId);
      if (row.version !== version) throw new AppError('CONFLICT', 'someone else changed this referral', { params: { reason: 'version' } });
      const today = todayIso(env.now());
      checkMove(row, { to, date, reason, outcome }, today);
      await env.tx((trx) => applyMove(env, trx, row, { to, date, reason, outcome }));
      return oneReferral(env.db(), caseId, referralId, today);
    },

    'referrals.feedback': async ({ caseId, referralId, providerFeedback, childView, familyView, objectiveStatus, date }, env) => {
      await loadCase(env, caseId, 'write');
      const row = await referralRow(env.db(), caseId, referralId);
      if (row.status === 'draft') throw new AppError('REFERRAL_INVALID_MOVE', 'a draft has no feedback', { params: { from: row.status, to: 'feedback' } });
      const now = env.now().toISOString();
      const today = todayIso(env.now());
      if (date > today) throw new AppError('INVALID_DATE', 'not in the future', { issues: [{ path: ['date'], code: 'inFuture', message: 'inFuture' }] });
      await env.tx(async (trx) => {
        await trx.updateTable('referrals').set({ provider_feedback: providerFeedback, child_view: childView, family_view: familyView, updated_at: now, version: row.version + 1 }).where('id', '=', referralId).execute();
        let objectiveUpdated = false;
        if (row.objective_key) {
          // The feedback goes onto the linked objective of the current plan as a progress note (B4.9).
          const objective = await trx
            .selectFrom('plan_objectives')
            .innerJoin('plan_versions', 'plan_versions.id', 'plan_objectives.plan_version_id')
            .select(['plan_objectives.id', 'plan_objectives.status', 'plan_objectives.plan_version_id'])
            .where('plan_objectives.case_id', '=', caseId)
            .where('plan_objectives.objective_key', '=', row.objective_key)
            .where('plan_versions.status', '=', 'current')
            .executeTakeFirst();
          if (objective) {
            const status = objectiveStatus ?? objective.status;
            if (status !== objective.status) {
              await trx.updateTable('plan_objectives').set({ status, updated_at: now }).where('case_id', '=', caseId).where('objective_key', '=', row.objective_key).where('status', '=', objective.status).execute();
            }
            const note = [providerFeedback, childView, familyView].filter(Boolean).join('\n');
            await trx
              .insertInto('plan_progress_notes')
              .values({ id: crypto.randomUUID(), case_id: caseId, objective_key: row.objective_key, plan_version_id: objective.plan_version_id, review_id: null, date, note, status, recorded_at: now, recorded_by: env.session.userId })
              .execute();
            objectiveUpdated = true;
          }
        }
        await recordCaseChange(env, trx, caseId, 'referral.feedback', { referralId, objectiveUpdated, objectiveStatus }, { category: row.category, date });
      });
      return oneReferral(env.db(), caseId, referralId, today);
    },

    'referrals.register': async (input, env) => referralRegister(env, input),

    'referrals.due': async (_input, env) => dueReferrals(env),

    'referrals.acknowledgeEmergency': async ({ caseId, referralId }, env) => {
      await loadCase(env, caseId, 'read');
      const row = await referralRow(env.db(), caseId, referralId);
      if (row.consent_basis !== 'emergency' || row.emergency_seen_at) throw new AppError('CONFLICT', 'nothing to acknowledge', { params: { reason: 'notEmergency' } });
      await env.tx(async (trx) => {
        await trx.updateTable('referrals').set({ emergency_seen_at: env.now().toISOString(), emergency_seen_by: env.session.userId }).where('id', '=', referralId).execute();
        await recordCaseChange(env, trx, caseId, 'referral.emergencySeen', { referralId }, null);
      });
      return oneReferral(env.db(), caseId, referralId, todayIso(env.now()));
    },

    'referrals.slip': async ({ caseId, referralId }, env) => referralSlip(deps, env, caseId, referralId),
  });
}
