// The indicator facts kept by triggers (electron/core/reports/facts.ts), with the case columns
// splits read that each fact carries, stay equal to a recomputation
// from scratch while records change through the real channels: registering (assisted and
// spontaneous), tracing (and removing an action), well-being scores, reunification (and editing
// its date), and a closure recommended and approved. Also: the rebuild the migration uses gives
// the same table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDatabase } from '../../../electron/core/db/open';
import { factDefinitions } from '../../../electron/core/reports/facts';
import { factDimColumns, factRowsSql, rebuildReportFacts } from '../../../electron/core/reports/facts-install';
import { completeAssessment } from '../assessments/stage-one';
import { completeChecklist, setUpReviewTeam, type ReviewTeam } from '../closure/fixture';
import { caseInStage, daysAgo } from '../reunification/fixture';
import { handMadeOffice } from './office';
import { useStatsOf100k } from '../../fixtures/stats';

let team: ReviewTeam;
beforeAll(async () => {
  team = await setUpReviewTeam();
});
afterAll(() => team.office.cleanup());

type Row = Record<string, unknown>;
const order = 'ORDER BY indicator, at, case_id';
const kept = (raw: RawDatabase) =>
  raw.prepare(`SELECT indicator, case_id, at, num, unk, ref, days, x, n, y, prev, ${factDimColumns.join(', ')} FROM report_facts ${order}`).all() as Row[];

/** Every fact carries its case's split columns as the case has them now (registration as its day), and its care arrangements. */
function expectCaseColumns(raw: RawDatabase) {
  const care = (what: string) => `(SELECT ${what} FROM preparation_care p WHERE p.case_id = f.case_id`;
  const expected: Record<string, string> = {
    registered_at: 'substr(c.registered_at, 1, 10)',
    care_from: `${care('min(p.since)')})`,
    care_latest_on: `${care('max(p.since)')})`,
    care_latest: `${care('p.arrangement')} ORDER BY p.since DESC, p.recorded_at DESC LIMIT 1)`,
  };
  const stale = raw
    .prepare(`SELECT f.indicator, f.case_id FROM report_facts f JOIN cases c ON c.id = f.case_id WHERE ${factDimColumns.map((col) => `f.${col} IS NOT ${expected[col] ?? `c.${col}`}`).join(' OR ')}`)
    .all();
  expect(stale).toEqual([]);
  expect(factDimColumns).toEqual(expect.arrayContaining(Object.keys(expected)));
}

const fromScratch = (raw: RawDatabase) =>
  raw.prepare(`SELECT * FROM (${factDefinitions.map((f) => factRowsSql(f, () => '1')).join(' UNION ALL ')}) ${order}`).all() as Row[];

/** The kept tables equal the recomputation, and hold `indicator` rows for the case. */
function expectInStep(caseId: string, indicators: string[]) {
  const raw = team.raw();
  const table = kept(raw);
  expect(table).toEqual(fromScratch(raw));
  expectCaseColumns(raw);
  const mine = new Set(table.filter((r) => r.case_id === caseId).map((r) => r.indicator));
  for (const id of indicators) expect(mine).toContain(id);
}

describe('indicator facts kept by triggers', () => {
  it('stay equal to a recomputation through registration, tracing and well-being scores', async () => {
    const caseId = await caseInStage(team, 'tracing_assessment', 60);
    expectInStep(caseId, ['registered']);
    await team.worker.ok('consents.record', {
      caseId,
      consent: { givenBy: 'guardian', giverName: 'District Probation Officer', relationship: 'guardian', purposes: ['tracing'], method: 'written', date: daysAgo(59) },
    });
    await team.worker.ok('tracing.add', { caseId, action: { date: daysAgo(40), method: 'phone_call', result: 'lead' } });
    const found = await team.worker.ok('tracing.add', { caseId, action: { date: daysAgo(30), method: 'home_visit', result: 'family_found' } });
    expectInStep(caseId, ['traced', 'assessedBeforeTracing']);
    expect(kept(team.raw()).filter((r) => r.indicator === 'traced' && r.case_id === caseId).map((r) => r.x)).toEqual([daysAgo(30), daysAgo(30)]);
    await team.worker.ok('tracing.remove', { caseId, actionId: found.id, reason: 'Entered on the wrong case' });
    expectInStep(caseId, ['traced']);
    expect(kept(team.raw()).filter((r) => r.indicator === 'traced' && r.case_id === caseId).map((r) => r.x)).toEqual([null]);
    await completeAssessment(team.worker, caseId, 'child_assessment', daysAgo(45));
    expectInStep(caseId, ['assessed']);
    expect(kept(team.raw()).find((r) => r.indicator === 'assessedBeforeTracing' && r.case_id === caseId)?.num).toBe(1);
  });

  it('stay equal through a spontaneous return and a reunification whose date is then corrected', async () => {
    const child = { givenName: 'Ojok', familyName: 'Okot', sex: 'male' as const, dateOfBirth: '2012-01-01', separationReasons: ['poverty' as const], separationPlace: 'Gulu', area: 'Gulu', careArrangement: 'street' as const };
    const home = await team.worker.ok('cases.register', { child, spontaneous: { kind: 'returned_alone', reunifiedOn: daysAgo(10), caregiverNames: 'Grandmother' } });
    expectInStep(home.id, ['reunified', 'wellbeingImproved', 'livingWithFamily6', 'livingWithFamily12', 'reSeparation']);

    const caseId = await caseInStage(team, 'reunification');
    const record = {
      caseId,
      version: null,
      reunifiedOn: daysAgo(5),
      willingness: { statedBy: 'Achieng Okello (mother)', statedOn: daysAgo(10), statement: 'We are ready.' },
      guardianship: { from: 'Gulu Transit Centre', to: 'Achieng Okello', transferredOn: daysAgo(5), reference: 'GUL/CT/1' },
      accompaniedBy: 'Her aunt',
      childChoices: 'She chose her aunt to come with her.',
      packageItems: [],
      enrolments: [],
    };
    await team.worker.ok('reunification.save', record);
    expectInStep(caseId, ['reunified', 'daysInCare', 'wellbeingImproved']);
    await team.worker.ok('reunification.save', { ...record, version: 1, reunifiedOn: daysAgo(4), guardianship: { ...record.guardianship, transferredOn: daysAgo(4) } });
    expectInStep(caseId, ['reunified']);
    expect(kept(team.raw()).filter((r) => r.indicator === 'reunified' && r.case_id === caseId).map((r) => r.at)).toEqual([daysAgo(4)]);
    await completeAssessment(team.worker, caseId, 'csi', daysAgo(6), 2);
    expectInStep(caseId, ['wellbeingImproved']);
  });

  it('stay equal through a closure recommended and approved, with a low well-being factor at closure', async () => {
    const caseId = await caseInStage(team, 'follow_up');
    await completeAssessment(team.worker, caseId, 'csi', daysAgo(3), 2);
    await team.worker.ok('closure.recommend', { caseId, version: await team.version(caseId), reason: 'reintegrated', checklist: completeChecklist });
    expectInStep(caseId, []);
    const closureId = (await team.worker.ok('closure.get', { caseId })).closures[0].id;
    await team.supervisor.ok('closure.decide', { caseId, closureId, decision: 'approved', note: 'Reintegration secure' });
    expectInStep(caseId, ['closed', 'lowFactorAtClosure']);
    expect(kept(team.raw()).find((r) => r.indicator === 'lowFactorAtClosure' && r.case_id === caseId)).toMatchObject({ num: 1, unk: 0 });
  });

  it('stay equal on the hand-made office, row by row, through updates and deletes of every other table a fact reads', async () => {
    const office = await handMadeOffice();
    try {
      const { raw } = office;
      const same = () => expect(kept(raw)).toEqual(fromScratch(raw));
      same();
      const changes = [
        `UPDATE consents SET withdrawn_on = '2025-02-01' WHERE id = 's1'`,
        `UPDATE contacts SET held_on = '2025-03-01' WHERE id = 'k1'`,
        `UPDATE contact_refusals SET refused_by = 'child' WHERE id = 'x1'`,
        `UPDATE cases SET halted_at = '2025-02-10T00:00:00.000Z' WHERE id = 'B'`,
        `DELETE FROM plan_objectives WHERE id = 'o1'`,
        `UPDATE partner_offices SET kind = 'office' WHERE id = 'p-la'`,
        `UPDATE transfers SET status = 'accepted', decided_at = '2025-03-02T00:00:00.000Z' WHERE id = 'tr3'`,
        `UPDATE referrals SET status = 'completed' WHERE id = 'rf2'`,
        `UPDATE followup_outcomes SET living = 'other_family', welcomed = 'mostly' WHERE id = 'oc2'`,
        `DELETE FROM followup_breakdowns WHERE id = 'bd1'`,
        `UPDATE followup_visits SET date = '2025-02-28' WHERE id = 'v2'`,
        `UPDATE followup_contacts SET status = 'done', visit_id = 'v1' WHERE id = 'fc3'`,
        `UPDATE gate_exceptions SET status = 'refused' WHERE id = 'g1'`,
        `UPDATE bids SET decided_at = '2025-02-20T00:00:00.000Z' WHERE id = 'b1'`,
        `DELETE FROM plan_acknowledgements WHERE case_id = 'A'`,
        `UPDATE preparation_care SET since = '2025-01-05' WHERE id = 'pc1'`,
        `INSERT INTO preparation_care (id, case_id, arrangement, place, since, recorded_at) SELECT 'pc9', case_id, 'kinship_care', place, date(since, '+20 days'), recorded_at FROM preparation_care WHERE id = 'pc1'`,
        `DELETE FROM preparation_care WHERE id = 'pc1'`,
        `UPDATE cases SET separation_date = '2024-02-01', sex = 'male', area = 'East' WHERE id = 'D'`,
        `UPDATE cases SET date_of_birth = '2013-04-05', has_disability = 1, separation_reasons = '["conflict","poverty"]', care_arrangement = 'kinship_care' WHERE id = 'A'`,
        `UPDATE plan_versions SET status = 'superseded', superseded_at = '2025-03-01T00:00:00.000Z' WHERE id = 'pD'`,
        `INSERT INTO plan_versions (id, case_id, version, status, acknowledged_on, created_at, updated_at) VALUES ('pD2', 'D', 2, 'current', '2025-03-01', '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z')`,
        `UPDATE cases SET halted_at = '2025-03-05T00:00:00.000Z' WHERE id = 'A'`,
        `UPDATE case_closures SET status = 'approved', decided_at = '2025-03-29T00:00:00.000Z' WHERE id = 'cl2'`,
        `UPDATE assessments SET answers = '{"emotional_health":4}' WHERE id = 'wD1'`,
        `UPDATE tracing_actions SET removed_at = '2025-02-02T00:00:00.000Z' WHERE id = 't2'`,
        `DELETE FROM reunifications WHERE case_id = 'D'`,
        `UPDATE case_events SET details = json_set(details, '$.reunifiedOn', '2024-09-01') WHERE type = 'case.spontaneousReunification'`,
      ];
      for (const change of changes) {
        raw.prepare(change).run();
        same();
        expectCaseColumns(raw);
      }
    } finally {
      office.cleanup();
    }
  });

  it('the rebuild the migration runs gives the same table', () => {
    const raw = team.raw();
    const before = kept(raw);
    expect(before.length).toBeGreaterThan(10);
    raw.transaction(() => rebuildReportFacts(raw))();
    expect(kept(raw)).toEqual(before);
  });

  it('each trigger touches only the changed child\'s facts, with a 100 000-case office\'s planner statistics', () => {
    const raw = team.raw();
    useStatsOf100k(raw);
    const triggers = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_facts_%'`).all() as { name: string; sql: string }[];
    expect(triggers.length).toBeGreaterThan(50);
    for (const { name, sql } of triggers) {
      // The DELETE of each trigger, with the changed row's child as a constant.
      const statement = /DELETE FROM report_facts[^;]*;/.exec(sql)![0].replace(/\b(NEW|OLD)\.(\w+)/g, "'x'");
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((r) => r.detail);
      // The primary key's prefix (every fact of the indicator) cost 30 ms per row written at 100 000 cases.
      expect({ name, plan: plan.filter((d) => /report_facts USING PRIMARY KEY|SCAN report_facts/.test(d)) }).toEqual({ name, plan: [] });
    }
    // A case's new split columns are written onto its own facts, found by the child's index.
    const dims = raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'report_case_dims'`).get() as { sql: string };
    const update = /UPDATE report_facts[^;]*;/.exec(dims.sql)![0].replace(/\b(NEW|OLD)\.(\w+)/g, "'x'");
    const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${update}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/SEARCH report_facts USING (COVERING )?INDEX report_facts_case \(case_id=\?\)/);
  });
});

