// The upgrade case for migration 0019 (directory search speed): an office with an area tree
// (region → district → two sub-counties) and a service before the upgrade; afterwards the tree's
// closure, the service's languages and its words are indexed, and the triggers keep them in step
// with an area added or moved, languages changed, a provider renamed and a service removed.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import type { MigrationCase } from '../../fixtures/migrations';

const at = '2025-03-01T08:00:00.000Z';
const area = (raw: RawDatabase, id: string, parent: string | null) =>
  raw.prepare(`INSERT INTO service_areas (id, code, name, level, parent_id, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?, ?)`).run(id, id.toUpperCase(), `Area ${id}`, parent, at, at);
const closure = (raw: RawDatabase) =>
  (raw.prepare('SELECT ancestor_id, descendant_id, depth FROM service_area_closure ORDER BY 1, 2').all() as { ancestor_id: string; descendant_id: string; depth: number }[]).map(
    (r) => `${r.ancestor_id}>${r.descendant_id}:${r.depth}`,
  );
const words = (raw: RawDatabase, table: string, query: string) =>
  (raw.prepare(`SELECT s.id FROM ${table} f JOIN services s ON s.rowid = f.rowid WHERE ${table} MATCH ? ORDER BY s.id`).all(query) as { id: string }[]).map((r) => r.id);

export const migration0019Case: MigrationCase = {
  seed(raw) {
    area(raw, 'r', null);
    area(raw, 'd', 'r');
    area(raw, 's1', 'd');
    area(raw, 's2', 'd');
    raw.prepare(`INSERT INTO service_providers (id, name, name_key, kind, created_at, updated_at) VALUES ('m20-p', 'Gulu Counselling Centre', 'gulu counselling centre', 'ngo', ?, ?)`).run(at, at);
    raw
      .prepare(
        `INSERT INTO services (id, provider_id, name, category, description, languages, created_at, updated_at)
         VALUES ('m20-s', 'm20-p', 'Trauma counselling', 'mental_health', 'Séances pour enfants', '["English", " Acholi "]', ?, ?)`,
      )
      .run(at, at);
    raw.prepare(`INSERT INTO service_coverage (service_id, area_id) VALUES ('m20-s', 's1')`).run();
    raw
      .prepare(
        `INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, documentation_status,
           separation_reasons, care_arrangement, area, stage, status, risk_level, risk_rank, priority, registered_at, updated_at)
         VALUES ('m20-case', 'GUL-2025-90020', 90020, 'GUL', 'Akello', 'Nyeko', 'akello nyeko', 'female', 'unknown', '[]', 'unknown', 'Pece', 'follow_up', 'open', 'low', 1, 'normal', ?, ?)`,
      )
      .run(at, at);
    const referral = raw.prepare(`INSERT INTO referrals (id, case_id, provider_id, category, area_key, need, urgency, status, created_at, updated_at) VALUES (?, 'm20-case', 'm20-p', 'mental_health', 'pece', 'n', 'routine', ?, ?, ?)`);
    for (const [id, status] of [['m20-r1', 'sent'], ['m20-r2', 'declined'], ['m20-r3', 'no_response'], ['m20-r4', 'draft'], ['m20-r5', 'completed']]) referral.run(id, status, at, at);
  },
  check(raw) {
    // Referrals already on file are counted (this case's, in Pece; earlier migrations' cases left one in Layibi); later moves follow.
    const referrals = () => raw.prepare(`SELECT area_key, category, pending, declined FROM referral_counts WHERE area_key = 'pece' AND (pending > 0 OR declined > 0) ORDER BY category`).all();
    expect(referrals()).toEqual([{ area_key: 'pece', category: 'mental_health', pending: 1, declined: 2 }]);
    raw.prepare(`UPDATE referrals SET status = 'accepted' WHERE id = 'm20-r1'`).run();
    raw.prepare(`UPDATE referrals SET status = 'declined' WHERE id = 'm20-r4'`).run();
    raw.prepare(`UPDATE referrals SET category = 'legal_aid' WHERE id = 'm20-r2'`).run();
    expect(referrals()).toEqual([
      { area_key: 'pece', category: 'legal_aid', pending: 0, declined: 1 },
      { area_key: 'pece', category: 'mental_health', pending: 1, declined: 2 },
    ]);
    const version = () => (raw.prepare('SELECT n FROM directory_version').get() as { n: number }).n;
    const before = version();
    // The tree as it was: every pair, each area with itself at depth 0.
    expect(closure(raw)).toEqual(['d>d:0', 'd>s1:1', 'd>s2:1', 'r>d:1', 'r>r:0', 'r>s1:2', 'r>s2:2', 's1>s1:0', 's2>s2:0']);
    expect(raw.prepare('SELECT language, service_id FROM service_languages ORDER BY 1').all()).toEqual([
      { language: 'acholi', service_id: 'm20-s' },
      { language: 'english', service_id: 'm20-s' },
    ]);
    // Any substring of 3+ characters, in any case and without its accents; short words by their start.
    expect(words(raw, 'services_text', '"UMA COUN"')).toEqual(['m20-s']);
    expect(words(raw, 'services_text', '"seances"')).toEqual(['m20-s']);
    expect(words(raw, 'services_text', '"gulu" AND "trauma"')).toEqual(['m20-s']);
    expect(words(raw, 'services_words', '"gu"*')).toEqual(['m20-s']);
    expect(words(raw, 'services_words', '"ul"*')).toEqual([]);

    // An area added under s1, then s1 moved (with it) from d to a new district d2.
    area(raw, 'v', 's1');
    area(raw, 'd2', 'r');
    raw.prepare(`UPDATE service_areas SET parent_id = 'd2', updated_at = ? WHERE id = 's1'`).run(at);
    expect(closure(raw)).toEqual([
      'd>d:0', 'd>s2:1',
      'd2>d2:0', 'd2>s1:1', 'd2>v:2',
      'r>d:1', 'r>d2:1', 'r>r:0', 'r>s1:2', 'r>s2:2', 'r>v:3',
      's1>s1:0', 's1>v:1',
      's2>s2:0', 'v>v:0',
    ]);
    // Every change to the directory moves its version (the gap matrix's cache of the directory's side).
    expect(version()).toBe(before + 3);
    // Saving an area without moving it changes nothing.
    raw.prepare(`UPDATE service_areas SET parent_id = 'd2', name = 'Renamed' WHERE id = 's1'`).run();
    expect(closure(raw)).toHaveLength(15);

    raw.prepare(`UPDATE services SET languages = '["Luganda"]' WHERE id = 'm20-s'`).run();
    expect(raw.prepare('SELECT language FROM service_languages').all()).toEqual([{ language: 'luganda' }]);
    raw.prepare(`UPDATE service_providers SET name = 'Hope Centre' WHERE id = 'm20-p'`).run();
    expect(words(raw, 'services_text', '"hope"')).toEqual(['m20-s']);
    expect(words(raw, 'services_text', '"gulu"')).toEqual([]);
    raw.prepare(`UPDATE services SET name = 'Play therapy' WHERE id = 'm20-s'`).run();
    expect(words(raw, 'services_words', '"pl"*')).toEqual(['m20-s']);
    expect(words(raw, 'services_text', '"trauma"')).toEqual([]);
    raw.prepare(`DELETE FROM service_coverage WHERE service_id = 'm20-s'`).run();
    raw.prepare(`DELETE FROM services WHERE id = 'm20-s'`).run();
    expect(words(raw, 'services_text', '"hope"')).toEqual([]);
    expect(raw.prepare('SELECT count(*) AS n FROM service_languages').get()).toEqual({ n: 0 });

    // The search's area condition is two ranges of the closure's indexes, not a scan.
    const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT c.service_id FROM service_area_closure x JOIN service_coverage c ON c.area_id = x.descendant_id WHERE x.ancestor_id = ?
        UNION SELECT c.service_id FROM service_area_closure x JOIN service_coverage c ON c.area_id = x.ancestor_id WHERE x.descendant_id = ?`).all('d', 'd') as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).not.toMatch(/SCAN (x|c)\b/);
  },
};
