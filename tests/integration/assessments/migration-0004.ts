// The upgrade case for migration 0004 (tracing, assessments, safety, BID), in the shape of
// tests/fixtures/migrations.ts: rows a real office has at version 3 (a user and a case), and what
// must hold at version 4. Exported so the migrations suite can list it with the others.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { templateDefinitionSchema } from '../../../shared/assessments/contract';
import type { MigrationCase } from '../../fixtures/migrations';

const at = '2025-03-01T08:00:00.000Z';

export const migration0004Case: MigrationCase = {
  seed(raw: RawDatabase) {
    raw.prepare(`INSERT OR IGNORE INTO users (id, username, display_name, role, language, created_at) VALUES ('m4-user', 'm4worker', 'M4 Worker', 'caseworker', 'en', ?)`).run(at);
    raw
      .prepare(
        `INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, documentation_status,
           separation_reasons, care_arrangement, stage, status, risk_level, risk_rank, priority, worker_id, registered_at, updated_at)
         VALUES ('m4-case', 'GUL-2025-90004', 90004, 'GUL', 'Grace', 'Okello', 'grace okello', 'female', 'unknown', '["poverty"]',
           'unknown', 'tracing_assessment', 'open', 'medium', 2, 'normal', 'm4-user', ?, ?)`,
      )
      .run(at, at);
  },
  check(raw: RawDatabase) {
    for (const table of ['tracing_actions', 'assessment_templates', 'assessments', 'risk_assessments', 'safety_plans', 'bids']) {
      expect(raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table), table).toBeTruthy();
    }
    const templates = raw.prepare('SELECT key, version, kind, title, definition FROM assessment_templates ORDER BY key').all() as {
      key: string;
      version: number;
      kind: string;
      title: string;
      definition: string;
    }[];
    expect(templates.map((t) => [t.key, t.version, t.kind])).toEqual([
      ['child_assessment', 1, 'child'],
      ['community_assessment', 1, 'community'],
      ['csi', 1, 'wellbeing'],
      ['family_assessment', 1, 'family'],
    ]);
    for (const t of templates) expect(templateDefinitionSchema.safeParse(JSON.parse(t.definition)).success, t.key).toBe(true);
    // The case written before the upgrade takes records; the constraints hold.
    const action = raw.prepare(
      `INSERT INTO tracing_actions (id, case_id, date, method, country, result, created_at, updated_at) VALUES (?, 'm4-case', '2025-03-01', ?, 'UG', ?, ?, ?)`,
    );
    action.run('m4-action', 'home_visit', 'family_found', at, at);
    expect(() => action.run('m4-bad', 'teleport', 'family_found', at, at)).toThrow(/CHECK/);
    raw
      .prepare(
        `INSERT INTO assessments (id, case_id, template_key, template_version, kind, date, status, created_at, updated_at)
         VALUES ('m4-assessment', 'm4-case', 'csi', 1, 'wellbeing', '2025-03-01', 'completed', ?, ?)`,
      )
      .run(at, at);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO assessments (id, case_id, template_key, template_version, kind, date, status, created_at, updated_at)
           VALUES ('m4-orphan', 'm4-case', 'csi', 99, 'wellbeing', '2025-03-01', 'draft', ?, ?)`,
        )
        .run(at, at),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      raw.prepare(`INSERT INTO bids (id, case_id, status, date, created_at, updated_at) VALUES ('m4-bid', 'm4-case', 'decided', '2025-03-01', ?, ?)`).run(at, at),
    ).toThrow(/CHECK/);
  },
};
