// Node-only. Assessments of a case made with templates stored as data; the templates themselves
// (supervisors save new versions; old versions stay so completed assessments keep their meaning);
// and the well-being (CSI) history of a case for charts.
import { factorScores, formKey, lowFactors } from '../../../shared/assessments/wellbeing';
import { STANDARD_TEMPLATE_KEY, standardChanges } from '../../../shared/assessments/standard';
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import {
  checkAnswers,
  computeScores,
  type Answers,
  type Assessment,
  type AssessmentSummary,
  type LocalizedText,
  type Participant,
  type Scores,
  type TemplateDefinition,
  type WellbeingHistory,
} from '../../../shared/assessments/contract';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { assertEventDate } from '../cases/dates';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { parseAbsence } from '../../../shared/casework/child-views';
import { defineHandlers, type HandlerEnv } from '../handler';
import { nameOf, staffNames } from './people';
import type { AssessmentsTable } from './tables';
import { latestVersions, templateRow, toTemplate, type TemplateRow } from './templates';
import { eventFloor } from '../cases/paper';

type AssessmentRow = Selectable<AssessmentsTable>;

function toSummary(row: AssessmentRow, title: LocalizedText): AssessmentSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    templateKey: row.template_key,
    templateVersion: row.template_version,
    title,
    date: row.date,
    status: row.status,
    scores: JSON.parse(row.scores) as Scores,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    version: row.version,
  };
}

const validation = (issues: { path: (string | number)[]; code: string; message: string }[]) =>
  new AppError('VALIDATION', 'the assessment is not valid', { issues });

export function createAssessmentsHandlers(_deps: CoreDeps) {
  async function templateTitles(env: HandlerEnv): Promise<Map<string, LocalizedText>> {
    // Titles of every version, keyed "key@version"; the table is small (a few templates, few versions).
    const rows = await env.db().selectFrom('assessment_templates').select(['key', 'version', 'title']).execute();
    return new Map(rows.map((r) => [`${r.key}@${r.version}`, JSON.parse(r.title) as LocalizedText]));
  }

  async function present(env: HandlerEnv, row: AssessmentRow): Promise<Assessment> {
    const template = await templateRow(env.db(), row.template_key, row.template_version);
    if (!template) throw new AppError('INTERNAL', 'assessment template missing');
    const latest = (await latestVersions(env.db())).get(row.template_key) ?? template.version;
    const names = await staffNames(env.db(), [row.created_by, row.completed_by, template.created_by]);
    const tpl = toTemplate(template, latest, names);
    return {
      ...toSummary(row, tpl.title),
      participants: JSON.parse(row.participants) as Participant[],
      answers: JSON.parse(row.answers) as Answers,
      childViews: row.child_views,
      childViewsAbsent: parseAbsence(row.child_views_absent),
      summary: row.summary,
      recordedBy: nameOf(names, row.created_by),
      completedBy: nameOf(names, row.completed_by),
      template: tpl,
    };
  }

  async function assessmentOf(env: HandlerEnv, caseId: string, id: string): Promise<AssessmentRow> {
    const row = await env
      .db()
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', id)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'no such assessment');
    return row;
  }

  return defineHandlers({
    'assessments.templates': async ({ kind, allVersions }, env) => {
      let query = env.db().selectFrom('assessment_templates').selectAll();
      if (kind) query = query.where('kind', '=', kind);
      const rows = await query.orderBy('key').orderBy('version', 'desc').execute();
      const latest = await latestVersions(env.db());
      const names = await staffNames(env.db(), rows.map((r) => r.created_by));
      return rows
        .filter((r) => allVersions || r.version === latest.get(r.key))
        .map((r) => toTemplate(r, latest.get(r.key) ?? r.version, names));
    },

    'assessments.saveTemplate': async ({ key, kind, title, definition, basedOnVersion }, env) => {
      const row = await env.tx(async (trx) => {
        const current = (await latestVersions(trx)).get(key);
        if (current !== undefined) {
          if (basedOnVersion !== current) {
            throw new AppError('CONFLICT', 'the template changed since you opened it; reload it', { params: { reason: 'version' } });
          }
          const previous = await templateRow(trx, key, current);
          if (previous && previous.kind !== kind) {
            throw validation([{ path: ['kind'], code: 'kindFixed', message: 'kindFixed' }]);
          }
          // The standard CSI factors stay as the version before had them (shared/assessments/standard.ts).
          const changes = previous && key === STANDARD_TEMPLATE_KEY ? standardChanges(JSON.parse(previous.definition) as TemplateDefinition, definition) : [];
          if (changes.length > 0) {
            throw new AppError('STANDARD_FACTORS_LOCKED', 'the standard Child Status Index factors are locked', { issues: changes });
          }
        } else if (basedOnVersion !== undefined) {
          throw new AppError('NOT_FOUND', 'no such template');
        }
        const values: TemplateRow = {
          key,
          version: (current ?? 0) + 1,
          kind,
          title: JSON.stringify(title),
          definition: JSON.stringify(definition),
          created_at: env.now().toISOString(),
          created_by: env.session.userId,
        };
        await trx.insertInto('assessment_templates').values(values).execute();
        await env.audit(trx, {
          action: 'assessments.templateSave',
          entityType: 'assessmentTemplate',
          entityId: `${key}@${values.version}`,
          details: { key, version: values.version, kind, domains: definition.domains.length },
        });
        return values;
      });
      return toTemplate(row, row.version, await staffNames(env.db(), [row.created_by]));
    },

    'assessments.list': async ({ caseId, kind }, env) => {
      await loadCase(env, caseId, 'read');
      let query = env.db().selectFrom('assessments').selectAll().where('case_id', '=', caseId);
      if (kind) query = query.where('kind', '=', kind);
      const rows = await query.orderBy('date', 'desc').orderBy('created_at', 'desc').execute();
      await recordCaseView(env, caseId, 'assessments');
      const titles = await templateTitles(env);
      return rows.map((r) => toSummary(r, titles.get(`${r.template_key}@${r.template_version}`) ?? { en: r.template_key, fr: r.template_key, es: r.template_key, pt: r.template_key, ar: r.template_key }));
    },

    'assessments.get': async ({ caseId, assessmentId }, env) => {
      await loadCase(env, caseId, 'read');
      const row = await assessmentOf(env, caseId, assessmentId);
      await recordCaseView(env, caseId, `assessment:${row.kind}`);
      return present(env, row);
    },

    'assessments.save': async (input, env) => {
      const { caseId } = input;
      const kase = await loadCase(env, caseId, 'write');
      assertEventDate(input.date, todayIso(env.now()), eventFloor(kase), 'date');
      const existing = input.assessmentId ? await assessmentOf(env, caseId, input.assessmentId) : null;
      if (existing) {
        if (existing.status === 'completed') {
          throw new AppError('CONFLICT', 'a completed assessment cannot be changed; start a new one', { params: { reason: 'completed' } });
        }
        if (input.version === undefined) throw validation([{ path: ['version'], code: 'required', message: 'required' }]);
        if (existing.template_key !== input.templateKey || existing.template_version !== input.templateVersion) {
          throw validation([{ path: ['templateVersion'], code: 'templateChanged', message: 'templateChanged' }]);
        }
      }
      const template = await templateRow(env.db(), input.templateKey, input.templateVersion);
      if (!template) throw validation([{ path: ['templateKey'], code: 'unknownTemplate', message: 'unknownTemplate' }]);
      const definition = JSON.parse(template.definition) as TemplateDefinition;
      const issues = checkAnswers(definition, input.answers, { completing: input.complete, childViews: input.childViews, childViewsAbsent: input.childViewsAbsent });
      if (issues.length > 0) throw validation(issues);
      const scores = computeScores(definition, input.answers);
      const now = env.now().toISOString();
      const status = input.complete ? ('completed' as const) : ('draft' as const);
      const id = existing?.id ?? crypto.randomUUID();
      const content = {
        date: input.date,
        status,
        participants: JSON.stringify(input.participants),
        answers: JSON.stringify(input.answers),
        scores: JSON.stringify(scores),
        child_views: input.childViews,
        child_views_absent: input.childViewsAbsent ? JSON.stringify(input.childViewsAbsent) : null,
        summary: input.summary,
        updated_at: now,
        updated_by: env.session.userId,
        completed_at: input.complete ? now : null,
        completed_by: input.complete ? env.session.userId : null,
      };
      await env.tx(async (trx) => {
        if (existing) {
          const result = await trx
            .updateTable('assessments')
            .set({ ...content, version: (input.version ?? 0) + 1 })
            .where('id', '=', id)
            .where('version', '=', input.version ?? 0)
            .where('status', '=', 'draft')
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) {
            throw new AppError('CONFLICT', 'someone else changed this assessment; reload it', { params: { reason: 'version' } });
          }
        } else {
          await trx
            .insertInto('assessments')
            .values({
              id,
              case_id: caseId,
              template_key: template.key,
              template_version: template.version,
              kind: template.kind,
              ...content,
              created_at: now,
              created_by: env.session.userId,
              version: 1,
            })
            .execute();
        }
        await recordCaseChange(
          env,
          trx,
          caseId,
          input.complete ? 'assessment.complete' : 'assessment.saveDraft',
          { assessmentId: id, kind: template.kind, templateKey: template.key, templateVersion: template.version, status },
          { kind: template.kind, date: input.date, status, overall: scores.overall },
        );
      });
      return present(env, await assessmentOf(env, caseId, id));
    },

    'assessments.wellbeingHistory': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const rows = await env
        .db()
        .selectFrom('assessments')
        .select(['id', 'date', 'template_key', 'template_version', 'scores', 'answers'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'wellbeing')
        .where('status', '=', 'completed')
        .orderBy('date')
        .orderBy('completed_at')
        .execute();
      await recordCaseView(env, caseId, 'wellbeing');
      const domains: WellbeingHistory['domains'] = [];
      const seen = new Set<string>();
      // Domain titles from the most recent template version used first, then any older domains.
      const versions = [...new Map(rows.map((r) => [`${r.template_key}@${r.template_version}`, r])).values()].reverse();
      for (const v of versions) {
        const template = await templateRow(env.db(), v.template_key, v.template_version);
        if (!template) continue;
        for (const domain of (JSON.parse(template.definition) as TemplateDefinition).domains) {
          if (seen.has(domain.id) || !domain.questions.some((q) => q.type === 'scale')) continue;
          seen.add(domain.id);
          domains.push({ id: domain.id, title: domain.title });
        }
      }
      const definitions = new Map<string, TemplateDefinition>();
      for (const v of versions) {
        const template = await templateRow(env.db(), v.template_key, v.template_version);
        if (template) definitions.set(`${v.template_key}@${v.template_version}`, JSON.parse(template.definition) as TemplateDefinition);
      }
      const points = rows.map((r) => {
        const scores = JSON.parse(r.scores) as Scores;
        const definition = definitions.get(`${r.template_key}@${r.template_version}`);
        const factors = definition ? factorScores(definition, JSON.parse(r.answers) as Answers) : [];
        return {
          factors: Object.fromEntries(factors.map((f) => [f.factorId, f.score])),
          lowFactors: lowFactors(factors),
          formKey: definition ? formKey(r.template_key, definition) : `${r.template_key}@${r.template_version}`,
          assessmentId: r.id,
          date: r.date,
          templateKey: r.template_key,
          templateVersion: r.template_version,
          domains: Object.fromEntries(Object.entries(scores.domains).map(([id, s]) => [id, s.mean])),
          overall: scores.overall,
        };
      });
      return { domains, points };
    },
  });
}
