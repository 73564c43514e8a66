// Node-only. "Make a plan draft from this conference" (B3.10): the agreement's items become SMART
// objectives (domain, indicator, target date, responsible; support and the family's own part as
// partial support) added to the current plan's, in a new draft. The plans feature itself saves it
// (its validation, dates and audit apply), inside one transaction that also links the conference to
// the draft. The draft becomes current only through the plan's normal acknowledgement.
import { AppError, type ValidationIssue } from '../../../shared/contract/errors';
import { planContentSchema, type PlanContentInput } from '../../../shared/plans/schemas';
import { loadCase, recordCaseChange } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { createPlansHandlers } from '../plans/handlers';
import { readObjectives, versionRow } from '../plans/read';
import { conferenceRow, parseAgreement } from './read';

export function createPlanDraftHandler(deps: CoreDeps) {
  const plans = createPlansHandlers(deps);

  return defineHandlers({
    'conference.makePlanDraft': async ({ caseId, conferenceId }, env) => {
      await loadCase(env, caseId, 'write');
      const db = env.db();
      const row = await conferenceRow(db, caseId, conferenceId);
      if (!row) throw new AppError('NOT_FOUND', 'no such conference');
      const conflict = (reason: string, message: string) => new AppError('CONFLICT', message, { params: { reason } });
      if (row.plan_version_id) throw conflict('planMade', 'a plan draft was already made from this conference');
      if (await versionRow(db, caseId, 'draft')) throw conflict('draftExists', 'the case already has a draft plan; finish or discard it first');
      const items = await db.selectFrom('conference_commitments').selectAll().where('conference_id', '=', row.id).orderBy('position').execute();
      if (row.agreed_at === null || items.length === 0) throw conflict('noAgreement', 'record the agreement first');
      // An objective needs a measurable indicator: ask for it rather than invent one.
      const issues: ValidationIssue[] = items.flatMap((item, i) =>
        item.indicator === '' ? [{ path: ['agreement', 'items', i, 'indicator'], code: 'requiredForPlan', message: 'requiredForPlan' }] : [],
      );
      if (issues.length > 0) throw new AppError('VALIDATION', 'each agreed item needs an indicator', { issues });

      const current = await versionRow(db, caseId, 'current');
      const kept = current ? await readObjectives(db, caseId, current.id) : [];
      const agreement = parseAgreement(row);
      const plan: PlanContentInput = {
        objectives: [
          ...kept.map((o) => ({
            key: o.key,
            domain: o.domain,
            objective: o.objective,
            indicator: o.indicator,
            targetDate: o.targetDate,
            responsible: o.responsible,
            resources: o.resources,
            partialSupport: o.partialSupport,
            status: o.status,
          })),
          ...items.map((item) => ({
            domain: item.domain as PlanContentInput['objectives'][number]['domain'],
            objective: item.what,
            indicator: item.indicator,
            targetDate: item.by_when,
            responsible: item.who,
            resources: item.support_needed,
            partialSupport: item.support_needed && item.family_part ? { what: item.support_needed, familyShare: item.family_part } : null,
          })),
        ],
        familyOwnership: [current?.family_ownership ?? '', ...items.filter((i) => i.family_part).map((i) => `${i.who}: ${i.family_part}`)].filter(Boolean).join('\n'),
        contingencyPlan: agreement.contingency || current?.contingency_plan || '',
        guardianship: {
          currentHolder: current?.guardian_current ?? '',
          returnsTo: current?.guardian_returns_to ?? '',
          returnsOn: current?.guardian_returns_on ?? null,
          notes: current?.guardian_notes ?? '',
        },
      };
      const parsed = planContentSchema.safeParse(plan);
      if (!parsed.success) throw new AppError('VALIDATION', 'the agreement does not make a valid plan', { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message })) });

      // The plan's own handler writes the draft; its transaction also links the conference, so
      // both happen together or not at all.
      let planVersion = 0;
      const linked: HandlerEnv = {
        ...env,
        conn: env.conn,
        get session() {
          return env.session;
        },
        tx: (work) =>
          env.tx(async (trx) => {
            const result = await work(trx);
            const draft = await versionRow(trx, caseId, 'draft');
            if (!draft) throw new Error('the plan draft was not written');
            planVersion = draft.version;
            await trx.updateTable('conferences').set({ plan_version_id: draft.id, updated_at: env.now().toISOString() }).where('id', '=', row.id).execute();
            await recordCaseChange(env, trx, caseId, 'conference.planDraftMade', { conferenceId: row.id, planVersion: draft.version, objectives: items.length }, { planVersion: draft.version, objectives: items.length });
            return result;
          }),
      };
      await plans['plans.saveDraft']({ caseId, expectedRevision: null, plan: parsed.data }, linked);
      return { planVersion, objectives: items.length };
    },
  });
}
