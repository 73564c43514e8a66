// Node-only. The office's referral register (filters: status, provider, category, overdue) and the
// due/overdue list for My work — a small set-based query of its own, so it does not depend on how
// My work loads its other lists. A case worker sees the referrals of their own cases; a supervisor
// every referral of the office, and the emergencies sent without consent until one has seen them.
import { sql } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import type { RegisterRow, registerInput } from '../../../shared/referrals/contract';
import { awaitingResponse } from '../../../shared/referrals/lifecycle';
import { can } from '../../../shared/permissions';
import type { HandlerEnv } from '../handler';
import { isOverdue } from './rows';
import type { z } from 'zod';

function baseQuery(env: HandlerEnv) {
  let q = env
    .db()
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('service_providers as p', 'p.id', 'r.provider_id')
    .select(['r.id', 'r.case_id', 'c.number', 'p.name as provider_name', 'r.category', 'r.urgency', 'r.status', 'r.sent_on', 'r.due_on', 'r.consent_basis', 'r.emergency_seen_at']);
  if (!can(env.session.role, 'case.readAll')) {
    const me = env.session.userId;
    q = q.where((eb) => eb.or([eb('c.worker_id', '=', me), eb('c.family_worker_id', '=', me)]));
  }
  return q;
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toRow = (r: Row, today: string): RegisterRow => ({
  id: r.id,
  caseId: r.case_id,
  caseNumber: r.number,
  providerName: r.provider_name,
  category: r.category,
  urgency: r.urgency,
  status: r.status,
  sentOn: r.sent_on,
  dueOn: r.due_on,
  overdue: isOverdue(r.status, r.due_on, today),
  emergencyUnseen: r.consent_basis === 'emergency' && r.emergency_seen_at === null,
});

export async function referralRegister(env: HandlerEnv, f: z.output<typeof registerInput>): Promise<{ rows: RegisterRow[]; total: number }> {
  const today = todayIso(env.now());
  let q = baseQuery(env);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.providerId) q = q.where('r.provider_id', '=', f.providerId);
  if (f.category) q = q.where('r.category', '=', f.category);
  if (f.overdueOnly) q = q.where('r.status', 'in', [...awaitingResponse]).where('r.due_on', '<', today);
  const rows = await q.orderBy(sql`r.due_on IS NULL`).orderBy('r.due_on').orderBy('r.created_at', 'desc').execute();
  await env.audit(env.db(), { action: 'referrals.register', entityType: 'referral', entityId: null, details: { shown: Math.min(rows.length, f.limit) } });
  return { rows: rows.slice(0, f.limit).map((r) => toRow(r, today)), total: rows.length };
}

/** Responses due within three days or overdue; for supervisors also unseen emergency referrals. */
export async function dueReferrals(env: HandlerEnv): Promise<RegisterRow[]> {
  const today = todayIso(env.now());
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 3);
  const horizon = soon.toISOString().slice(0, 10);
  const supervisor = can(env.session.role, 'case.approve');
  const rows = await baseQuery(env)
    .where((eb) =>
      eb.or([
        eb.and([eb('r.status', 'in', [...awaitingResponse]), eb('r.due_on', '<=', horizon)]),
        ...(supervisor ? [eb.and([eb('r.consent_basis', '=', 'emergency'), eb('r.emergency_seen_at', 'is', null)])] : []),
      ]),
    )
    .orderBy('r.due_on')
    .limit(200)
    .execute();
  return rows.map((r) => toRow(r, today));
}
