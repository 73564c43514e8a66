// Migration 0006 on a real encrypted file: an office at version 5 with a case keeps it, and gains
// the contact log and the reunification record with their rules.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentVersion, migrate } from '../../../electron/core/db/migrate';
import { openRaw } from '../../../electron/core/db/open';
import { migrations } from '../../../migrations';
import { tempDir } from '../../fixtures/core';

const dir = tempDir('homeward-migrate-0006-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const now = '2025-03-01T08:00:00.000Z';

describe('migration 6 (contacts and reunification)', () => {
  it('keeps the cases of a version-5 office and adds the contact log and the reunification record', () => {
    const file = path.join(dir, 'homeward.db');
    const key = crypto.randomBytes(32);
    let raw = openRaw({ file, key });
    migrate(raw, file, migrations, 5);
    expect(currentVersion(raw)).toBe(5);
    raw.prepare(`INSERT INTO users (id, username, display_name, role, language, created_at) VALUES ('u1', 'wanjiru', 'Wanjiru', 'caseworker', 'en', ?)`).run(now);
    raw
      .prepare(
        `INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, documentation_status,
           separation_reasons, care_arrangement, stage, status, risk_level, risk_rank, priority, worker_id, registered_at, updated_at)
         VALUES ('c1', 'GUL-2025-00001', 1, 'GUL', 'Grace', 'Okello', 'grace okello', 'female', 'unknown', '["poverty"]',
           'transit_centre', 'reunification', 'open', 'low', 0, 'normal', 'u1', ?, ?)`,
      )
      .run(now, now);
    raw.close();

    raw = openRaw({ file, key });
    try {
      expect(migrate(raw, file, migrations, 6)).toMatchObject({ from: 5, to: 6 });
      expect(raw.prepare('SELECT given_name FROM cases WHERE id = ?').get('c1')).toEqual({ given_name: 'Grace' });
      const contact = raw.prepare(
        `INSERT INTO contacts (id, case_id, kind, mode, with_whom, status, planned_for, held_on, outcome, created_at, updated_at)
         VALUES (?, 'c1', ?, NULL, 'Mother', ?, ?, ?, ?, ?, ?)`,
      );
      contact.run('k1', 'supervised_visit', 'held', null, '2025-02-20', 'successful', now, now);
      contact.run('k2', 'unsupervised_visit', 'planned', '2025-03-10', null, null, now, now);
      expect(() => contact.run('k3', 'supervised_visit', 'held', null, null, null, now, now)).toThrow(/CHECK/);
      expect(() => contact.run('k4', 'home_stay', 'planned', '2025-03-10', null, null, now, now)).toThrow(/CHECK/);
      expect(() =>
        raw.prepare(`INSERT INTO contacts (id, case_id, kind, with_whom, status, planned_for, created_at, updated_at) VALUES ('k6', 'nope', 'short_meeting', 'x', 'planned', '2025-03-10', ?, ?)`).run(now, now),
      ).toThrow(/FOREIGN KEY/);
      raw.prepare(`INSERT INTO reunifications (case_id, reunified_on, created_at, updated_at) VALUES ('c1', '2025-02-28', ?, ?)`).run(now, now);
      expect(() => raw.prepare(`INSERT INTO reunifications (case_id, reunified_on, created_at, updated_at) VALUES ('c1', '2025-02-28', ?, ?)`).run(now, now)).toThrow(
        /UNIQUE|PRIMARY/,
      );
      raw
        .prepare(`INSERT INTO reunification_willingness_documents (case_id, kind, mime, bytes, data, updated_at) VALUES ('c1', 'signature', 'image/png', 3, ?, ?)`)
        .run(Buffer.from([1, 2, 3]), now);
      expect(() => raw.prepare(`INSERT INTO reunification_package_items (case_id, position, item, quantity) VALUES ('c1', 0, 'Mattress', 0)`).run()).toThrow(/CHECK/);
    } finally {
      raw.close();
    }
  });
});
