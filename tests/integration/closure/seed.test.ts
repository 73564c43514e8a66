// The generator's closures, re-openings and supervision reviews agree with each case's stage and
// dates (electron/core/closure/seed.ts, electron/core/review/seed.ts), they reach the screens that
// read them (the approvals queue, a worker's My work), and the same seed makes the same office.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { createInProcessClient, type InProcessClient } from '../../../electron/core/client';
import type { RawDatabase } from '../../../electron/core/db/open';
import { generateOffice, seedPasswords } from '../../../scripts/generator';
import { tempDir, testKdf } from '../../fixtures/core';

const now = new Date('2025-06-01T12:00:00.000Z');
const dirs = [tempDir('homeward-seed-closure-a-'), tempDir('homeward-seed-closure-b-')];
let core: Core;
let twin: Core;
// Signed in for the whole file: the office stays unlocked while the tests read it.
const admins: InProcessClient[] = [];
const count = (raw: RawDatabase, query: string) => (raw.prepare(query).get() as { n: number }).n;

beforeAll(async () => {
  ({ core } = await generateOffice({ dir: dirs[0], cases: 600, seed: 23, kdfCost: testKdf, now }));
  ({ core: twin } = await generateOffice({ dir: dirs[1], cases: 600, seed: 23, kdfCost: testKdf, now }));
  for (const office of [core, twin]) {
    const admin = createInProcessClient(office);
    await admin.ok('session.login', { username: 'admin', password: seedPasswords.admin });
    admins.push(admin);
  }
}, 240_000);
afterAll(() => {
  for (const admin of admins) admin.close();
  core?.close();
  twin?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('generated closures and re-openings', () => {
  it('follow a year of follow-up and the last visit, are decided by someone else, and leave each case in the right state', () => {
    const raw = core.store.get().raw;
    expect(count(raw, `SELECT count(*) AS n FROM case_closures WHERE status = 'approved'`)).toBeGreaterThan(5);
    expect(count(raw, `SELECT count(*) AS n FROM case_closures WHERE status = 'recommended'`)).toBeGreaterThan(0);
    expect(count(raw, `SELECT count(*) AS n FROM case_closures WHERE status = 'returned'`)).toBeGreaterThan(0);
    // Never self-approved; decided after the recommendation, which comes after the last visit and a year after the return.
    expect(count(raw, `SELECT count(*) AS n FROM case_closures WHERE decided_by = recommended_by OR (decided_at IS NOT NULL AND decided_at <= recommended_at)`)).toBe(0);
    expect(
      count(
        raw,
        `SELECT count(*) AS n FROM case_closures k JOIN cases c ON c.id = k.case_id LEFT JOIN reunifications r ON r.case_id = k.case_id
         WHERE substr(k.recommended_at, 1, 10) < date(coalesce(r.reunified_on, substr(c.registered_at, 1, 10)), '+12 months')
            OR substr(k.recommended_at, 1, 10) <= (SELECT max(v.date) FROM followup_visits v WHERE v.case_id = k.case_id)
            OR k.recommended_at > '2025-06-01T12:00:00.000Z' OR k.decided_at > '2025-06-01T12:00:00.000Z'`,
      ),
    ).toBe(0);
    // A closed case has its approved closure, no later re-opening, nothing still planned; every closed case is in the closure stage.
    expect(count(raw, `SELECT count(*) AS n FROM cases c WHERE c.status = 'closed' AND (c.stage != 'closure' OR NOT EXISTS (SELECT 1 FROM case_closures k WHERE k.case_id = c.id AND k.status = 'approved'))`)).toBe(0);
    expect(count(raw, `SELECT count(*) AS n FROM followup_contacts f JOIN cases c ON c.id = f.case_id WHERE c.status = 'closed' AND f.status = 'planned'`)).toBe(0);
    expect(count(raw, `SELECT count(*) AS n FROM case_closures k JOIN cases c ON c.id = k.case_id WHERE k.status = 'approved' AND c.status != 'closed' AND NOT EXISTS (SELECT 1 FROM case_reopenings o WHERE o.closure_id = k.id)`)).toBe(0);
    // A re-opened case is open again at the stage its reason leads to, after its closure.
    expect(
      count(
        raw,
        `SELECT count(*) AS n FROM case_reopenings o JOIN cases c ON c.id = o.case_id JOIN case_closures k ON k.id = o.closure_id
         WHERE c.status != 'open' OR c.stage != o.stage OR o.reopened_at <= k.decided_at OR k.status != 'approved'
            OR o.stage != CASE o.reason WHEN 're_separation' THEN 'preparation' ELSE 'follow_up' END`,
      ),
    ).toBe(0);
    // On the timeline, as the app writes them.
    expect(count(raw, `SELECT count(*) AS n FROM case_closures k WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = k.case_id AND e.type = 'closure.recommend')`)).toBe(0);
    expect(count(raw, `SELECT count(*) AS n FROM case_events WHERE type = 'closure.approve'`)).toBe(count(raw, `SELECT count(*) AS n FROM case_closures WHERE status = 'approved'`));
  });

  it('the closures waiting reach a supervisor’s approvals queue', async () => {
    const supervisor = createInProcessClient(core);
    await supervisor.ok('session.login', { username: 'supervisor1', password: seedPasswords.staff });
    const queue = await supervisor.ok('approvals.pending', { kinds: ['closure'] });
    expect(queue.items.length).toBe(count(core.store.get().raw, `SELECT count(*) AS n FROM case_closures k JOIN cases c ON c.id = k.case_id WHERE k.status = 'recommended' AND c.status = 'open'`));
    supervisor.close();
  });
});

describe('generated supervision reviews', () => {
  it('review open cases registered before the session, decide what fits the stage, and assign actions to the case’s worker', () => {
    const raw = core.store.get().raw;
    expect(count(raw, 'SELECT count(*) AS n FROM review_sessions')).toBeGreaterThan(0);
    expect(count(raw, 'SELECT count(*) AS n FROM review_items WHERE decision IS NOT NULL')).toBeGreaterThan(5);
    expect(count(raw, `SELECT count(*) AS n FROM review_items i JOIN review_sessions s ON s.id = i.session_id JOIN cases c ON c.id = i.case_id WHERE substr(c.registered_at, 1, 10) >= s.held_on OR c.status = 'closed'`)).toBe(0);
    expect(count(raw, `SELECT count(*) AS n FROM review_items i JOIN review_sessions s ON s.id = i.session_id WHERE s.status = 'finished' AND i.decision IS NULL`)).toBe(0);
    expect(count(raw, `SELECT count(*) AS n FROM review_items i JOIN cases c ON c.id = i.case_id WHERE i.decision = 'close' AND c.stage != 'follow_up'`)).toBe(0);
    expect(count(raw, `SELECT count(*) AS n FROM review_items WHERE counts_as_plan_review = 1 AND NOT (child_consulted = 1 AND family_consulted = 1)`)).toBe(0);
    expect(count(raw, `SELECT count(*) AS n FROM review_actions a JOIN cases c ON c.id = a.case_id WHERE a.owner_id != c.worker_id OR (a.status = 'done') != (a.done_at IS NOT NULL)`)).toBe(0);
    expect(count(raw, `SELECT count(*) AS n FROM review_sessions WHERE held_on > '2025-06-01' OR (kind = 'panel') != (agencies != '[]')`)).toBe(0);
  });

  it('an open action reaches its worker’s My work', async () => {
    const raw = core.store.get().raw;
    const action = raw.prepare(`SELECT u.username, a.id FROM review_actions a JOIN users u ON u.id = a.owner_id JOIN cases c ON c.id = a.case_id WHERE a.status = 'open' AND c.status = 'open' LIMIT 1`).get() as { username: string; id: string } | undefined;
    expect(action).toBeDefined();
    const worker = createInProcessClient(core);
    await worker.ok('session.login', { username: action!.username, password: seedPasswords.staff });
    const work = await worker.ok('cases.myWork', {});
    expect(work.reviewActions.map((a) => a.actionId)).toContain(action!.id);
    worker.close();
  });
});

describe('the generator is deterministic', () => {
  it('the same seed makes the same follow-up, closures, re-openings and reviews', () => {
    // Staff accounts are made through the app (random ids): compare them by username.
    const digest = (raw: RawDatabase) => {
      const users = raw.prepare('SELECT id, username FROM users').all() as { id: string; username: string }[];
      const hash = crypto.createHash('sha256');
      for (const query of [
        'SELECT case_id, due_on, type, status, source FROM followup_contacts ORDER BY case_id, due_on, type, source',
        'SELECT id, case_id, date, mode, data FROM followup_visits ORDER BY id',
        'SELECT id, case_id, sign, urgent, resolved_at FROM followup_signs ORDER BY id',
        'SELECT * FROM case_closures ORDER BY id',
        'SELECT * FROM case_reopenings ORDER BY id',
        'SELECT * FROM review_sessions ORDER BY id',
        'SELECT * FROM review_items ORDER BY session_id, case_id',
        'SELECT * FROM review_actions ORDER BY id',
        'SELECT id, stage, status, review_due FROM cases ORDER BY id',
      ]) {
        let text = JSON.stringify(raw.prepare(query).all());
        for (const u of users) text = text.split(u.id).join(`@${u.username}`);
        hash.update(text);
      }
      return hash.digest('hex');
    };
    expect(digest(twin.store.get().raw)).toBe(digest(core.store.get().raw));
  });
});
