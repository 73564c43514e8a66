// The standard Child Status Index factors are locked, through the channel: a supervisor's save that
// removes, renames, re-scores, moves or reorders them (or adds a question inside their domains) is
// refused with its translated message and nothing is written; the office's own domains and factors
// after them are saved; the score guide reaches the person scoring, and old answers keep their version.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '../../../shared/assessments/contract';
import { languages } from '../../../shared/i18n/languages';
import { expectCode } from '../../fixtures/results';
import { completeAssessment, stageOneOffice, template } from './stage-one';

let setup: Awaited<ReturnType<typeof stageOneOffice>>;
beforeAll(async () => {
  setup = await stageOneOffice();
});
afterAll(() => setup.office.cleanup());

const text = (en: string, fr: string, es: string, pt: string, ar: string) => ({ en, fr, es, pt, ar });
const schoolLife = {
  id: 'school_life',
  title: text('School life', 'Vie scolaire', 'Vida escolar', 'Vida escolar', 'الحياة المدرسية'),
  questions: [{ id: 'free_from_bullying', type: 'scale' as const, required: false, label: text('Free from bullying', 'À l’abri du harcèlement', 'Libre de acoso', 'Livre de bullying', 'بمنأى عن التنمر') }],
};

async function csiVersions() {
  return (await setup.worker.ok('assessments.templates', { allVersions: true })).filter((t) => t.key === 'csi').length;
}
async function templateSaves() {
  return (await setup.admin.ok('audit.list', { action: 'assessments.templateSave', limit: 500 })).entries.length;
}

/** Each kind of change to the standard part, as a supervisor's editor (or a forged call) could send it. */
const changes: [string, (d: TemplateDefinition) => void][] = [
  ['removes a factor', (d) => void d.domains[2]!.questions.splice(0, 1)],
  ['removes a domain', (d) => void d.domains.splice(5, 1)],
  ['renames a factor', (d) => void (d.domains[2]!.questions[0]!.label.en = 'Violence at home')],
  ['renames a domain', (d) => void (d.domains[3]!.title.pt = 'Saúde física')],
  ['re-writes a score description', (d) => void (d.domains[2]!.questions[0]!.anchors![0]!.en = 'Some bruises')],
  ['drops an age band', (d) => void d.domains[5]!.questions[0]!.ageGuidance!.pop()],
  ['makes a factor optional', (d) => void (d.domains[1]!.questions[0]!.required = false)],
  ['changes the scale labels', (d) => void (d.scaleLabels[3]!.en = 'Excellent')],
  ['reorders two factors', (d) => void d.domains[4]!.questions.reverse()],
  ['reorders two domains', (d) => void d.domains.splice(0, 2, d.domains[1]!, d.domains[0]!)],
  ['puts an own domain first', (d) => void d.domains.unshift(schoolLife)],
  ['moves a factor to another domain', (d) => void d.domains[6]!.questions.push(d.domains[2]!.questions.shift()!)],
  ['adds a question inside a standard domain', (d) => void d.domains[0]!.questions.push({ ...schoolLife.questions[0]!, id: 'meals' })],
];

describe('the standard CSI factors are locked', () => {
  it('the locked message exists in every language', () => {
    for (const language of languages) {
      const messages = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../locales', language, 'errors.json'), 'utf8')) as Record<string, string>;
      expect(messages.STANDARD_FACTORS_LOCKED?.length, language).toBeGreaterThan(40);
    }
  });

  it.each(changes)('a save that %s is refused, and nothing is written', async (_name, edit) => {
    const csi = await template(setup.supervisor, 'csi');
    const definition = structuredClone(csi.definition);
    edit(definition);
    const [versions, saves] = [await csiVersions(), await templateSaves()];
    const error = await expectCode(
      setup.supervisor.call('assessments.saveTemplate', { key: 'csi', kind: 'wellbeing', title: csi.title, definition, basedOnVersion: csi.version }),
      'STANDARD_FACTORS_LOCKED',
    );
    expect(error.issues?.length).toBeGreaterThan(0);
    expect(error.issues!.every((i) => i.code.startsWith('standard'))).toBe(true);
    expect([await csiVersions(), await templateSaves()]).toEqual([versions, saves]);
  });

  it('the office adds its own domain beside the standard ones, and changes its own domains freely', async () => {
    const csi = await template(setup.supervisor, 'csi');
    const definition = structuredClone(csi.definition);
    definition.domains.push(schoolLife);
    definition.domains[6]!.title.en = 'Family and community life';
    const saved = await setup.supervisor.ok('assessments.saveTemplate', { key: 'csi', kind: 'wellbeing', title: csi.title, definition, basedOnVersion: csi.version });
    expect(saved.version).toBe(csi.version + 1);
    expect(saved.definition.domains.map((d) => d.id).slice(-2)).toEqual(['reintegration', 'school_life']);
    // The standard part is what it was, score guide included.
    expect(saved.definition.domains.slice(0, 6)).toEqual(csi.definition.domains.slice(0, 6));
  });

  it('the worker scores with the guide; version 1 (before the guide) stays without one', async () => {
    const { worker, caseId } = setup;
    const latest = await template(worker, 'csi');
    const abuse = latest.definition.domains[2]!.questions[0]!;
    expect(abuse.anchors?.map((a) => a.en)[0]).toMatch(/abused, exploited/);
    expect(abuse.ageGuidance?.map((g) => g.band)).toEqual(['under5', 'age5to12', 'age13to17']);
    const done = await completeAssessment(worker, caseId, 'csi', '2025-05-02', 3);
    const got = await worker.ok('assessments.get', { caseId, assessmentId: done.id });
    expect(got.template.definition.domains[2]!.questions[0]!.anchors).toEqual(abuse.anchors);
    // Version 1 (before the guide) stays as it was, without one.
    const v1 = (await worker.ok('assessments.templates', { allVersions: true })).find((t) => t.key === 'csi' && t.version === 1)!;
    expect(v1.definition.domains[2]!.questions[0]!.anchors).toBeUndefined();
  });
});
