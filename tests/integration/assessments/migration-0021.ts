// The upgrade case for migration 0021 (the Child Status Index's score guide), in the shape of
// tests/fixtures/migrations.ts: an office that had adapted the CSI at version 22 (a question of its
// own inside a standard domain, a standard factor moved into a domain of its own), and what must
// hold after: a new version whose six standard domains come first, as shipped, every factor with
// its four score descriptions and three age bands in every language; the office's own questions
// and domains kept after them; earlier versions unchanged. Assessments are not touched: the
// generic check finds every row of theirs (and the version each was made with) as it was.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { ageBands, templateDefinitionSchema, type TemplateDefinition } from '../../../shared/assessments/contract';
import { standardChanges, standardDomains } from '../../../shared/assessments/standard';
import { languages } from '../../../shared/i18n/languages';
import type { MigrationCase } from '../../fixtures/migrations';

const at = '2025-03-01T08:00:00.000Z';
const label = { en: 'Meals a day', fr: 'Repas par jour', es: 'Comidas al día', pt: 'Refeições por dia', ar: 'عدد الوجبات يوميًا' };

const csiVersions = (raw: RawDatabase) =>
  (raw.prepare(`SELECT version, definition FROM assessment_templates WHERE key = 'csi' ORDER BY version`).all() as { version: number; definition: string }[]).map(
    (r) => ({ version: r.version, definition: JSON.parse(r.definition) as TemplateDefinition }),
  );

let adaptedVersion = 0;
let before: { version: number; definition: TemplateDefinition }[] = [];

export const migration0021Case: MigrationCase = {
  seed(raw) {
    // The office's adapted CSI, saved before the factors were locked.
    const latest = csiVersions(raw).at(-1)!;
    const adapted = structuredClone(latest.definition);
    adapted.domains[0]!.questions.push({ id: 'meals_per_day', type: 'text', label, required: false });
    const abuse = adapted.domains[2]!.questions.shift()!;
    adapted.domains.push({ id: 'protection_at_home', title: label, questions: [abuse, { id: 'home_visits', type: 'yes_no', label, required: false }] });
    adaptedVersion = latest.version + 1;
    raw
      .prepare(`INSERT INTO assessment_templates (key, version, kind, title, definition, created_at) SELECT 'csi', ?, 'wellbeing', title, ?, ? FROM assessment_templates WHERE key = 'csi' AND version = 1`)
      .run(adaptedVersion, JSON.stringify(adapted), at);
    before = csiVersions(raw);
  },
  // The migration adds a row to the templates table (the generic check compares whole tables);
  // the check below makes sure every earlier version is there, unchanged.
  replaces: ['assessment_templates'],
  check(raw) {
    const versions = csiVersions(raw);
    const latest = versions.at(-1)!;
    expect(latest.version).toBe(adaptedVersion + 1);
    const parsed = templateDefinitionSchema.parse(latest.definition);
    expect(parsed.domains.map((d) => d.id)).toEqual([...standardDomains.map((d) => d.id), 'office_additions', 'reintegration', 'protection_at_home']);
    standardDomains.forEach((standard, i) => expect(parsed.domains[i]!.questions.map((q) => q.id)).toEqual([...standard.factors]));
    expect(parsed.domains[6]!.questions.map((q) => q.id)).toEqual(['meals_per_day']);
    expect(parsed.domains[8]!.questions.map((q) => q.id)).toEqual(['home_visits']);
    // Every standard factor: four score descriptions and three age bands, written in every language.
    for (const factor of parsed.domains.slice(0, 6).flatMap((d) => d.questions)) {
      expect(factor.anchors, factor.id).toHaveLength(4);
      expect(factor.ageGuidance?.map((g) => g.band), factor.id).toEqual([...ageBands]);
      for (const text of [...factor.anchors!, ...factor.ageGuidance!.map((g) => g.text)]) {
        expect(new Set(languages.map((l) => text[l])).size, `${factor.id}: ${text.en}`).toBe(5);
      }
    }
    // The version is standard as it stands: the lock finds nothing to refuse in it.
    expect(standardChanges(parsed, parsed)).toEqual([]);
    // Earlier versions and the answers made with them are untouched.
    expect(versions.slice(0, -1)).toEqual(before);
  },
};
