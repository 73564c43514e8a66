// The deterministic generator behind `npm run seed` and the benchmarks: same seed, same cases, and
// every case's records agree with its stage (the gates it has passed really pass).
import { afterAll, describe, expect, it } from 'vitest';
import { generateOffice, seedPasswords } from '../../../scripts/generator';
import { createInProcessClient } from '../../../electron/core/client';
import { forwardGates, stageIndex, stages } from '../../../shared/cases/stages';
import { tempDir, testKdf } from '../../fixtures/core';
import fs from 'node:fs';
import { runFullCheck } from '../../../electron/core/audit/full-check';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const now = new Date('2026-11-25T10:00:00Z');

async function generate(seed: number) {
  const dir = tempDir();
  dirs.push(dir);
  return generateOffice({ dir, cases: 240, seed, kdfCost: testKdf, now });
}

describe('the seed generator', () => {
  it('makes the same cases from the same seed, and different ones from another', async () => {
    const names = async (seed: number) => {
      const office = await generate(seed);
      await createInProcessClient(office.core).ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
      const rows = office.core.store
        .get()
        .raw.prepare('SELECT number, given_name, family_name, stage FROM cases ORDER BY seq')
        .all();
      office.core.close();
      return JSON.stringify(rows);
    };
    const a = await names(7);
    expect(await names(7)).toBe(a);
    expect(await names(8)).not.toBe(a);
  });

  it('fills every stage, in all five languages, and each case passes the gates of the stages behind it', async () => {
    const office = await generate(42);
    const supervisor = createInProcessClient(office.core);
    await supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
    const { raw } = office.core.store.get();
    const byStage = raw.prepare('SELECT stage, count(*) AS n FROM cases GROUP BY stage').all() as { stage: string; n: number }[];
    for (const stage of ['tracing_assessment', 'preparation', 'reunification', 'follow_up']) {
      expect(byStage.find((r) => r.stage === stage)?.n ?? 0).toBeGreaterThan(0);
    }
    const scripts = raw.prepare('SELECT given_name FROM cases').all() as { given_name: string }[];
    expect(scripts.some((r) => /[\u0600-\u06FF]/u.test(r.given_name))).toBe(true);
    expect(scripts.some((r) => /[éèêëáíóúãõçñ]/u.test(r.given_name))).toBe(true);
    for (const table of ['family_members', 'consents', 'tracing_actions', 'assessments', 'bids', 'plan_versions', 'contacts']) {
      expect((raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBeGreaterThan(0);
    }

    const cases = raw.prepare(`SELECT id, stage, spontaneous FROM cases WHERE status = 'open' ORDER BY seq LIMIT 120`).all() as {
      id: string;
      stage: (typeof stages)[number];
      spontaneous: number;
    }[];
    for (const row of cases) {
      if (row.spontaneous) continue; // went home alone: follow-up starts without the earlier records
      const file = await supervisor.ok('cases.get', { caseId: row.id });
      for (const behind of stages.slice(0, stageIndex(row.stage))) {
        if (behind === 'closure' || behind === 'follow_up') continue;
        const failing = forwardGates[behind].gates.filter((g) => !g.passes(file.facts as never)).map((g) => g.id);
        expect({ case: row.id, stage: row.stage, behind, failing }).toEqual({ case: row.id, stage: row.stage, behind, failing: [] });
      }
    }
    supervisor.close();
    office.core.close();
  }, 120_000);

  it('anchors every seeded case in the audit chain (the full check hashes each case and finds all as audited), and leaves no planner statistics, as an office has none', async () => {
    const office = await generate(5);
    const admin = createInProcessClient(office.core);
    await admin.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
    const store = office.core.store.get();
    const upTo = store.raw.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    // It leaves no planner statistics, as an office has none (the app never runs ANALYZE).
    expect(store.raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'`).pluck().get()).toBe(0);
    const result = await runFullCheck({ file: office.core.store.paths.dbFile, key: store.dataKey, nativeBinding: office.core.store.nativeBinding, upTo });
    expect(result.status).toMatchObject({ intact: true, checked: upTo });
    expect(result.records).toEqual({ checked: 240, changed: [], changedCount: 0, unanchored: 0 });
    // An edit outside the app now shows on a seeded case, as it would in an office.
    store.raw.prepare("UPDATE cases SET given_name = 'Edited' WHERE seq = 7").run();
    const after = await runFullCheck({ file: office.core.store.paths.dbFile, key: store.dataKey, nativeBinding: office.core.store.nativeBinding, upTo });
    expect(after.records.changedCount).toBe(1);
    admin.close();
    office.core.close();
  }, 120_000);
});
