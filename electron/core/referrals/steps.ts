// Node-only. The two steps of a referral's lifecycle that more than one channel takes: sending
// (the consent rule and the minimum-necessary check, whether the referral leaves as a printed slip
// or as a sealed file to a partner office) and moving it on (by hand, or from a partner's response
// file). One rule each, so a sealed send or a response file cannot pass what the screen's would not.
import type { Transaction } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { consentGateId, consentVerdict } from '../../../shared/consents/rules';
import { fieldProblems } from '../../../shared/referrals/fields';
import { canMove, moveNeeds, responseDueOn, type ReferralStatus } from '../../../shared/referrals/lifecycle';
import { approvedExceptions } from '../approvals/queries';
import { ageOf } from '../cases/rows';
import { loadCase, recordCaseChange, type CaseDbRow } from '../cases/scope';
import { consentRecords } from '../consents/check';
import type { DB } from '../db/schema';
import type { HandlerEnv } from '../handler';
import { referralRow } from './rows';
import { slipRows, type SlipRow } from './slip';
import type { ReferralsTable } from './tables';

const notReady = (problems: ReturnType<typeof fieldProblems>) =>
  new AppError('VALIDATION', 'the referral is not complete', {
    issues: problems.map((p) => ({ path: ['referral', p.code === 'reasonRequired' ? 'reasons' : p.code === 'textRequired' ? 'texts' : 'fields', p.field], code: 'custom', message: p.code })),
  });

export async function consentState(env: HandlerEnv, kase: CaseDbRow, on: string) {
  const verdict = consentVerdict(await consentRecords(env.db(), kase.id), 'referral', on, ageOf(kase, todayIso(env.now())));
  if (verdict.ok) return { ok: true as const, basis: 'consent' as const, reason: null };
  if ((await approvedExceptions(env.db(), kase.id)).includes(consentGateId('referral'))) return { ok: true as const, basis: 'exception' as const, reason: null };
  return { ok: false as const, basis: null, reason: verdict.reason };
}

export interface SendChecked {
  kase: CaseDbRow;
  row: ReferralsTable;
  basis: 'consent' | 'exception' | 'emergency';
  /** Exactly what leaves: the chosen fields with their values, read now. */
  slip: SlipRow[];
  today: string;
}

/** Everything a send checks before anything is written: scope, the draft state, the date, the fields, consent. */
export async function checkSend(env: HandlerEnv, caseId: string, referralId: string, date: string, emergencyReason: string | null): Promise<SendChecked> {
  const kase = await loadCase(env, caseId, 'write');
  const row = await referralRow(env.db(), caseId, referralId);
  if (!canMove(row.status, 'sent')) throw new AppError('REFERRAL_INVALID_MOVE', 'this referral was already sent', { params: { from: row.status, to: 'sent' } });
  const today = todayIso(env.now());
  if (date > today) throw new AppError('INVALID_DATE', 'a referral cannot be sent in the future', { issues: [{ path: ['date'], code: 'inFuture', message: 'inFuture' }] });
  const fields = JSON.parse(row.shared_fields) as Parameters<typeof fieldProblems>[0];
  const problems = fieldProblems(fields, JSON.parse(row.field_texts) as never, JSON.parse(row.field_reasons) as never);
  if (problems.length > 0) throw notReady(problems);
  const consent = await consentState(env, kase, date);
  // Without consent the referral stays a draft — unless the worker gives an emergency reason, which alerts the supervisor.
  if (!consent.ok && !emergencyReason) {
    throw new AppError('CONSENT_REQUIRED', 'no current consent for referral', { params: { purpose: 'referral', reason: consent.reason ?? 'noConsent' } });
  }
  const basis = consent.ok ? consent.basis : 'emergency';
  return { kase, row, basis, slip: await slipRows(env.db(), kase, row, today), today };
}

/** Marks a checked referral sent in `trx` (draft → sent, the due date, the audit entry naming the fields shared). */
export async function markSent(env: HandlerEnv, trx: Transaction<DB>, c: SendChecked, date: string, emergencyReason: string | null, extra: Record<string, unknown> = {}): Promise<void> {
  const { row, basis } = c;
  const result = await trx
    .updateTable('referrals')
    .set({
      status: 'sent',
      sent_on: date,
      due_on: responseDueOn(date, row.urgency),
      consent_basis: basis,
      emergency_reason: basis === 'emergency' ? emergencyReason : null,
      updated_at: env.now().toISOString(),
      version: row.version + 1,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'someone else changed this referral', { params: { reason: 'version' } });
  await trx.insertInto('referral_events').values({ referral_id: row.id, at: env.now().toISOString(), user_id: env.session.userId, from_status: 'draft', to_status: 'sent', date, note: '' }).execute();
  await recordCaseChange(
    env,
    trx,
    row.case_id,
    basis === 'emergency' ? 'referral.sentWithoutConsent' : 'referral.sent',
    { referralId: row.id, providerId: row.provider_id, fieldsShared: c.slip.map((s) => s.field), consentBasis: basis, ...extra },
    { category: row.category, urgency: row.urgency, date },
  );
}

/** The send of a slip referral: checked, then marked sent in one transaction. */
export async function sendReferral(env: HandlerEnv, caseId: string, referralId: string, date: string, emergencyReason: string | null): Promise<SendChecked> {
  const checked = await checkSend(env, caseId, referralId, date, emergencyReason);
  await env.tx((trx) => markSent(env, trx, checked, date, emergencyReason));
  return checked;
}

export interface MoveRequest {
  to: ReferralStatus;
  date: string;
  reason: string;
  outcome: string;
}

/** What refuses a move, before anything is written (the lifecycle, dates, a reason or an outcome where needed). */
export function checkMove(row: Pick<ReferralsTable, 'status' | 'sent_on'>, m: MoveRequest, today: string): void {
  if (m.to === 'sent' || !canMove(row.status, m.to)) throw new AppError('REFERRAL_INVALID_MOVE', `a ${row.status} referral cannot become ${m.to}`, { params: { from: row.status, to: m.to } });
  if (m.date > today) throw new AppError('INVALID_DATE', 'not in the future', { issues: [{ path: ['date'], code: 'inFuture', message: 'inFuture' }] });
  if (row.sent_on && m.date < row.sent_on) throw new AppError('INVALID_DATE', 'not before it was sent', { issues: [{ path: ['date'], code: 'beforeSent', message: 'beforeSent' }] });
  const needs = moveNeeds(m.to);
  if (needs === 'reason' && !m.reason) throw new AppError('VALIDATION', 'a reason is needed', { issues: [{ path: ['reason'], code: 'custom', message: 'required' }] });
  if (needs === 'outcome' && !m.outcome) throw new AppError('VALIDATION', 'an outcome is needed', { issues: [{ path: ['outcome'], code: 'custom', message: 'required' }] });
}

/** Moves a referral in `trx` (checked first by checkMove); returns the row as it now stands. */
export async function applyMove(env: HandlerEnv, trx: Transaction<DB>, row: ReferralsTable, m: MoveRequest, audit: Record<string, unknown> = {}): Promise<ReferralsTable> {
  const needs = moveNeeds(m.to);
  const next = {
    status: m.to,
    decline_reason: needs === 'reason' ? m.reason : row.decline_reason,
    outcome: needs === 'outcome' ? m.outcome : row.outcome,
    updated_at: env.now().toISOString(),
    version: row.version + 1,
  };
  const result = await trx.updateTable('referrals').set(next).where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'someone else changed this referral', { params: { reason: 'version' } });
  await trx.insertInto('referral_events').values({ referral_id: row.id, at: next.updated_at, user_id: env.session.userId, from_status: row.status, to_status: m.to, date: m.date, note: m.reason || m.outcome }).execute();
  await recordCaseChange(env, trx, row.case_id, 'referral.moved', { referralId: row.id, from: row.status, to: m.to, ...audit }, { category: row.category, from: row.status, to: m.to, date: m.date });
  return { ...row, ...next };
}
