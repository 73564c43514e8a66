// My work at scale (issue 9): the stage-gate facts of a worker's active cases are read set-based —
// a bounded number of statements whatever the number of cases — and give exactly what reading
// each case alone gives (chunks of 500 ids and grouping by case must not mix cases up).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient, type InProcessClient } from '../../../electron/core/client';
import type { Core } from '../../../electron/core/core';
import { loadFacts, loadFactsMany, type FactOptions } from '../../../electron/core/cases/facts';
import { firstBlocked } from '../../../electron/core/cases/my-work';
import { approvalQueue } from '../../../electron/core/approvals/queue';
import type { Session } from '../../../electron/core/handler';
import { generateOffice, seedPasswords } from '../../../scripts/generator';
import { nextStep, stageIndex, type Stage } from '../../../shared/cases/stages';
import { tempDir, testKdf } from '../../fixtures/core';
import { useStatsOf100k } from '../../fixtures/stats';
import type { RawDatabase } from '../../../electron/core/db/open';

/**
 * Every read the connection runs from now on, with its parameters (statements are prepared once and
 * kept, so the statements' own method is watched, not prepare). Returns the function that stops it.
 */
function watchReads(raw: RawDatabase, seen: { sql: string; params: unknown[] }[]): () => void {
  const proto = Object.getPrototypeOf(raw.prepare('SELECT 1')) as { all: (...params: unknown[]) => unknown[] };
  const all = proto.all;
  proto.all = function (this: { source: string }, ...params: unknown[]) {
    seen.push({ sql: this.source, params });
    return all.apply(this, params);
  };
  return () => {
    proto.all = all;
  };
}

const now = new Date('2026-11-25T10:00:00Z');
let dir: string;
let core: Core;
let worker: InProcessClient;
let busiest: { id: string; username: string; n: number };

beforeAll(async () => {
  dir = tempDir();
  const office = await generateOffice({ dir, cases: 1300, seed: 5, kdfCost: testKdf, now });
  core = office.core;
  const admin = createInProcessClient(core);
  await admin.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
  busiest = core.store
    .get()
    .raw.prepare(`SELECT u.id, u.username, count(*) AS n FROM cases c JOIN users u ON u.id = c.worker_id WHERE c.status = 'open' GROUP BY u.id ORDER BY n DESC LIMIT 1`)
    .get() as typeof busiest;
  worker = createInProcessClient(core);
  await worker.ok('session.login', { username: busiest.username, password: seedPasswords.staff });
}, 180_000);
afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Counts the statements the core's connection prepares while `work` runs. */
async function statementsDuring(work: () => Promise<unknown>) {
  const raw = core.store.get().raw;
  // Statements run, counted on the statements themselves (they are prepared once and kept).
  const proto = Object.getPrototypeOf(raw.prepare('SELECT 1')) as Record<'all' | 'get' | 'run' | 'iterate', (...params: unknown[]) => unknown>;
  const originals = { all: proto.all, get: proto.get, run: proto.run, iterate: proto.iterate };
  let count = 0;
  for (const method of Object.keys(originals) as (keyof typeof originals)[]) {
    proto[method] = function (this: unknown, ...params: unknown[]) {
      count += 1;
      return originals[method].apply(this, params);
    };
  }
  try {
    await work();
  } finally {
    Object.assign(proto, originals);
  }
  return count;
}

const options: FactOptions = { requireBid: true, homeSafetyDays: 30, today: now.toISOString().slice(0, 10) };

describe('My work at scale', () => {
  it('reads the facts of 1 300 cases in one pass that agrees with reading each case alone', async () => {
    const { db, raw } = core.store.get();
    const ids = (raw.prepare('SELECT id FROM cases ORDER BY random()').all() as { id: string }[]).map((r) => r.id);
    expect(ids.length).toBe(1300); // more than two chunks of 500
    const many = await loadFactsMany(db, ids, options);
    expect(many.size).toBe(ids.length);
    // Every case of a sample taken across the chunks, and every case with unusual facts.
    for (const id of ids.filter((_, i) => i % 7 === 0)) expect(many.get(id)).toEqual(await loadFacts(db, id, options));
    const varied = new Set([...many.values()].map((f) => JSON.stringify(f)));
    expect(varied.size).toBeGreaterThan(5); // the generated office really has cases at different points
  });

  it('answers a busy worker with a bounded number of statements, and lists the blocked cases reading each alone gives', async () => {
    expect(busiest.n).toBeGreaterThan(100);
    let work: Awaited<ReturnType<typeof worker.ok<'cases.myWork'>>> | undefined;
    const statements = await statementsDuring(async () => {
      work = await worker.ok('cases.myWork', {});
    });
    // Per case it was ~14 statements × up to 200 cases; set-based it is a few per feature.
    expect(statements).toBeLessThan(60);

    const { db, raw } = core.store.get();
    const active = raw
      .prepare(
        `SELECT id, stage FROM cases WHERE status = 'open' AND (worker_id = ? OR family_worker_id = ?) AND stage IN ('tracing_assessment', 'preparation', 'reunification') ORDER BY updated_at DESC LIMIT 200`,
      )
      .all(busiest.id, busiest.id) as { id: string; stage: Stage }[];
    const expected: { id: string; stage: Stage }[] = [];
    for (const row of active) {
      const step = nextStep(row.stage, await loadFacts(db, row.id, options));
      if (step.to && step.blocked.length > 0) expected.push(row);
    }
    expect(expected.length).toBeGreaterThan(0);
    // My work's order: by stage (ties in updated_at come in any order), at most 50; every stage
    // before the last one shown is listed whole.
    const shown = work!.blockedCases;
    expect(shown.length).toBe(Math.min(50, expected.length));
    const byId = new Map(expected.map((r) => [r.id, r]));
    for (const b of shown) expect(byId.get(b.case.id)?.stage).toBe(b.case.stage);
    const order = shown.map((b) => stageIndex(b.case.stage));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const last = order[order.length - 1];
    const whole = expected.filter((r) => stageIndex(r.stage) < last).map((r) => r.id);
    expect(shown.filter((b) => stageIndex(b.case.stage) < last).map((b) => b.case.id).sort()).toEqual(whole.sort());
  });

  it('reads through indexes with a 100 000-case office\'s statistics: no scan of cases, nothing read per waiting item', async () => {
    const { raw } = core.store.get();
    useStatsOf100k(raw);
    const seen: { sql: string; params: unknown[] }[] = [];
    const stopWatching = watchReads(raw, seen);
    try {
      const supervisor = createInProcessClient(core);
      await supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
      await supervisor.ok('cases.myWork', {});
      await worker.ok('cases.myWork', {});
    } finally {
      stopWatching();
    }
    const reads = seen.filter((q) => /^\s*(SELECT|WITH)/i.test(q.sql));
    expect(reads.some((q) => /WITH .*waiting/s.test(q.sql))).toBe(true);
    for (const { sql, params } of reads) {
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      // A whole-table scan of cases (the approvals queue once joined 44 000 waiting items to cases
      // by scanning them) or of a waiting-items table.
      expect({ sql, scans: plan.filter((d) => /^SCAN (c|cases|t|plan_versions|bids)\b/.test(d) && !/COVERING INDEX|USING INDEX/.test(d)) }).toEqual({ sql, scans: [] });
    }
    // The per-case reads answered from an index alone (migration 24): the worker's open cases,
    // their planned contacts, and the tracing outcomes in log order without a sort.
    const planOf = (pattern: RegExp) => {
      const q = reads.find((r) => pattern.test(r.sql));
      expect(q, String(pattern)).toBeDefined();
      return (raw.prepare(`EXPLAIN QUERY PLAN ${q!.sql}`).all(...q!.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    expect(planOf(/FROM cases INDEXED BY cases_open_worker/)).toMatch(/COVERING INDEX cases_open_worker/);
    // The planned contacts driven by the worker's case ids (json_each), not `IN` a sorted copy of them.
    expect(planOf(/CROSS JOIN contacts t INDEXED BY contacts_planned/)).toMatch(/SCAN j VIRTUAL TABLE.*SEARCH t USING COVERING INDEX contacts_planned \(case_id=\?\)/);
    const tracing = planOf(/FROM tracing_actions INDEXED BY tracing_actions_live/);
    expect(tracing).toMatch(/COVERING INDEX tracing_actions_live/);
    expect(tracing).not.toMatch(/TEMP B-TREE/);
  });

  it('drives a busy worker\'s waiting plans from their cases through the index of waiting plans by case', async () => {
    const { raw, db } = core.store.get();
    useStatsOf100k(raw);
    const seen: { sql: string; params: unknown[] }[] = [];
    const stopWatching = watchReads(raw, seen);
    try {
      await approvalQueue(db, { userId: busiest.id, role: 'caseworker' } as Session, now, { limit: 100, kinds: ['plan'], driveFromCasesAbove: -1 });
    } finally {
      stopWatching();
    }
    const queue = seen.find((q) => /WITH mine/.test(q.sql))!;
    const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${queue.sql}`).all(...queue.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/SEARCH t USING COVERING INDEX plan_versions_waiting_case \(case_id=\?\)/);
  });

  it('finds a case worker\'s waiting decisions the same way from their cases as from the waiting indexes', async () => {
    const { db } = core.store.get();
    const session = { userId: busiest.id, role: 'caseworker' } as Session;
    const fromCases = await approvalQueue(db, session, now, { limit: 500, driveFromCasesAbove: -1 });
    const fromWaiting = await approvalQueue(db, session, now, { limit: 500, driveFromCasesAbove: Number.MAX_SAFE_INTEGER });
    expect(fromCases.length).toBeGreaterThan(10);
    expect(fromCases).toEqual(fromWaiting);
    expect(new Set(fromCases.map((a) => a.kind)).size).toBeGreaterThan(1);
    // And the same as the whole office's queue kept to this worker's cases.
    const all = await approvalQueue(db, { userId: busiest.id, role: 'supervisor' } as Session, now, { limit: 100_000 });
    const mine = new Set(
      (core.store.get().raw.prepare('SELECT id FROM cases WHERE worker_id = ? OR family_worker_id = ?').all(busiest.id, busiest.id) as { id: string }[]).map((r) => r.id),
    );
    const theirs = all.filter((a) => mine.has(a.caseId)).slice(0, 500);
    expect(fromCases.map((a) => [a.kind, a.itemId])).toEqual(theirs.map((a) => [a.kind, a.itemId]));
    // My work hands over the open cases it has read (no second read of them): the same queue.
    const open = (core.store.get().raw.prepare("SELECT id FROM cases WHERE status = 'open' AND (worker_id = ? OR family_worker_id = ?)").all(busiest.id, busiest.id) as { id: string }[]).map((r) => r.id);
    const fromIds = await approvalQueue(db, session, now, { limit: 500, driveFromCasesAbove: -1, openCaseIds: open });
    expect(fromIds).toEqual(fromCases);
  });

  it('finds the blocked cases in the order shown reading facts for as few as needed, as reading all of them gives', async () => {
    const { db, raw } = core.store.get();
    const active = raw
      .prepare(
        `SELECT id, stage FROM cases WHERE status = 'open' AND (worker_id = ? OR family_worker_id = ?) AND stage IN ('tracing_assessment', 'preparation', 'reunification') ORDER BY updated_at DESC LIMIT 200`,
      )
      .all(busiest.id, busiest.id) as { id: string; stage: Stage }[];
    const ordered = [...active].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
    const facts = await loadFactsMany(db, ordered.map((r) => r.id), options);
    const all = ordered.filter((r) => {
      const step = nextStep(r.stage, facts.get(r.id)!);
      return step.to && step.blocked.length > 0;
    });
    expect(all.length).toBeGreaterThan(3);
    // The first case not blocked: a limit of one more than the blocked ones before it is not filled
    // by the first round (which reads `limit` cases) and needs the second.
    const gap = ordered.findIndex((r) => !all.includes(r));
    expect(gap).toBeGreaterThanOrEqual(0);
    const rounds = new Map<number, number>();
    for (const limit of [1, gap + 1, all.length + 10]) {
      let found: Awaited<ReturnType<typeof firstBlocked>> = [];
      rounds.set(
        limit,
        await statementsDuring(async () => {
          found = await firstBlocked(db, ordered, options, limit);
        }),
      );
      expect(found.map((b) => b.slim.id)).toEqual(all.slice(0, limit).map((r) => r.id));
      expect(found.map((b) => b.step)).toEqual(all.slice(0, limit).map((r) => nextStep(r.stage, facts.get(r.id)!)));
    }
    // One round of one query per feature, then two.
    expect(rounds.get(1)).toBeLessThan(20);
    expect(rounds.get(gap + 1)).toBe(2 * rounds.get(1)!);
  });

  it('lists a busy worker\'s planned contacts as reading them for every open case gives', async () => {
    const work = await worker.ok('cases.myWork', {});
    const expected = core.store
      .get()
      .raw.prepare(
        `SELECT c.case_id AS caseId, c.id AS contactId FROM contacts c JOIN cases k ON k.id = c.case_id
          WHERE c.status = 'planned' AND k.status = 'open' AND (k.worker_id = ? OR k.family_worker_id = ?) ORDER BY c.planned_for, c.id LIMIT 50`,
      )
      .all(busiest.id, busiest.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(work.plannedContacts.map((c) => ({ caseId: c.caseId, contactId: c.contactId }))).toEqual(expected);
  });
});

