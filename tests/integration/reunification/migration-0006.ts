// The upgrade case for migration 0006 (contacts and reunification), in the shape of
// tests/fixtures/migrations.ts: a user and a case written at version 5, and what must hold at
// version 6. Exported so the migrations suite can list it with the others.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import type { MigrationCase } from '../../fixtures/migrations';

const at = '2025-03-01T08:00:00.000Z';

export const migration0006Case: MigrationCase = {
  seed(raw: RawDatabase) {
    raw.prepare(`INSERT OR IGNORE INTO users (id, username, display_name, role, language, created_at) VALUES ('m6-user', 'm6worker', 'M6 Worker', 'caseworker', 'en', ?)`).run(at);
    raw
      .prepare(
        `INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, documentation_status,
           separation_reasons, care_arrangement, stage, status, risk_level, risk_rank, priority, worker_id, registered_at, updated_at)
         VALUES ('m6-case', 'GUL-2025-90006', 90006, 'GUL', 'Grace', 'Okello', 'grace okello', 'female', 'unknown', '["poverty"]',
           'transit_centre', 'reunification', 'open', 'low', 0, 'normal', 'm6-user', ?, ?)`,
      )
      .run(at, at);
  },
  check(raw: RawDatabase) {
    expect(raw.prepare(`SELECT given_name, stage FROM cases WHERE id = 'm6-case'`).get()).toEqual({ given_name: 'Grace', stage: 'reunification' });
    const contact = raw.prepare(
      `INSERT INTO contacts (id, case_id, kind, mode, with_whom, status, planned_for, held_on, outcome, created_at, updated_at)
       VALUES (?, ?, ?, NULL, 'Mother', ?, ?, ?, ?, ?, ?)`,
    );
    contact.run('m6-k1', 'm6-case', 'supervised_visit', 'held', null, '2025-02-20', 'successful', at, at);
    contact.run('m6-k2', 'm6-case', 'unsupervised_visit', 'planned', '2025-03-10', null, null, at, at);
    // A held contact has its date and outcome; a planned one its date; kinds are the ladder's.
    expect(() => contact.run('m6-k3', 'm6-case', 'supervised_visit', 'held', null, null, null, at, at)).toThrow(/CHECK/);
    expect(() => contact.run('m6-k4', 'm6-case', 'remote_contact', 'planned', null, null, null, at, at)).toThrow(/CHECK/);
    expect(() => contact.run('m6-k5', 'm6-case', 'home_stay', 'planned', '2025-03-10', null, null, at, at)).toThrow(/CHECK/);
    expect(() => contact.run('m6-k6', 'no-such-case', 'short_meeting', 'planned', '2025-03-10', null, null, at, at)).toThrow(/FOREIGN KEY/);
    raw
      .prepare(`INSERT INTO contact_refusals (id, case_id, refused_on, refused_by, reasons, created_at) VALUES ('m6-r1', 'm6-case', '2025-02-21', 'family', 'Not now', ?)`)
      .run(at);
    expect(() =>
      raw.prepare(`INSERT INTO contact_refusals (id, case_id, refused_on, refused_by, reasons, created_at) VALUES ('m6-r2', 'm6-case', '2025-02-21', 'neighbour', 'x', ?)`).run(at),
    ).toThrow(/CHECK/);
    // One reunification record per case, its statement and lists hanging off it.
    const record = raw.prepare(`INSERT INTO reunifications (case_id, reunified_on, created_at, updated_at) VALUES ('m6-case', '2025-02-28', ?, ?)`);
    record.run(at, at);
    expect(() => record.run(at, at)).toThrow(/UNIQUE|PRIMARY/);
    raw
      .prepare(`INSERT INTO reunification_willingness_documents (case_id, kind, mime, bytes, data, updated_at) VALUES ('m6-case', 'signature', 'image/png', 3, ?, ?)`)
      .run(Buffer.from([1, 2, 3]), at);
    raw.prepare(`INSERT INTO reunification_package_items (case_id, position, item, quantity) VALUES ('m6-case', 0, 'Mattress', 1)`).run();
    expect(() => raw.prepare(`INSERT INTO reunification_package_items (case_id, position, item, quantity) VALUES ('m6-case', 1, 'Blanket', 0)`).run()).toThrow(/CHECK/);
    raw.prepare(`INSERT INTO reunification_enrolments (case_id, position, service, provider) VALUES ('m6-case', 0, 'school', 'Layibi Primary')`).run();
    expect(() => raw.prepare(`INSERT INTO reunification_enrolments (case_id, position, service) VALUES ('m6-case', 1, 'circus')`).run()).toThrow(/CHECK/);
  },
};
