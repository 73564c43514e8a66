// Node-only. Planning a case's follow-up contacts when it enters follow-up (the stage move after
// reunification, or the registration of a spontaneous return), and cancelling what is still open
// when it leaves. Called inside the caller's transaction, so the move and its schedule commit
// together; the caller's case change is audited, this adds its own timeline entry.
import { sql, type Transaction } from 'kysely';
import type { ProtocolDefinition } from '../../../shared/followup/protocol';
import type { SystemCancelReason } from '../../../shared/followup/replan';
import { planSchedule, type PlannedStep, type ScheduleOptions } from '../../../shared/followup/schedule';
import type { DB } from '../db/schema';
import type { HandlerEnv } from '../handler';
import { readPractice } from '../practice/settings';
import { recordCaseChange } from '../cases/scope';
import { readProtocol } from './protocol';
import { insertSchedules } from './bulk';

export interface EnteringCase {
  id: string;
  risk_level: 'low' | 'medium' | 'high';
  registered_at: string;
}

/** The day follow-up counts from: the recorded reunification, or the spontaneous return's day. */
export async function followupStart(db: Transaction<DB> | ReturnType<HandlerEnv['db']>, caseId: string): Promise<string | null> {
  const reunified = await db.selectFrom('reunifications').select('reunified_on').where('case_id', '=', caseId).executeTakeFirst();
  if (reunified) return reunified.reunified_on;
  const event = await db
    .selectFrom('case_events')
    .select(sql<string | null>`json_extract(details, '$.reunifiedOn')`.as('reunified_on'))
    .where('case_id', '=', caseId)
    .where('type', '=', 'case.spontaneousReunification')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return event?.reunified_on ?? null;
}

/**
 * Schedules for many cases at once (the bench, re-planning the office after a protocol change):
 * cases that share a start day, risk and spontaneous first visit share their dates, which are
 * computed once.
 */
export function planMany(protocol: ProtocolDefinition, cases: readonly ScheduleOptions[]): PlannedStep[][] {
  const memo = new Map<string, PlannedStep[]>();
  return cases.map((c) => {
    const key = `${c.start}|${c.highRisk}|${c.spontaneous ? `${c.spontaneous.registeredOn}+${c.spontaneous.firstVisitDays}` : ''}`;
    let steps = memo.get(key);
    if (!steps) {
      steps = planSchedule(protocol, c);
      memo.set(key, steps);
    }
    return steps;
  });
}

/**
 * Plans the case's contacts from the office protocol. A case that re-enters follow-up with
 * contacts still open keeps them (nothing is planned twice). `start` defaults to the recorded
 * reunification day, else today.
 */
export async function planFollowUp(
  env: HandlerEnv,
  trx: Transaction<DB>,
  kase: EnteringCase,
  options: { start?: string; spontaneous?: boolean } = {},
): Promise<number> {
  const open = await trx
    .selectFrom('followup_contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', kase.id)
    .where('status', '=', 'planned')
    .executeTakeFirstOrThrow();
  if (Number(open.n) > 0) return 0;
  const today = env.now().toISOString().slice(0, 10);
  const start = options.start ?? (await followupStart(trx, kase.id)) ?? today;
  const protocol = await readProtocol(trx);
  const practice = await readPractice(trx);
  const steps = planSchedule(protocol.definition, {
    start,
    highRisk: kase.risk_level === 'high',
    spontaneous: options.spontaneous ? { registeredOn: kase.registered_at.slice(0, 10), firstVisitDays: practice.spontaneousVisitDays } : undefined,
  });
  const planned = await insertSchedules(trx, [{ caseId: kase.id, steps }], env.now().toISOString(), env.session.userId);
  await recordCaseChange(
    env,
    trx,
    kase.id,
    'followup.schedulePlanned',
    { contacts: planned, protocolVersion: protocol.version, highRisk: kase.risk_level === 'high', spontaneous: Boolean(options.spontaneous) },
    { start, contacts: planned, first: steps[0]?.dueOn ?? null, protocolIsDefault: protocol.isDefault },
  );
  return planned;
}

/** Cancels the contacts still planned (the case left follow-up: moved back, or broke down). */
export async function cancelOpenContacts(env: HandlerEnv, trx: Transaction<DB>, caseId: string, reason: SystemCancelReason): Promise<number> {
  const result = await trx
    .updateTable('followup_contacts')
    .set({ status: 'cancelled', reason, updated_at: env.now().toISOString() })
    .where('case_id', '=', caseId)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
