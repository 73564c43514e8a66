// The upgrade case for migration 0022 (indicator facts): a child at version 20, registered, traced
// (family found) and reunified; at version 21 the facts of those records are already in
// report_facts (the backfill), triggers keep them in step with a later write, and a period of an
// indicator is one range of the table's primary key.
import { expect } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { insertRow, type MigrationCase } from '../../fixtures/migrations';

const at = '2025-03-01T08:00:00.000Z';
const facts = (raw: RawDatabase) =>
  (raw.prepare(`SELECT indicator, at, num FROM report_facts WHERE case_id = 'm19-case' ORDER BY indicator, at`).all() as { indicator: string; at: string; num: number }[]).map(
    (r) => `${r.indicator}@${r.at}=${r.num}`,
  );

export const migration0022Case: MigrationCase = {
  seed(raw) {
    insertRow(raw, 'cases', {
      id: 'm19-case', number: 'GUL-2025-90019', seq: 90019, given_name: 'Akello', search_text: 'akello', sex: 'female', documentation_status: 'unknown',
      separation_reasons: '["poverty"]', care_arrangement: 'unknown', stage: 'follow_up', status: 'open', risk_level: 'low', priority: 'normal', registered_at: at, updated_at: at,
    });
    raw
      .prepare(`INSERT INTO tracing_actions (id, case_id, date, method, country, result, created_at, updated_at) VALUES ('m19-t1', 'm19-case', '2025-03-05', 'home_visit', 'UG', 'family_found', ?, ?)`)
      .run(at, at);
    raw.prepare(`INSERT INTO reunifications (case_id, reunified_on, created_at, updated_at) VALUES ('m19-case', '2025-04-10', ?, ?)`).run(at, at);
  },
  check(raw) {
    // Filled from the records the office already had.
    expect(facts(raw)).toEqual([
      'acceptReunification@2025-04-10=0',
      'assessedBeforeTracing@2025-03-05=0',
      'consentRecorded@2025-03-01=0',
      'daysInCare@2025-04-10=0',
      'livingWithFamily12@2026-04-10=0',
      'livingWithFamily6@2025-10-10=0',
      'reSeparation@2026-04-10=0',
      'registered@2025-03-01=1',
      'reunified@2025-04-10=1',
      'supportPlanAgreed@2025-04-10=0',
      'traced@2025-03-05=0',
      'wellbeingImproved@2025-04-10=0',
    ]);
    // Kept by triggers: a completed child assessment before the first tracing action.
    raw
      .prepare(`INSERT INTO assessments (id, case_id, template_key, template_version, kind, date, status, created_at, updated_at)
        VALUES ('m19-a1', 'm19-case', 'child_assessment', 1, 'child', '2025-03-02', 'completed', ?, ?)`)
      .run(at, at);
    expect(facts(raw)).toContain('assessedBeforeTracing@2025-03-05=1');
    expect(facts(raw)).toContain('assessed@2025-03-02=1');
    const plan = (raw.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM report_facts WHERE indicator = 'registered' AND at BETWEEN '2025-01-01' AND '2025-03-31'`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' ');
    // One range of the date's order: the primary key, or (from migration 27) its narrow copy.
    expect(plan).toMatch(/USING (PRIMARY KEY|COVERING INDEX report_facts_day) \(indicator=\? AND at>\? AND at<\?\)/);
  },
};
