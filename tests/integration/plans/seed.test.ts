// The generator's plans and preparation agree with each case's stage: a case past stage 1 has an
// acknowledged plan and a review date on the case; past preparation, a care arrangement and a
// monitor; and the gates a case has already passed are open according to the real facts.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namePools } from '../../../electron/core/cases/seed-names';
import type { SeedCase, SeedContext } from '../../../electron/core/cases/seed-types';
import type { RawDatabase } from '../../../electron/core/db/open';
import { seedPlans } from '../../../electron/core/plans/seed';
import { seedPreparation } from '../../../electron/core/preparation/seed';
import type { Stage } from '../../../shared/cases/stages';
import { languages } from '../../../shared/i18n/languages';
import { openRawWithKey } from '../../fixtures/core';
import { officeOnClock, type ClockOffice } from './helpers';

let o: ClockOffice;
let raw: RawDatabase;
const now = new Date('2026-06-15T12:00:00.000Z');
const stages: Stage[] = ['tracing_assessment', 'preparation', 'reunification', 'follow_up'];

/** A seeded random source (mulberry32), so a failure here can be reproduced. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  o = await officeOnClock(now.toISOString());
  const rng = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  // Cases registered through the API, then spread over three years and all stages, as the generator does.
  const cases: SeedCase[] = [];
  for (let i = 0; i < 160; i += 1) {
    const row = await o.register();
    const language = languages[i % languages.length];
    const spontaneous = i % 25 === 0;
    cases.push({
      id: row.id,
      number: row.number,
      stage: spontaneous ? 'follow_up' : stages[i % stages.length],
      status: i % 30 === 7 ? 'halted' : 'open',
      registeredAt: new Date(now.getTime() - Math.floor(rng() * 3 * 365) * 86_400_000 - 3_600_000).toISOString(),
      workerId: o.users.worker.id,
      language,
      givenName: row.givenName,
      familyName: row.familyName,
      sex: 'female',
      ageYears: 4 + (i % 12),
      area: 'Gulu',
      spontaneous,
    });
  }
  raw = openRawWithKey(o.core);
  const ctx: SeedContext = {
    raw,
    rng,
    now,
    staff: [
      { id: o.users.worker.id, displayName: 'Wanjiru Worker', role: 'caseworker' },
      { id: o.users.supervisor.id, displayName: 'Sara Supervisor', role: 'supervisor' },
    ],
    pick,
    uuid: () => crypto.randomUUID(),
    dateBetween(from, to) {
      const a = Date.parse(from);
      const b = Math.max(a, Date.parse(to));
      return new Date(a + rng() * (b - a)).toISOString().slice(0, 10);
    },
    personName(language, sex) {
      return { givenName: pick(namePools[language][sex]), familyName: pick(namePools[language].family) };
    },
  };
  raw.transaction(() => {
    const update = raw.prepare('UPDATE cases SET registered_at = ?, stage = ?, status = ?, spontaneous = ? WHERE id = ?');
    for (const c of cases) update.run(c.registeredAt, c.stage, c.status, c.spontaneous ? 1 : 0, c.id);
    seedPlans(ctx, cases);
    seedPreparation(ctx, cases);
  })();
});
afterAll(() => {
  raw?.close();
  o?.cleanup();
});

const all = <T>(sql: string): T[] => raw.prepare(sql).all() as T[];
const one = (sql: string): number => (raw.prepare(sql).get() as { n: number }).n;

describe('generated plans and preparation', () => {
  it('every case past stage 1 has exactly one current, acknowledged plan and a review date', () => {
    expect(
      one(`SELECT count(*) AS n FROM cases c WHERE c.stage != 'tracing_assessment'
           AND (SELECT count(*) FROM plan_versions v JOIN plan_acknowledgements a ON a.plan_version_id = v.id
                WHERE v.case_id = c.id AND v.status = 'current') != 1`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) AS n FROM cases c JOIN plan_versions v ON v.case_id = c.id AND v.status = 'current'
           WHERE c.review_due IS NULL`),
    ).toBe(0);
  });

  it('review dates follow the three-month rule, and some open plans are overdue, most not', () => {
    const rows = all<{ due: string; ack: string; last: string | null }>(
      `SELECT c.review_due AS due, v.acknowledged_on AS ack, (SELECT max(date) FROM plan_reviews r WHERE r.case_id = c.id) AS last
       FROM cases c JOIN plan_versions v ON v.case_id = c.id AND v.status = 'current'`,
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const from = r.last && r.last > r.ack ? r.last : r.ack;
      const [y, m] = from.split('-').map(Number);
      const expected = new Date(Date.UTC(y, m - 1 + 3, 1)).toISOString().slice(0, 7);
      expect(r.due.slice(0, 7)).toBe(expected);
    }
    const today = now.toISOString().slice(0, 10);
    const overdue = rows.filter((r) => r.due < today).length;
    expect(overdue).toBeGreaterThan(rows.length * 0.05);
    expect(overdue).toBeLessThan(rows.length * 0.6);
  });

  it('no plan record is dated before its case was registered or after now', () => {
    const today = now.toISOString().slice(0, 10);
    expect(
      one(`SELECT count(*) AS n FROM plan_acknowledgements a JOIN cases c ON c.id = a.case_id
           WHERE a.date < substr(c.registered_at, 1, 10) OR a.date > '${today}' OR a.recorded_at < c.registered_at`),
    ).toBe(0);
    expect(one(`SELECT count(*) AS n FROM plan_reviews WHERE date > '${today}'`)).toBe(0);
    expect(
      one(`SELECT count(*) AS n FROM preparation_care p JOIN cases c ON c.id = p.case_id
           WHERE p.since > '${today}' OR p.recorded_at < c.registered_at OR p.recorded_at > '${now.toISOString()}'`),
    ).toBe(0);
  });

  it('every case past preparation has a care arrangement and a monitor (a spontaneous one, a monitor)', () => {
    expect(
      one(`SELECT count(*) AS n FROM cases c WHERE c.stage IN ('reunification', 'follow_up', 'closure') AND c.spontaneous = 0
           AND (NOT EXISTS (SELECT 1 FROM preparation_care p WHERE p.case_id = c.id)
             OR NOT EXISTS (SELECT 1 FROM preparation_monitors m WHERE m.case_id = c.id))`),
    ).toBe(0);
    expect(
      one(`SELECT count(*) AS n FROM cases c WHERE c.spontaneous = 1
           AND NOT EXISTS (SELECT 1 FROM preparation_monitors m WHERE m.case_id = c.id)`),
    ).toBe(0);
    expect(one(`SELECT count(*) AS n FROM preparation_care p JOIN cases c ON c.id = p.case_id WHERE c.stage = 'tracing_assessment'`)).toBe(0);
  });

  it('a case waiting in preparation shows its arrangement on the case header', () => {
    expect(
      one(`SELECT count(*) AS n FROM cases c JOIN preparation_care p ON p.case_id = c.id
           WHERE c.stage = 'preparation' AND (c.care_arrangement != p.arrangement OR c.care_place != p.place)`),
    ).toBe(0);
  });

  it('the core reads a seeded case like any other: its facts open the gates it has passed', async () => {
    const ids = all<{ id: string; stage: string; spontaneous: number }>(`SELECT id, stage, spontaneous FROM cases`);
    for (const c of ids) {
      const file = await o.supervisor.ok('cases.get', { caseId: c.id });
      if (c.stage !== 'tracing_assessment') expect(file.facts.planAcknowledged).toBe(true);
      if (['reunification', 'follow_up'].includes(c.stage) && !c.spontaneous) {
        expect(file.facts.careArrangement && file.facts.monitorAssigned).toBe(true);
      }
      const plan = await o.supervisor.ok('plans.get', { caseId: c.id });
      expect(plan.reviewDue).toBe(file.reviewDue);
      await o.supervisor.ok('preparation.get', { caseId: c.id });
    }
  });
});
