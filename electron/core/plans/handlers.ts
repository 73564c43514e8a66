// Node-only. The plans feature's handlers: the case plan in versions. Editing an acknowledged plan
// starts a draft version; the family's acknowledgement makes the draft current and supersedes the
// previous one, which is kept. Progress on objectives is recorded without a new version. Each
// acknowledgement and review sets the next review date, written to the case in the same transaction
// (it drives "overdue" in the case list and "my work"). Progress, reviews and approval are in
// progress-handlers.ts.
import crypto from 'node:crypto';
import { todayIso } from '../../../shared/cases/fields';
import { AppError, type ValidationIssue } from '../../../shared/contract/errors';
import { planReviewDue, type PlanContent } from '../../../shared/plans/schemas';
import { planInForceGates } from '../../../shared/cases/stages';
import { assertEventDate } from '../cases/dates';
import { factOptions, loadFacts } from '../cases/facts';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { matchesMime } from '../../../shared/cases/files';
import { lastReviewOn, numberedVersion, readOverview, readVersion, versionRow } from './read';
import { conflict, invalid, invalidDate, registeredOn, writeReviewDue } from './common';
import { createPlanProgressHandlers } from './progress-handlers';

/** Dates a plan cannot hold: a target or a guardianship return before the case began. */
function assertPlanDates(plan: PlanContent, earliest: string): void {
  plan.objectives.forEach((o, i) => {
    if (o.targetDate < earliest) throw invalidDate(['plan', 'objectives', i, 'targetDate'], 'beforeCase', 'the target date is before the case began');
  });
  if (plan.guardianship.returnsOn && plan.guardianship.returnsOn < earliest) {
    throw invalidDate(['plan', 'guardianship', 'returnsOn'], 'beforeCase', 'the date is before the case began');
  }
}

/** What a family cannot be asked to acknowledge: a plan without objectives, contingency or guardianship. */
function acknowledgeableIssues(plan: { objectives: number; contingencyPlan: string; guardianCurrent: string }): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const need = (path: string[]) => issues.push({ path, code: 'requiredForAcknowledgement', message: 'requiredForAcknowledgement' });
  if (plan.objectives === 0) need(['plan', 'objectives']);
  if (!plan.contingencyPlan) need(['plan', 'contingencyPlan']);
  if (!plan.guardianCurrent) need(['plan', 'guardianship', 'currentHolder']);
  return issues;
}

export function createPlansHandlers(deps: CoreDeps) {
  return defineHandlers({
    'plans.get': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const overview = await readOverview(env.db(), caseId, todayIso(env.now()));
      await recordCaseView(env, caseId, 'plan');
      return overview;
    },

    'plans.getVersion': async ({ caseId, version }, env) => {
      await loadCase(env, caseId, 'read');
      const row = await numberedVersion(env.db(), caseId, version);
      await recordCaseView(env, caseId, 'planVersion');
      return readVersion(env.db(), row);
    },

    'plans.getAcknowledgementImage': async ({ caseId, version }, env) => {
      await loadCase(env, caseId, 'read');
      const row = await env
        .db()
        .selectFrom('plan_versions')
        .innerJoin('plan_acknowledgements', 'plan_acknowledgements.plan_version_id', 'plan_versions.id')
        .innerJoin('plan_acknowledgement_images', 'plan_acknowledgement_images.plan_version_id', 'plan_versions.id')
        .select(['plan_acknowledgements.image_mime', 'plan_acknowledgement_images.data'])
        .where('plan_versions.case_id', '=', caseId)
        .where('plan_versions.version', '=', version)
        .executeTakeFirst();
      await recordCaseView(env, caseId, 'planAcknowledgementImage');
      if (!row || !row.image_mime) return null;
      return { mime: row.image_mime as 'image/png', dataBase64: Buffer.from(row.data).toString('base64') };
    },

    'plans.saveDraft': async ({ caseId, expectedRevision, plan }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      assertPlanDates(plan, registeredOn(caseRow));
      const knownKeys = new Set(
        (
          await env.db().selectFrom('plan_objectives').select('objective_key').distinct().where('case_id', '=', caseId).execute()
        ).map((r) => r.objective_key),
      );
      const seen = new Set<string>();
      const issues: ValidationIssue[] = [];
      plan.objectives.forEach((o, i) => {
        if (!o.key) return;
        if (!knownKeys.has(o.key)) issues.push({ path: ['plan', 'objectives', i, 'key'], code: 'unknownObjective', message: 'unknownObjective' });
        if (seen.has(o.key)) issues.push({ path: ['plan', 'objectives', i, 'key'], code: 'duplicateObjective', message: 'duplicateObjective' });
        seen.add(o.key);
      });
      if (issues.length > 0) throw invalid(issues, 'an objective does not belong to this plan');

      const now = env.now().toISOString();
      const versionId = await env.tx(async (trx) => {
        const draft = await versionRow(trx, caseId, 'draft');
        const content = {
          family_ownership: plan.familyOwnership,
          contingency_plan: plan.contingencyPlan,
          guardian_current: plan.guardianship.currentHolder,
          guardian_returns_to: plan.guardianship.returnsTo,
          guardian_returns_on: plan.guardianship.returnsOn,
          guardian_notes: plan.guardianship.notes,
          child_views: plan.childViews,
          child_views_absent: plan.childViewsAbsent ? JSON.stringify(plan.childViewsAbsent) : null,
          updated_at: now,
        };
        let id: string;
        let version: number;
        let revision: number;
        if (draft) {
          if (expectedRevision !== draft.revision) throw conflict('version', 'the draft plan was changed elsewhere; reload it');
          id = draft.id;
          version = draft.version;
          revision = draft.revision + 1;
          // An approval covers the content the supervisor saw; a changed draft needs approving again.
          await trx
            .updateTable('plan_versions')
            .set({ ...content, revision, approved_at: null, approved_by: null, approval_notes: null })
            .where('id', '=', id)
            .execute();
          await trx.deleteFrom('plan_objectives').where('plan_version_id', '=', id).execute();
        } else {
          if (expectedRevision !== null) throw conflict('version', 'the draft plan was acknowledged or discarded elsewhere; reload it');
          const last = await trx
            .selectFrom('plan_versions')
            .select((eb) => eb.fn.max('version').as('version'))
            .where('case_id', '=', caseId)
            .executeTakeFirst();
          const current = await versionRow(trx, caseId, 'current');
          id = crypto.randomUUID();
          version = Number(last?.version ?? 0) + 1;
          revision = 0;
          await trx
            .insertInto('plan_versions')
            .values({
              id,
              case_id: caseId,
              version,
              status: 'draft',
              revision,
              based_on: current?.version ?? null,
              ...content,
              acknowledged_on: null,
              approved_at: null,
              approved_by: null,
              approval_notes: null,
              created_at: now,
              created_by: env.session.userId,
              superseded_at: null,
            })
            .execute();
        }
        if (plan.objectives.length > 0) {
          await trx
            .insertInto('plan_objectives')
            .values(
              plan.objectives.map((o, position) => ({
                id: crypto.randomUUID(),
                plan_version_id: id,
                case_id: caseId,
                objective_key: o.key ?? crypto.randomUUID(),
                position,
                domain: o.domain,
                objective: o.objective,
                indicator: o.indicator,
                target_date: o.targetDate,
                responsible: o.responsible,
                resources: o.resources,
                partial_support_what: o.partialSupport?.what ?? null,
                partial_support_share: o.partialSupport?.familyShare ?? null,
                status: o.status,
                confidential: o.confidential ? 1 : 0,
                updated_at: now,
              })),
            )
            .execute();
        }
        await recordCaseChange(
          env,
          trx,
          caseId,
          'plan.draftSaved',
          { version, revision, objectives: plan.objectives.length, created: !draft },
          { version, objectives: plan.objectives.length },
        );
        return id;
      });
      const row = await env.db().selectFrom('plan_versions').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
      return readVersion(env.db(), row);
    },

    'plans.discardDraft': async ({ caseId, expectedRevision }, env) => {
      await loadCase(env, caseId, 'write');
      const draft = await versionRow(env.db(), caseId, 'draft');
      if (!draft) throw new AppError('NOT_FOUND', 'there is no draft plan');
      if (draft.revision !== expectedRevision) throw conflict('version', 'the draft plan was changed elsewhere; reload it');
      await env.tx(async (trx) => {
        await trx.deleteFrom('plan_objectives').where('plan_version_id', '=', draft.id).execute();
        await trx.deleteFrom('plan_versions').where('id', '=', draft.id).execute();
        await recordCaseChange(env, trx, caseId, 'plan.draftDiscarded', { version: draft.version }, { version: draft.version });
      });
      return { discarded: true };
    },

    'plans.acknowledge': async ({ caseId, version, acknowledgement: ack }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      const db = env.db();
      const target = await numberedVersion(db, caseId, version);
      if (target.status !== 'draft') throw conflict('alreadyAcknowledged', 'this plan version was already acknowledged');
      const objectives = await db
        .selectFrom('plan_objectives')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('plan_version_id', '=', target.id)
        .executeTakeFirst();
      const missing = acknowledgeableIssues({
        objectives: Number(objectives?.n ?? 0),
        contingencyPlan: target.contingency_plan,
        guardianCurrent: target.guardian_current,
      });
      if (missing.length > 0) throw invalid(missing);
      const facts = await loadFacts(db, caseId, await factOptions(deps, db, env.now()));
      const blocked = planInForceGates.filter((g) => !g.passes(facts));
      if (blocked.length > 0) {
        throw new AppError('GATE_BLOCKED', 'the plan cannot take effect before the BID is approved', {
          params: { gates: blocked.map((g) => g.id).join(','), to: 'planInForce' },
          issues: blocked.map((g) => ({ path: [g.tab], code: g.id, message: g.id })),
        });
      }

      const today = todayIso(env.now());
      assertEventDate(ack.date, today, registeredOn(caseRow), 'acknowledgement.date');
      const previous = await versionRow(db, caseId, 'current');
      if (previous?.acknowledged_on && ack.date < previous.acknowledged_on) {
        throw invalidDate(['acknowledgement', 'date'], 'beforePreviousAcknowledgement', 'the previous plan was acknowledged after this date');
      }

      let image: { mime: string; bytes: Buffer } | null = null;
      if (ack.method === 'signature' || ack.method === 'thumbprint') {
        const file = ack.method === 'signature' ? ack.signature : ack.thumbprint;
        const bytes = Buffer.from(file.dataBase64, 'base64');
        if (!matchesMime(bytes, file.mime)) {
          throw invalid(
            [{ path: ['acknowledgement', ack.method, 'dataBase64'], code: ack.method === 'signature' ? 'notPng' : 'notImage', message: 'notImage' }],
            'the image is not a valid picture',
          );
        }
        image = { mime: file.mime, bytes };
      }

      const now = env.now().toISOString();
      const reviewDue = planReviewDue(await lastReviewOn(db, caseId), ack.date);
      await env.tx(async (trx) => {
        if (previous) {
          await trx.updateTable('plan_versions').set({ status: 'superseded', superseded_at: now }).where('id', '=', previous.id).execute();
        }
        await trx
          .updateTable('plan_versions')
          .set({ status: 'current', acknowledged_on: ack.date, updated_at: now })
          .where('id', '=', target.id)
          .execute();
        await trx
          .insertInto('plan_acknowledgements')
          .values({
            plan_version_id: target.id,
            case_id: caseId,
            date: ack.date,
            method: ack.method,
            family_members: JSON.stringify(ack.familyMembers),
            child_acknowledged: ack.childAcknowledged ? 1 : 0,
            witness_name: ack.method === 'verbal' ? ack.witnessName : '',
            witness_role: ack.method === 'verbal' ? ack.witnessRole : '',
            image_mime: image?.mime ?? null,
            notes: ack.notes,
            recorded_at: now,
            recorded_by: env.session.userId,
          })
          .execute();
        if (image) {
          await trx.insertInto('plan_acknowledgement_images').values({ plan_version_id: target.id, data: image.bytes }).execute();
        }
        await writeReviewDue(trx, caseId, reviewDue);
        await recordCaseChange(
          env,
          trx,
          caseId,
          'plan.acknowledged',
          {
            version,
            method: ack.method,
            familyMembers: ack.familyMembers.length,
            childAcknowledged: ack.childAcknowledged,
            supersedes: previous?.version ?? null,
          },
          {
            version,
            method: ack.method,
            date: ack.date,
            familyMembers: ack.familyMembers.map((m) => m.name),
            childAcknowledged: ack.childAcknowledged,
            reviewDue,
          },
        );
      });
      return { version, reviewDue };
    },

    ...createPlanProgressHandlers(),
  });
}

