// The upgrade case for migration 0015 (services and referrals): a case at version 14 with a current
// plan (an open health objective) and a completed Child Status Index (emotional health at 1); at
// version 15 the directory tables exist with the Guidelines' categories, the case's open needs are
// already in case_needs, and the triggers keep them in step with later changes.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import type { MigrationCase } from '../../fixtures/migrations';

const at = '2025-03-01T08:00:00.000Z';
const needs = (raw: RawDatabase) =>
  (raw.prepare(`SELECT category, source, area_key FROM case_needs WHERE case_id = 'm15-case' ORDER BY category, source`).all() as { category: string; source: string; area_key: string }[]).map(
    (r) => `${r.category}/${r.source}/${r.area_key}`,
  );

export const migration0015Case: MigrationCase = {
  seed(raw) {
    raw
      .prepare(
        `INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, documentation_status,
           separation_reasons, care_arrangement, area, stage, status, risk_level, risk_rank, priority, registered_at, updated_at)
         VALUES ('m15-case', 'GUL-2025-90015', 90015, 'GUL', 'Akello', 'Nyeko', 'akello nyeko', 'female', 'unknown', '["poverty"]',
           'unknown', 'Pece', 'follow_up', 'open', 'low', 1, 'normal', ?, ?)`,
      )
      .run(at, at);
    raw.prepare(`INSERT INTO plan_versions (id, case_id, version, status, acknowledged_on, created_at, updated_at) VALUES ('m15-v1', 'm15-case', 1, 'current', '2025-03-01', ?, ?)`).run(at, at);
    raw
      .prepare(
        `INSERT INTO plan_objectives (id, plan_version_id, case_id, objective_key, position, domain, objective, indicator, target_date, responsible, status, updated_at)
         VALUES ('m15-o1', 'm15-v1', 'm15-case', 'k1', 0, 'health', 'o', 'i', '2025-06-01', 'r', 'in_progress', ?)`,
      )
      .run(at);
    raw
      .prepare(
        `INSERT INTO assessments (id, case_id, template_key, template_version, kind, date, status, answers, created_at, updated_at)
         VALUES ('m15-a1', 'm15-case', 'csi', 1, 'wellbeing', '2025-03-01', 'completed', '{"emotional_health":1,"wellness":3}', ?, ?)`,
      )
      .run(at, at);
  },
  check(raw) {
    expect((raw.prepare('SELECT count(*) AS n FROM service_categories WHERE builtin = 1').get() as { n: number }).n).toBe(13);
    // The open needs of cases already on file are there from the start.
    expect(needs(raw)).toEqual(['health/objective/pece', 'mental_health/wellbeing/pece']);
    const counts = () => raw.prepare(`SELECT area_key, category, n FROM need_counts WHERE n > 0 ORDER BY area_key, category`).all();
    expect(counts()).toEqual([
      { area_key: 'pece', category: 'health', n: 1 },
      { area_key: 'pece', category: 'mental_health', n: 1 },
    ]);
    // The triggers follow later changes: the objective achieved, the child moved, a referral declined, the case closed.
    raw.prepare(`UPDATE plan_objectives SET status = 'achieved' WHERE id = 'm15-o1'`).run();
    raw.prepare(`UPDATE cases SET area = 'Layibi' WHERE id = 'm15-case'`).run();
    expect(needs(raw)).toEqual(['mental_health/wellbeing/layibi']);
    raw.prepare(`INSERT INTO service_providers (id, name, name_key, kind, created_at, updated_at) VALUES ('m15-p', 'P', 'p', 'ngo', ?, ?)`).run(at, at);
    raw
      .prepare(`INSERT INTO referrals (id, case_id, provider_id, category, area_key, need, urgency, status, created_at, updated_at) VALUES ('m15-r', 'm15-case', 'm15-p', 'legal_aid', 'layibi', 'n', 'routine', 'sent', ?, ?)`)
      .run(at, at);
    raw.prepare(`UPDATE referrals SET status = 'declined' WHERE id = 'm15-r'`).run();
    expect(needs(raw)).toEqual(['legal_aid/referral/layibi', 'mental_health/wellbeing/layibi']);
    expect(counts()).toEqual([
      { area_key: 'layibi', category: 'legal_aid', n: 1 },
      { area_key: 'layibi', category: 'mental_health', n: 1 },
    ]);
    raw.prepare(`UPDATE cases SET status = 'closed' WHERE id = 'm15-case'`).run();
    expect(needs(raw)).toEqual([]);
    expect(counts()).toEqual([]);
    expect(() => raw.prepare(`INSERT INTO referrals (id, case_id, provider_id, category, need, urgency, status, created_at, updated_at) VALUES ('x', 'm15-case', 'm15-p', 'legal_aid', 'n', 'routine', 'lost', ?, ?)`).run(at, at)).toThrow(/CHECK/);
  },
};
