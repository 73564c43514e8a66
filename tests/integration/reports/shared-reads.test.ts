// The dashboard's statements shared between the main connection and the second reader's thread
// (db/shared-reads.ts): on a generated office, every split, filter and period gives the same
// figures on one thread and on two; each split's groups (age read by whole years, reasons by the
// stored list, folded in JavaScript) equal the count of the children behind each group, as the case
// list reads them (dimensions' SQL conditions); a reader that cannot open falls back to the main
// connection; and closing the database closes the reader first (a file swap finds no other connection).
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/core/client';
import type { Core } from '../../../electron/core/core';
import { ReadWorker } from '../../../electron/core/db/shared-reads';
import { bandOfYears, reasonsOf } from '../../../electron/core/reports/dimensions';
import { computeIndicators, computeSplits, selectionSql } from '../../../electron/core/reports/engine';
import { generateOffice, seedPasswords } from '../../../scripts/generator';
import { dimensions, indicatorMeta, type Dimension, type Period, type ReportFilters } from '../../../shared/reports/indicators';
import { tempDir, testKdf } from '../../fixtures/core';

const now = new Date('2026-11-25T10:00:00Z');
const periods: Period[] = [
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2025-10-01', to: '2026-09-30' },
];
let dir: string;
let core: Core;
let supervisor: InProcessClient;

beforeAll(async () => {
  dir = tempDir();
  core = (await generateOffice({ dir, cases: 500, seed: 23, kdfCost: testKdf, now })).core;
  supervisor = createInProcessClient(core);
  await supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
}, 180_000);
afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the dashboard on two threads', () => {
  it('gives the figures of one thread for every split, with and without filters, over a quarter and a year', async () => {
    const { db } = core.store.get();
    const reads = core.store.sharedReads();
    let compared = 0;
    for (const period of periods) {
      for (const by of [null, ...dimensions]) {
        for (const filters of [{}, { sex: 'female', disability: 'no' }] as ReportFilters[]) {
          const alone = await computeIndicators(db, { period, filters, by });
          const shared = await computeIndicators(db, { period, filters, by }, reads);
          expect(shared).toEqual(alone);
          compared += alone.filter((r) => r.status === 'computed' && (r.denominator ?? r.numerator ?? 0) > 0).length;
        }
      }
    }
    // Every split at once (the aggregate table, DHIS2), both threads: the same figures as split by split.
    const together = await computeSplits(db, { period: periods[1], filters: {} }, [null, ...dimensions], reads);
    for (const by of [null, ...dimensions]) expect(together.get(by)).toEqual(await computeIndicators(db, { period: periods[1], filters: {}, by }));
    // Not an empty office: most indicators have children in these periods; and the worker took its share.
    expect(compared).toBeGreaterThan(400);
    expect(core.store.reader().workerItems).toBeGreaterThan(100);
  }, 120_000);

  it('each group of each split holds the children the case list opens for it', async () => {
    const { db } = core.store.get();
    const period = periods[1];
    let groups = 0;
    for (const by of dimensions) {
      for (const r of await computeIndicators(db, { period, filters: {}, by }, core.store.sharedReads())) {
        for (const g of r.groups) {
          const behind = await sql<{ n: number }>`SELECT count(*) AS n FROM (${selectionSql({ id: r.id, part: 'denominator', period, filters: {}, group: { by, value: g.value } })})`.execute(db);
          expect(Number(behind.rows[0].n), `${r.id} by ${by} = ${g.value}`).toBe(indicatorMeta[r.id].shape === 'count' ? g.numerator : g.denominator);
          groups += 1;
        }
      }
    }
    expect(groups).toBeGreaterThan(300);
  }, 120_000);

  it('the dashboard channel uses the reader and still answers when it cannot open (it falls back)', async () => {
    const period = periods[0];
    const before = await supervisor.ok('reports.dashboard', { period, by: 'ageBand' as Dimension });
    const { db } = core.store.get();
    const failures: unknown[] = [];
    const broken = new ReadWorker({ file: core.store.paths.dbFile, key: Buffer.alloc(32, 7), onFailure: (e) => failures.push(e) });
    const viaBroken = await computeIndicators(db, { period, filters: {}, by: 'ageBand' }, broken.reads);
    expect(viaBroken).toEqual(before.indicators);
    // It noticed (its connection could not read the file) and is not used again.
    await new Promise((r) => setTimeout(r, 200));
    expect(broken.alive).toBe(false);
    expect(failures.length).toBeGreaterThan(0); // and it was said (the core logs it)
    broken.close();
  }, 60_000);

  it('a key rotation closes the reader with the old key; the next dashboard reads under the new one', async () => {
    const before = await supervisor.ok('reports.dashboard', { period: periods[0], by: 'reason' });
    const reader = core.store.reader();
    const admin = createInProcessClient(core);
    await admin.ok('session.login', { username: 'admin', password: seedPasswords.admin });
    await admin.ok('admin.rotateDataKey', {});
    expect(reader.alive).toBe(false);
    const after = await supervisor.ok('reports.dashboard', { period: periods[0], by: 'reason' });
    expect(after.indicators).toEqual(before.indicators);
    // A new reader under the new key (it takes a share once its thread has started and opened the file).
    expect(core.store.reader()).not.toBe(reader);
    for (const by of dimensions) await supervisor.ok('reports.dashboard', { period: periods[1], by });
    expect(core.store.reader().workerItems).toBeGreaterThan(0);
  }, 120_000);

  it('closing the database closes the reader first: the WAL is folded in and nothing else holds the file', async () => {
    await supervisor.ok('reports.dashboard', { period: periods[0], by: 'sex' });
    // closeForSwap throws when another connection kept the WAL from being folded in.
    expect(() => core.store.closeForSwap()).not.toThrow();
  });
});

describe('folding the raw groups', () => {
  it('whole years fall in the band the exact age does', () => {
    expect([null, -1, 0, 4, 5, 9, 10, 14, 15, 17, 18, 40].map((y) => bandOfYears(y))).toEqual([
      'unknown', 'unknown', '0-4', '0-4', '5-9', '5-9', '10-14', '10-14', '15-17', '15-17', '18+', '18+',
    ]);
  });
  it('a stored list of reasons gives each reason as json_each does, none as unknown', () => {
    expect(reasonsOf('["poverty","violence"]')).toEqual(['poverty', 'violence']);
    expect(reasonsOf('[]')).toEqual(['unknown']);
    expect(reasonsOf('[null]')).toEqual(['unknown']);
    expect(reasonsOf('not json')).toEqual(['unknown']);
  });
});
