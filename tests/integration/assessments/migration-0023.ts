// The upgrade case for migration 0023 (the Child Status Index's score guide), in the shape of
// tests/fixtures/migrations.ts: an office that had adapted the CSI at version 22 (a question of its
// own inside a standard domain, a standard factor moved into a domain of its own, a completed
// assessment on version 1), and what must hold after: a new version whose six standard domains come
// first, as shipped, every factor with its four score descriptions and three age bands in every
// language; the office's own questions and domains kept after them; old answers on their version.
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

export const migration0023Case: MigrationCase = {
  seed(raw) {
    raw.prepare(`INSERT OR IGNORE INTO users (id, username, display_name, role, language, created_at) VALUES ('m23-user', 'm23worker', 'M23 Worker', 'caseworker', 'en', ?)`).run(at);
    raw
      .prepare(
        `INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, documentation_status,
           separation_reasons, care_arrangement, stage, status, risk_level, risk_rank, priority, worker_id, registered_at, updated_at)
         VALUES ('m23-case', 'GUL-2025-90023', 90023, 'GUL', 'Grace', 'Okello', 'grace okello', 'female', 'unknown', '["poverty"]',
           'unknown', 'follow_up', 'open', 'medium', 2, 'normal', 'm23-user', ?, ?)`,
      )
      .run(at, at);
    raw
      .prepare(
        `INSERT INTO assessments (id, case_id, template_key, template_version, kind, date, status, answers, created_at, updated_at)
         VALUES ('m23-assessment', 'm23-case', 'csi', 1, 'wellbeing', '2025-03-01', 'completed', '{"abuse_exploitation":1}', ?, ?)`,
      )
      .run(at, at);
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
    expect(raw.prepare(`SELECT template_version FROM assessments WHERE id = 'm23-assessment'`).get()).toEqual({ template_version: 1 });
  },
};
