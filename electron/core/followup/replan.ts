// Node-only. Re-planning every case in follow-up when the supervisors change the office protocol
// (the rule of what is replaced and what never moves: shared/followup/replan.ts). Two reads for the
// whole office — the cases with their reunification day, their contacts due today or later — and
// the new schedules computed once per (start, risk) in memory (planMany); the same plan serves the preview
// the supervisor confirms and the save, which re-computes it inside its transaction and refuses
// when the figures no longer match what was confirmed.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ProtocolDefinition } from '../../../shared/followup/protocol';
import { replanCase, type CaseReplan, type ReplanContact, type ReplanCounts, type SystemCancelReason } from '../../../shared/followup/replan';
import type { DB } from '../db/schema';
import type { HandlerEnv } from '../handler';
import { insertSchedules } from './bulk';
import { planMany } from './plan';

type Db = Kysely<DB> | Transaction<DB>;

export interface OfficeReplan {
  counts: ReplanCounts;
  cases: (CaseReplan & { caseId: string })[];
}

interface FollowupCaseRow {
  id: string;
  risk_level: string;
  registered_at: string;
  spontaneous: number;
  start: string | null;
}

/** What the new protocol changes in the office today (nothing is written). */
export async function planOfficeReplan(db: Db, definition: ProtocolDefinition, today: string, spontaneousVisitDays: number): Promise<OfficeReplan> {
  // The day follow-up counts from, as followupStart reads it for one case: the reunification
  // record, else the spontaneous return's day, else the day the schedule was first planned from.
  const { rows: cases } = await sql<FollowupCaseRow>`
    SELECT c.id, c.risk_level, c.registered_at, c.spontaneous,
      coalesce(r.reunified_on,
        (SELECT json_extract(e.details, '$.reunifiedOn') FROM case_events e
          WHERE e.case_id = c.id AND e.type = 'case.spontaneousReunification' ORDER BY e.id DESC LIMIT 1),
        (SELECT json_extract(e.details, '$.start') FROM case_events e
          WHERE e.case_id = c.id AND e.type = 'followup.schedulePlanned' ORDER BY e.id DESC LIMIT 1)) AS start
    FROM cases c LEFT JOIN reunifications r ON r.case_id = c.id
    WHERE c.stage = 'follow_up' AND c.status <> 'closed'`.execute(db);
  // Only contacts due today or later can be replaced or stand in the way of a new one (a contact
  // cancelled by a supervisor stands in the way too: replanCase tells).
  const { rows: contacts } = await sql<{ case_id: string; id: string; due_on: string; type: ReplanContact['type']; performer: ReplanContact['performer']; source: ReplanContact['source']; status: ReplanContact['status']; reason: string | null }>`
    SELECT f.case_id, f.id, f.due_on, f.type, f.performer, f.source, f.status, f.reason
    FROM followup_contacts f JOIN cases c ON c.id = f.case_id
    WHERE f.due_on >= ${today} AND c.stage = 'follow_up' AND c.status <> 'closed'`.execute(db);
  const byCase = new Map<string, ReplanContact[]>();
  for (const c of contacts) {
    const list = byCase.get(c.case_id) ?? [];
    list.push({ id: c.id, dueOn: c.due_on, type: c.type, performer: c.performer, source: c.source, status: c.status, reason: c.reason });
    byCase.set(c.case_id, list);
  }
  const schedules = planMany(
    definition,
    cases.map((c) => {
      const registeredOn = c.registered_at.slice(0, 10);
      return {
        start: c.start ?? registeredOn,
        highRisk: c.risk_level === 'high',
        spontaneous: c.spontaneous ? { registeredOn, firstVisitDays: spontaneousVisitDays } : undefined,
      };
    }),
  );
  const out: OfficeReplan = { counts: { cases: 0, cancelled: 0, added: 0 }, cases: [] };
  cases.forEach((c, i) => {
    const change = replanCase(schedules[i], byCase.get(c.id) ?? [], today);
    if (change.cancel.length === 0 && change.add.length === 0) return;
    out.cases.push({ caseId: c.id, ...change });
    out.counts.cases += 1;
    out.counts.cancelled += change.cancel.length;
    out.counts.added += change.add.length;
  });
  return out;
}

export const sameCounts = (a: ReplanCounts, b: ReplanCounts) => a.cases === b.cases && a.cancelled === b.cancelled && a.added === b.added;

/**
 * Writes the plan inside the caller's transaction: replaced contacts cancelled (kept, with the
 * reason), the new ones planned, and on each case's timeline one entry with its audit entry (the
 * audit entry carries the case's new state hash, like every change to a case's timeline).
 */
export async function applyOfficeReplan(env: HandlerEnv, trx: Transaction<DB>, plan: OfficeReplan, protocolVersion: number): Promise<void> {
  if (plan.cases.length === 0) return;
  const at = env.now().toISOString();
  const cancel = plan.cases.flatMap((c) => c.cancel);
  for (let i = 0; i < cancel.length; i += 20_000) {
    await sql`UPDATE followup_contacts SET status = 'cancelled', reason = ${'protocolChanged' satisfies SystemCancelReason}, updated_at = ${at}
      WHERE status = 'planned' AND id IN (SELECT value FROM json_each(${JSON.stringify(cancel.slice(i, i + 20_000))}))`.execute(trx);
  }
  await insertSchedules(trx, plan.cases.map((c) => ({ caseId: c.caseId, steps: c.add })), at, env.session.userId);
  const events = plan.cases.map((c) => {
    const details = { protocolVersion, cancelled: c.cancel.length, added: c.add.length, first: c.add[0]?.dueOn ?? null };
    return [c.caseId, JSON.stringify(details)];
  });
  for (let i = 0; i < events.length; i += 10_000) {
    const chunk = JSON.stringify(events.slice(i, i + 10_000));
    await sql`INSERT INTO case_events (case_id, at, user_id, type, details)
      SELECT e.value ->> 0, ${at}, ${env.session.userId}, 'followup.replanned', e.value ->> 1 FROM json_each(${chunk}) AS e`.execute(trx);
    await sql`UPDATE cases SET updated_at = ${at} WHERE id IN (SELECT e.value ->> 0 FROM json_each(${chunk}) AS e)`.execute(trx);
  }
  for (const c of plan.cases) {
    await env.audit(trx, {
      action: 'followup.replanned',
      entityType: 'case',
      entityId: c.caseId,
      details: { protocolVersion, cancelled: c.cancel.length, added: c.add.length },
      at,
    });
  }
}
