import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../../../shared/i18n/languages';
import { templateDefinitionSchema, type AssessmentTemplate } from '../../../shared/assessments/contract';
import { codeOf, completeAssessment, fullAnswers, stageOneOffice, template } from './stage-one';

let setup: Awaited<ReturnType<typeof stageOneOffice>>;

beforeAll(async () => {
  setup = await stageOneOffice();
});
afterAll(() => setup.office.cleanup());

function everyText(t: AssessmentTemplate): Record<string, string>[] {
  const texts: Record<string, string>[] = [t.title, ...t.definition.scaleLabels];
  for (const d of t.definition.domains) {
    texts.push(d.title);
    for (const q of d.questions) {
      texts.push(q.label);
      for (const o of q.options ?? []) texts.push(o.label);
    }
  }
  return texts;
}

describe('assessment templates', () => {
  it('ships the CSI (version 2: with its score guide) and the child, family and community assessments, titled and labelled in all five languages', async () => {
    const templates = await setup.worker.ok('assessments.templates', {});
    expect(templates.map((t) => [t.key, t.kind, t.version]).sort()).toEqual([
      ['child_assessment', 'child', 1],
      ['community_assessment', 'community', 1],
      ['csi', 'wellbeing', 2],
      ['family_assessment', 'family', 1],
    ]);
    for (const t of templates) {
      expect(templateDefinitionSchema.safeParse(t.definition).success).toBe(true);
      for (const text of everyText(t)) {
        for (const language of languages) expect(text[language]?.trim(), `${t.key} ${text.en} in ${language}`).toBeTruthy();
      }
      // Real translations, not English copied five times.
      expect(new Set(languages.map((l) => t.title[l])).size).toBe(5);
    }
  });

  it('the CSI has six domains of two factors plus the reintegration additions, scored 1–4 from very bad to good', async () => {
    const csi = await template(setup.worker, 'csi');
    const domains = csi.definition.domains;
    expect(domains.slice(0, 6).map((d) => d.questions.length)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(domains.map((d) => d.id)).toEqual([
      'food_nutrition', 'shelter_care', 'protection', 'health', 'psychosocial', 'education_skills', 'reintegration',
    ]);
    expect(domains[6].questions.map((q) => q.id)).toEqual(['family_relationships', 'community_belonging', 'stigma']);
    expect(domains.flatMap((d) => d.questions).every((q) => q.type === 'scale' && q.required)).toBe(true);
    expect(csi.definition.scaleLabels.map((l) => l.en)).toEqual(['Very bad', 'Bad', 'Fair', 'Good']);
  });

  it('the family assessment asks what the Guidelines ask', async () => {
    const family = await template(setup.worker, 'family_assessment');
    expect(family.definition.domains.map((d) => d.id)).toEqual(['risks', 'strengths', 'separation_view', 'readiness', 'care', 'economic']);
    const child = await template(setup.worker, 'child_assessment');
    expect(child.definition.childViewsRequired).toBe(true);
  });

  it('a case worker cannot change a template', async () => {
    const csi = await template(setup.worker, 'csi');
    const result = await setup.worker.call('assessments.saveTemplate', {
      key: 'csi', kind: 'wellbeing', title: csi.title, definition: csi.definition, basedOnVersion: csi.version,
    });
    expect(codeOf(result)).toBe('FORBIDDEN');
  });

  it('saving a template makes a new version, keeps the old one, and old assessments keep their version and scores', async () => {
    const { caseId, supervisor, worker } = setup;
    const before = await completeAssessment(worker, caseId, 'csi', '2025-02-01', 2);
    const v1 = await template(worker, 'csi');
    const base = v1.version;
    expect(before.templateVersion).toBe(base);

    // The office's own additions: a question in the reintegration domain, which is not standard.
    const definition = structuredClone(v1.definition);
    const own = definition.domains.find((d) => d.id === 'reintegration')!;
    own.title.en = 'Family and community (adapted)';
    own.questions.push({
      id: 'meals_per_day',
      type: 'choice',
      required: false,
      label: { en: 'Meals a day', fr: 'Repas par jour', es: 'Comidas al día', pt: 'Refeições por dia', ar: 'عدد الوجبات يوميًا' },
      options: [
        { value: 'one', label: { en: 'One', fr: 'Un', es: 'Una', pt: 'Uma', ar: 'واحدة' } },
        { value: 'two_or_more', label: { en: 'Two or more', fr: 'Deux ou plus', es: 'Dos o más', pt: 'Duas ou mais', ar: 'اثنتان أو أكثر' } },
      ],
    });
    const v2 = await supervisor.ok('assessments.saveTemplate', { key: 'csi', kind: 'wellbeing', title: v1.title, definition, basedOnVersion: base });
    expect(v2).toMatchObject({ version: base + 1, latest: true, createdBy: 'Sara Supervisor' });

    const stale = await supervisor.call('assessments.saveTemplate', { key: 'csi', kind: 'wellbeing', title: v1.title, definition, basedOnVersion: base });
    expect(stale.ok ? null : stale.error.params?.reason).toBe('version');
    const kindChange = await supervisor.call('assessments.saveTemplate', { key: 'csi', kind: 'family', title: v1.title, definition, basedOnVersion: base + 1 });
    expect(codeOf(kindChange)).toBe('VALIDATION');

    const all = await worker.ok('assessments.templates', { allVersions: true });
    expect(all.filter((t) => t.key === 'csi').map((t) => [t.version, t.latest])).toEqual([[base + 1, true], ...Array.from({ length: base }, (_, i) => [base - i, false])]);
    expect((await worker.ok('assessments.templates', {})).find((t) => t.key === 'csi')?.version).toBe(base + 1);

    const old = await worker.ok('assessments.get', { caseId, assessmentId: before.id });
    expect(old.templateVersion).toBe(base);
    expect(old.template.version).toBe(base);
    expect(old.template.definition.domains.find((d) => d.id === 'reintegration')!.questions).toHaveLength(3);
    expect(old.scores).toEqual(before.scores);

    const after = await worker.ok('assessments.save', {
      caseId, templateKey: 'csi', templateVersion: base + 1, date: '2025-05-01',
      answers: { ...fullAnswers(v2, 4), meals_per_day: 'two_or_more' }, complete: true,
    });
    expect(after.templateVersion).toBe(base + 1);
    // Same domains, same 1–4 scale: the two visits compare.
    expect(Object.keys(after.scores.domains)).toEqual(Object.keys(old.scores.domains));
    expect(after.scores.overall).toBe(4);
    expect(old.scores.overall).toBe(2);
  });

  it('a supervisor can add an office template of their own', async () => {
    const created = await setup.supervisor.ok('assessments.saveTemplate', {
      key: 'school_check',
      kind: 'child',
      title: { en: 'School check', fr: 'Suivi scolaire', es: 'Control escolar', pt: 'Acompanhamento escolar', ar: 'متابعة مدرسية' },
      definition: {
        scaleLabels: (await template(setup.worker, 'csi')).definition.scaleLabels,
        domains: [{
          id: 'school',
          title: { en: 'School', fr: 'École', es: 'Escuela', pt: 'Escola', ar: 'المدرسة' },
          questions: [{ id: 'attends', type: 'yes_no', required: true, label: { en: 'Attends', fr: 'Fréquente', es: 'Asiste', pt: 'Frequenta', ar: 'يحضر' } }],
        }],
      },
    });
    expect(created.version).toBe(1);
    const duplicateIds = await setup.supervisor.call('assessments.saveTemplate', {
      key: 'school_check_2', kind: 'child', title: created.title,
      definition: { ...created.definition, domains: [created.definition.domains[0], created.definition.domains[0]] },
    });
    expect(codeOf(duplicateIds)).toBe('VALIDATION');
  });
});
