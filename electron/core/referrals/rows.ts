// Node-only. A referral row with its provider, service and events, as the contract's shape.
import type { Kysely, Transaction } from 'kysely';
import type { Referral } from '../../../shared/referrals/contract';
import { awaitingResponse } from '../../../shared/referrals/lifecycle';
import { AppError } from '../../../shared/contract/errors';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

function referralQuery(db: Db) {
  return db
    .selectFrom('referrals')
    .innerJoin('service_providers as p', 'p.id', 'referrals.provider_id')
    .innerJoin('cases as c', 'c.id', 'referrals.case_id')
    .leftJoin('services as s', 's.id', 'referrals.service_id')
    .selectAll('referrals')
    .select(['p.name as provider_name', 'p.language as provider_language', 's.name as service_name', 'c.number as case_number'])
    .select((eb) => [
      eb
        .exists(eb.selectFrom('partner_offices as po').select('po.id').whereRef('po.id', '=', 'p.partner_id').where('po.revoked_at', 'is', null))
        .as('provider_partner'),
      eb.exists(eb.selectFrom('referral_exchanges as x').select('x.id').whereRef('x.referral_id', '=', 'referrals.id').where('x.direction', '=', 'out')).as('sealed'),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof referralQuery>['execute']>>[number];

export const isOverdue = (status: string, dueOn: string | null, today: string): boolean =>
  dueOn !== null && dueOn < today && (awaitingResponse as readonly string[]).includes(status);

async function toReferral(db: Db, r: Row, today: string): Promise<Referral> {
  const events = await db
    .selectFrom('referral_events')
    .leftJoin('users', 'users.id', 'referral_events.user_id')
    .select(['referral_events.at', 'referral_events.date', 'referral_events.from_status', 'referral_events.to_status', 'referral_events.note', 'users.display_name'])
    .where('referral_id', '=', r.id)
    .orderBy('referral_events.id')
    .execute();
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    providerId: r.provider_id,
    providerName: r.provider_name,
    providerLanguage: r.provider_language,
    providerPartner: Boolean(r.provider_partner),
    sealed: Boolean(r.sealed),
    serviceId: r.service_id,
    serviceName: r.service_name,
    category: r.category,
    objectiveKey: r.objective_key,
    finding: r.finding,
    need: r.need,
    urgency: r.urgency,
    status: r.status,
    fields: JSON.parse(r.shared_fields) as Referral['fields'],
    texts: JSON.parse(r.field_texts) as Record<string, string>,
    reasons: JSON.parse(r.field_reasons) as Record<string, string>,
    consentBasis: r.consent_basis,
    emergencyReason: r.emergency_reason,
    sentOn: r.sent_on,
    dueOn: r.due_on,
    overdue: isOverdue(r.status, r.due_on, today),
    declineReason: r.decline_reason,
    outcome: r.outcome,
    providerFeedback: r.provider_feedback,
    childView: r.child_view,
    familyView: r.family_view,
    createdAt: r.created_at,
    version: r.version,
    events: events.map((e) => ({ at: e.at, date: e.date, from: e.from_status, to: e.to_status, note: e.note, byName: e.display_name })),
  };
}

export async function referralsOfCase(db: Db, caseId: string, today: string): Promise<Referral[]> {
  const rows = await referralQuery(db).where('referrals.case_id', '=', caseId).orderBy('referrals.created_at', 'desc').execute();
  return Promise.all(rows.map((r) => toReferral(db, r, today)));
}

export async function oneReferral(db: Db, caseId: string, referralId: string, today: string): Promise<Referral> {
  const row = await referralQuery(db).where('referrals.id', '=', referralId).where('referrals.case_id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such referral on this case');
  return toReferral(db, row, today);
}

export async function referralRow(db: Db, caseId: string, referralId: string) {
  const row = await db.selectFrom('referrals').selectAll().where('id', '=', referralId).where('case_id', '=', caseId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such referral on this case');
  return row;
}
