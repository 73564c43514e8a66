// Migration 0008's upgrade case (registered in tests/integration/migrations.test.ts): existing users
// are not asked to change their password; the duplicate-flag queue exists with its checks.
import { expect } from 'vitest';
import { count, insertRow, tableNames, type MigrationCase } from '../../fixtures/migrations';

const now = '2025-03-01T08:00:00.000Z';

export const migration0008Case: MigrationCase = {
  seed(raw) {
    raw.prepare(`INSERT INTO users (id, username, display_name, role, language, created_at) VALUES ('u-8', 'before.eight', 'Before Eight', 'caseworker', 'en', ?)`).run(now);
    insertRow(raw, 'cases', {
      id: 'case-8',
      number: 'GUL-2025-0008',
      sex: 'female',
      stage: 'tracing_assessment',
      status: 'open',
      risk_level: 'low',
      priority: 'normal',
      given_name: 'Akello',
      search_text: 'akello case-8',
      registered_at: now,
      updated_at: now,
    });
  },
  check(raw) {
    expect(raw.prepare(`SELECT must_change_password FROM users WHERE id = 'u-8'`).get()).toEqual({ must_change_password: 0 });
    expect(() => raw.prepare(`UPDATE users SET must_change_password = 2 WHERE id = 'u-8'`).run()).toThrow(/CHECK/);
    expect(tableNames(raw)).toContain('duplicate_flags');
    const flag = raw.prepare(
      `INSERT INTO duplicate_flags (id, case_id, raised_by, raised_at, score, note, resolved_at, outcome) VALUES (?, 'case-8', 'u-8', ?, ?, '', ?, ?)`,
    );
    flag.run('f1', now, 0.8, null, null);
    expect(count(raw, 'duplicate_flags')).toBe(1);
    // Settled means both when and how; a score is a share.
    expect(() => flag.run('f2', now, 0.8, now, null)).toThrow(/CHECK/);
    expect(() => flag.run('f3', now, 1.5, null, null)).toThrow(/CHECK/);
    expect(() => flag.run('f4', now, 0.8, now, 'maybe')).toThrow(/CHECK/);
  },
};
