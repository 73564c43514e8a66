// The generator's follow-up records agree with each case's stage: only cases in follow-up (or
// closed, or re-opened after a closure) have contacts, planned from the protocol from the day of reunification; held contacts
// are monitoring visits dated on or after it and not in the future; warning signs belong to visits.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { createInProcessClient, type InProcessClient } from '../../../electron/core/client';
import { generateOffice, seedPasswords } from '../../../scripts/generator';
import { tempDir, testKdf } from '../../fixtures/core';

const dir = tempDir('homeward-seed-followup-');
const now = new Date('2025-06-01T12:00:00.000Z');
let core: Core;
let admin: InProcessClient;

beforeAll(async () => {
  ({ core } = await generateOffice({ dir, cases: 400, seed: 11, kdfCost: testKdf, now }));
  admin = createInProcessClient(core);
  await admin.ok('session.login', { username: 'admin', password: seedPasswords.admin });
}, 120_000);
afterAll(() => {
  admin?.close();
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('generated follow-up', () => {
  it('is consistent with each case’s stage and dates', () => {
    const raw = core.store.get().raw;
    // A closed case re-opened after a re-separation is back in preparation: its follow-up is history.
    const wrongStage = raw.prepare(
      `SELECT count(*) AS n FROM followup_contacts f JOIN cases c ON c.id = f.case_id
       WHERE c.stage NOT IN ('follow_up', 'closure') AND (f.status = 'planned' OR NOT EXISTS (SELECT 1 FROM case_reopenings o WHERE o.case_id = c.id))`,
    ).get() as { n: number };
    expect(wrongStage.n).toBe(0);
    const followUp = raw.prepare(`SELECT count(*) AS n FROM cases WHERE stage = 'follow_up'`).get() as { n: number };
    const planned = raw.prepare(`SELECT count(DISTINCT case_id) AS n FROM followup_contacts`).get() as { n: number };
    expect(followUp.n).toBeGreaterThan(10);
    expect(planned.n).toBeGreaterThanOrEqual(followUp.n);
    // Visits: after the return (or registration) and never after "now"; each holds its contact.
    const early = raw.prepare(
      `SELECT count(*) AS n FROM followup_visits v JOIN cases c ON c.id = v.case_id LEFT JOIN reunifications r ON r.case_id = v.case_id
       WHERE v.date < coalesce(r.reunified_on, substr(c.registered_at, 1, 10)) OR v.date > '2025-06-01'`,
    ).get() as { n: number };
    expect(early.n).toBe(0);
    const mismatched = raw.prepare(`SELECT count(*) AS n FROM followup_visits v JOIN followup_contacts f ON f.id = v.contact_id WHERE f.visit_id IS NOT v.id OR f.status != 'done'`).get() as { n: number };
    expect(mismatched.n).toBe(0);
    const visits = raw.prepare(`SELECT count(*) AS n FROM followup_visits`).get() as { n: number };
    const overdue = raw.prepare(`SELECT count(*) AS n FROM followup_contacts WHERE status = 'planned' AND due_on < '2025-06-01'`).get() as { n: number };
    expect(visits.n).toBeGreaterThan(50);
    expect(overdue.n).toBeGreaterThan(0);
    const orphanSigns = raw.prepare(`SELECT count(*) AS n FROM followup_signs s LEFT JOIN followup_visits v ON v.id = s.visit_id WHERE v.id IS NULL OR v.case_id != s.case_id`).get() as { n: number };
    expect(orphanSigns.n).toBe(0);
    expect((raw.prepare(`SELECT count(*) AS n FROM followup_signs`).get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('the supervisor’s urgent queue and a worker’s My work read the generated office', async () => {
    const raw = core.store.get().raw;
    const supervisor = raw.prepare(`SELECT username FROM users WHERE role = 'supervisor' LIMIT 1`).get() as { username: string };
    const client = createInProcessClient(core);
    await client.ok('session.login', { username: supervisor.username, password: seedPasswords.staff });
    const work = await client.ok('followup.myWork', {});
    const open = raw.prepare(`SELECT count(DISTINCT s.case_id) AS n FROM followup_signs s JOIN cases c ON c.id = s.case_id WHERE s.urgent = 1 AND s.resolved_at IS NULL AND c.status != 'closed'`).get() as { n: number };
    expect(work.urgent).toHaveLength(open.n);
    client.close();
  });
});
