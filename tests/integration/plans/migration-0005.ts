// The upgrade case for migration 0005 (plans and preparation), in the shape of
// tests/fixtures/migrations.ts: a user and a case written at version 4, and what must hold at
// version 5. Exported so the migrations suite can list it with the others.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import type { MigrationCase } from '../../fixtures/migrations';

const at = '2025-03-01T08:00:00.000Z';

export const migration0005Case: MigrationCase = {
  seed(raw: RawDatabase) {
    raw.prepare(`INSERT OR IGNORE INTO users (id, username, display_name, role, language, created_at) VALUES ('m5-user', 'm5worker', 'M5 Worker', 'caseworker', 'en', ?)`).run(at);
    raw
      .prepare(
        `INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, documentation_status,
           separation_reasons, care_arrangement, stage, status, risk_level, risk_rank, priority, worker_id, registered_at, updated_at)
         VALUES ('m5-case', 'GUL-2025-90005', 90005, 'GUL', 'Grace', 'Okello', 'grace okello', 'female', 'unknown', '["poverty"]',
           'unknown', 'tracing_assessment', 'open', 'medium', 2, 'normal', 'm5-user', ?, ?)`,
      )
      .run(at, at);
  },
  check(raw: RawDatabase) {
    const version = raw.prepare(
      `INSERT INTO plan_versions (id, case_id, version, status, acknowledged_on, created_at, updated_at) VALUES (?, 'm5-case', ?, ?, ?, ?, ?)`,
    );
    version.run('m5-v1', 1, 'current', '2025-03-01', at, at);
    version.run('m5-v2', 2, 'draft', null, at, at);
    // One draft and one current version per case; a current version was acknowledged.
    expect(() => version.run('m5-v3', 3, 'draft', null, at, at)).toThrow(/UNIQUE/);
    expect(() => version.run('m5-v3', 3, 'current', '2025-03-02', at, at)).toThrow(/UNIQUE/);
    expect(() => version.run('m5-v3', 3, 'superseded', null, at, at)).toThrow(/CHECK/);
    expect(() => version.run('m5-v3', 2, 'superseded', '2025-03-02', at, at)).toThrow(/UNIQUE/);

    const objective = raw.prepare(
      `INSERT INTO plan_objectives (id, plan_version_id, case_id, objective_key, position, domain, objective, indicator, target_date,
         responsible, status, updated_at) VALUES (?, 'm5-v2', 'm5-case', ?, 0, ?, 'o', 'i', '2025-06-01', 'r', 'not_started', ?)`,
    );
    objective.run('m5-o1', 'k1', 'health', at);
    expect(() => objective.run('m5-o2', 'k2', 'astrology', at)).toThrow(/CHECK/);
    // Discarding a draft takes its objectives with it.
    raw.prepare(`DELETE FROM plan_versions WHERE id = 'm5-v2'`).run();
    expect(raw.prepare(`SELECT count(*) AS n FROM plan_objectives WHERE id = 'm5-o1'`).get()).toEqual({ n: 0 });

    const ack = raw.prepare(
      `INSERT INTO plan_acknowledgements (plan_version_id, case_id, date, method, family_members, child_acknowledged, witness_name, image_mime, recorded_at)
       VALUES ('m5-v1', 'm5-case', '2025-03-01', ?, '[]', 1, ?, ?, ?)`,
    );
    // A verbal acknowledgement names its witness; a signature or thumbprint has an image.
    expect(() => ack.run('verbal', '', null, at)).toThrow(/CHECK/);
    expect(() => ack.run('signature', '', null, at)).toThrow(/CHECK/);
    ack.run('verbal', 'Pastor Ouma', null, at);

    const item = raw.prepare(
      `INSERT INTO preparation_items (id, case_id, area, template_key, description, status, position, created_at, updated_at)
       VALUES (?, 'm5-case', 'disability', ?, ?, 'open', 0, ?, ?)`,
    );
    item.run('m5-i1', 'accessibleHome', '', at, at);
    expect(() => item.run('m5-i2', null, '', at, at)).toThrow(/CHECK/);
    raw
      .prepare(`INSERT INTO preparation_monitors (case_id, name, role, agreed_on, updated_at) VALUES ('m5-case', 'Mr Ouma', 'teacher', '2025-03-01', ?)`)
      .run(at);
    expect(() =>
      raw.prepare(`INSERT INTO preparation_monitors (case_id, name, role, agreed_on, updated_at) VALUES ('m5-case', 'x', 'teacher', '2025-03-01', ?)`).run(at),
    ).toThrow(/UNIQUE|PRIMARY/);
  },
};
