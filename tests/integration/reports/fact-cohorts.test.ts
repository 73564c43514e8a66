// The cohorts that count a child at its first fact of the period (fact-cohorts.ts: `prev`, and the
// follow-up visits' next late and next planned days) give, child by child, what the definitions
// give when every fact (or record) of the period is read and combined per child — the way they were
// computed before migration 26 — on a generated office, over every month, quarter and year of two
// years and a few odd periods. Plans in force are checked against plan_versions and cases themselves.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../../electron/core/client';
import type { Core } from '../../../electron/core/core';
import { cohortSql, periodParams } from '../../../electron/core/reports/engine';
import { dimensionSql, splitSql } from '../../../electron/core/reports/dimensions';
import { factCohorts } from '../../../electron/core/reports/fact-cohorts';
import { dimensions } from '../../../shared/reports/indicators';
import { generateOffice, seedPasswords } from '../../../scripts/generator';
import type { Dimension, IndicatorId, Period } from '../../../shared/reports/indicators';
import { tempDir, testKdf } from '../../fixtures/core';

const now = new Date('2026-11-25T10:00:00Z');
let dir: string;
let core: Core;

beforeAll(async () => {
  dir = tempDir();
  core = (await generateOffice({ dir, cases: 400, seed: 31, kdfCost: testKdf, now })).core;
  await createInProcessClient(core).ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
}, 180_000);
afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
function periods(): Period[] {
  const out: Period[] = [];
  for (let m = 0; m < 24; m += 1) {
    const start = new Date(Date.UTC(2025, m, 1));
    for (const months of [1, 3, 12]) out.push({ from: iso(start), to: iso(new Date(Date.UTC(2025, m + months, 0))) });
  }
  out.push({ from: '2026-02-14', to: '2026-03-03' }, { from: '2026-11-19', to: '2026-11-25' }, { from: '2024-01-01', to: '2026-11-30' });
  return out;
}

type P = ReturnType<typeof periodParams>;
/** Each indicator as it was read before: every fact (or record) of the period, combined per child. */
const reference: Partial<Record<IndicatorId, (p: P) => [string, unknown[]]>> = {
  assessed: (p) => [`SELECT case_id, 1 AS num, 0 AS unk, ? AS ref, NULL AS days FROM report_facts WHERE indicator = 'assessed' AND at BETWEEN ? AND ? GROUP BY case_id`, [p.to, p.from, p.to]],
  plansMade: (p) => [`SELECT case_id, 1 AS num, 0 AS unk, ? AS ref, NULL AS days FROM report_facts WHERE indicator = 'plansMade' AND at BETWEEN ? AND ? GROUP BY case_id`, [p.to, p.from, p.to]],
  gateExceptions: (p) => [`SELECT case_id, 1 AS num, 0 AS unk, ? AS ref, NULL AS days FROM report_facts WHERE indicator = 'gateExceptions' AND at >= ? AND at < ? GROUP BY case_id`, [p.to, p.from, p.toNext]],
  traced: (p) => [
    `SELECT case_id, coalesce(max(x <= ?), 0) AS num, 0 AS unk, ? AS ref, min(CASE WHEN x <= ? THEN days END) AS days
      FROM report_facts WHERE indicator = 'traced' AND at BETWEEN ? AND ? AND (x IS NULL OR x >= ?) GROUP BY case_id`,
    [p.to, p.to, p.to, p.from, p.to, p.from],
  ],
  acceptReunification: (p) => [
    `SELECT case_id, coalesce(max(ref BETWEEN ? AND ? AND num = 1 AND (y IS NULL OR y > ?)), 0) AS num, 0 AS unk, coalesce(ref, ?) AS ref, NULL AS days
      FROM report_facts WHERE indicator = 'acceptReunification' AND at BETWEEN ? AND ? AND x <= ? GROUP BY case_id`,
    [p.from, p.to, p.to, p.to, p.from, p.to, p.to],
  ],
  // From the visits themselves: late when one due in the period was held late or missed, or is still
  // planned with its week of grace over at the period's end; unknown when none is late and one is
  // still planned within its week.
  followUpOnTime: (p) => [
    `SELECT case_id, (late = 0 AND open = 0) AS num, (late = 0 AND open > 0) AS unk, ? AS ref, NULL AS days FROM (
      SELECT fc.case_id, sum(NOT (fc.status = 'done' AND v.date <= date(fc.due_on, '+7 days')) AND fc.status != 'planned')
          + sum(fc.status = 'planned' AND date(fc.due_on, '+7 days') < ?) AS late,
        sum(fc.status = 'planned' AND date(fc.due_on, '+7 days') >= ?) AS open
      FROM followup_contacts fc LEFT JOIN followup_visits v ON v.id = fc.visit_id
      WHERE fc.status != 'cancelled' AND fc.type IN ('home_visit', 'school_visit') AND fc.due_on BETWEEN ? AND ? GROUP BY fc.case_id)`,
    [p.to, p.to, p.to, p.from, p.to],
  ],
  consentRecorded: (p) => [
    `SELECT c.id AS case_id, EXISTS (SELECT 1 FROM consents s WHERE s.case_id = c.id AND s.given_on <= ? AND (s.withdrawn_on IS NULL OR s.withdrawn_on > ?)) AS num,
        0 AS unk, substr(c.registered_at, 1, 10) AS ref, NULL AS days FROM cases c WHERE substr(c.registered_at, 1, 10) BETWEEN ? AND ?`,
    [p.to, p.to, p.from, p.to],
  ],
  plansReviewedOnTime: (p) => [
    `SELECT v.case_id, (v.case_id IN (SELECT r.case_id FROM plan_reviews r WHERE r.date > ? AND r.date <= ?)) AS num, 0 AS unk, ? AS ref, NULL AS days
      FROM plan_versions v WHERE v.status != 'draft' AND v.acknowledged_on <= ? AND (v.superseded_at IS NULL OR v.superseded_at >= ?)
        AND v.case_id NOT IN (SELECT h.id FROM cases h WHERE h.halted_at IS NOT NULL AND h.halted_at < ?)`,
    [p.to3m, p.to, p.to, p.to3m, p.toNext, p.toNext],
  ],
};

describe('cohorts read at the first fact of the period', () => {
  it('equal the per-child combination of every fact or record of the period', () => {
    const { db, raw } = core.store.get();
    // Some consents withdrawn two months on, and a second one given later for some of those children.
    raw.exec(`UPDATE consents SET withdrawn_on = date(given_on, '+60 days') WHERE rowid % 4 = 0;
      INSERT INTO consents (id, case_id, given_by, giver_name, relationship, purposes, method, given_on, recorded_at)
        SELECT 'again-' || id, case_id, given_by, giver_name, relationship, purposes, method, date(given_on, '+120 days'), recorded_at FROM consents WHERE rowid % 8 = 0;`);
    const withdrawnChildren = (raw.prepare(`SELECT count(DISTINCT case_id) AS n FROM consents WHERE withdrawn_on IS NOT NULL`).get() as { n: number }).n;
    expect(withdrawnChildren).toBeGreaterThan(20);
    const sorted = (rows: unknown[]) => (rows as Record<string, unknown>[]).map((r) => JSON.stringify([r.case_id, r.num, r.unk, r.ref, r.days])).sort();
    const seen: Record<string, number> = {};
    const outcomes = new Set<string>();
    for (const period of periods()) {
      const p = periodParams(period);
      for (const [id, ref] of Object.entries(reference) as [IndicatorId, (p: P) => [string, unknown[]]][]) {
        const [text, params] = ref(p);
        const expected = sorted(raw.prepare(text).all(...params));
        for (const byChild of [false, true]) {
          const q = cohortSql(id, period, byChild).compile(db);
          expect({ id, period, byChild, rows: sorted(raw.prepare(`SELECT case_id, num, unk, ref, days FROM (${q.sql})`).all(...q.parameters)) }).toEqual({ id, period, byChild, rows: expected });
        }
        seen[id] = (seen[id] ?? 0) + expected.length;
        if (id === 'followUpOnTime') for (const row of expected) outcomes.add(JSON.parse(row).slice(1, 3).join('/'));
      }
    }
    // Not an empty comparison: every indicator has children (the generator writes no gate
    // exceptions: the hand-made office's known answers cover them), and follow-up has each of its
    // outcomes — on time, late, and unknown (a visit still within its week).
    for (const id of Object.keys(reference).filter((i) => i !== 'gateExceptions')) expect(seen[id], id).toBeGreaterThan(20);
    expect([...outcomes].sort()).toEqual(['0/0', '0/1', '1/0']);
  }, 120_000);
});

describe('the split columns each fact carries', () => {
  it('give every child the group its case and care records give, for every indicator, split and period', () => {
    const { db, raw } = core.store.get();
    // Children with a second waiting arrangement 40 days after the first (and a third for some), so
    // that days between two arrangements, and after the latest, are looked at.
    raw.exec(`INSERT INTO preparation_care (id, case_id, arrangement, place, since, recorded_at)
      SELECT 'x2-' || id, case_id, 'kinship_care', place, date(since, '+40 days'), recorded_at FROM preparation_care WHERE rowid % 3 = 0;
      INSERT INTO preparation_care (id, case_id, arrangement, place, since, recorded_at)
      SELECT 'x3-' || id, case_id, 'foster_care', place, date(since, '+90 days'), recorded_at FROM preparation_care WHERE rowid % 6 = 0 AND id NOT LIKE 'x%'`);
    let between = 0;
    for (const period of periods().filter((_, i) => i % 4 === 0)) {
      const p = periodParams(period);
      for (const [id, cohort] of Object.entries(factCohorts)) {
        const q = cohort({ ...p, dims: true }).compile(db);
        for (const by of dimensions as readonly Dimension[]) {
          const [fromFact, fromCase] = (['k', 'c'] as const).map((from) =>
            by === 'reason' ? splitSql(by, from).expr.compile(db).sql : dimensionSql(by, from).compile(db).sql,
          );
          const rows = raw
            .prepare(`SELECT k.case_id, ${fromFact} AS fact, ${fromCase} AS kase FROM (${q.sql}) k JOIN cases c ON c.id = k.case_id`)
            .all(...q.parameters) as { case_id: string; fact: unknown; kase: unknown }[];
          expect({ id, by, period, differ: rows.filter((r) => r.fact !== r.kase) }).toEqual({ id, by, period, differ: [] });
          if (by === 'careSetting') {
            between += (raw.prepare(`SELECT count(*) AS n FROM (${q.sql}) k WHERE k.care_from <= k.ref AND k.care_latest_on > k.ref`).get(...q.parameters) as { n: number }).n;
          }
        }
      }
    }
    expect(between).toBeGreaterThan(10);
  }, 120_000);
});
