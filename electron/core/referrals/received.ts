// Node-only. The partner office's side: a referral that came as a sealed file is verified and shown
// (nothing written), accepted into the register of referrals received — its own table, never a
// case — and answered step by step; each answer is sealed as a signed response file to the sending
// office. Supervisors handle them (the child is not one of this office's cases). Every open, view,
// accept and answer is audited with field names, never values.
import fs from 'node:fs';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import {
  referralRecordsSchema,
  responseRecordsSchemaName,
  type ReceivedReferral,
  type ReceivedRow,
  type ReferralRecords,
  type ResponseRecords,
} from '../../../shared/referrals/exchange';
import { canMove, moveNeeds } from '../../../shared/referrals/lifecycle';
import { cardFingerprint } from '../transfer/keys';
import type { DB } from '../db/schema';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { TransferError } from '../transfer/container';
import { openExchange, readSealed, sealExchange, type Opened } from './exchange';
import type { ReceivedReferralsTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;

function preview(opened: Opened<ReferralRecords>) {
  const r = opened.records;
  return {
    id: opened.manifest.transferId,
    sender: opened.sender,
    category: r.category,
    categoryLabels: r.categoryLabels,
    serviceName: r.serviceName,
    urgency: r.urgency,
    sentOn: r.sentOn,
    dueOn: r.dueOn,
    referredByName: r.referredByName,
    fields: r.fields,
  };
}

/** A file already in the register (by its id, or the sender's referral) is not taken twice. */
async function refuseReplay(db: Db, opened: Opened<ReferralRecords>): Promise<void> {
  const known = await db
    .selectFrom('received_referrals')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', opened.manifest.transferId), eb.and([eb('partner_id', '=', opened.checked.partner.id), eb('sender_referral_id', '=', opened.records.referralId)])]))
    .executeTakeFirst();
  if (known) throw new TransferError('TRANSFER_ALREADY_IMPORTED', 'transferId');
}

const senderOf = (p: { name: string; code: string; country: string; signing_public_key: string; age_recipient: string }) => ({
  name: p.name,
  code: p.code,
  country: p.country,
  fingerprint: cardFingerprint(p.signing_public_key, p.age_recipient),
});

async function loadReceived(db: Db, id: string): Promise<ReceivedReferral> {
  const r = await db.selectFrom('received_referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'no such received referral');
  const partner = await db.selectFrom('partner_offices').selectAll().where('id', '=', r.partner_id).executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('received_referral_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.at', 'e.date', 'e.from_status', 'e.to_status', 'e.note', 'e.response_seq', 'u.display_name'])
    .where('e.received_id', '=', id)
    .orderBy('e.id')
    .execute();
  return {
    ...toRow(r, partner),
    serviceName: r.service_name,
    referredByName: r.referred_by,
    fields: JSON.parse(r.fields) as ReceivedReferral['fields'],
    declineReason: r.decline_reason,
    outcome: r.outcome,
    version: r.version,
    responses: r.response_seq,
    events: events.map((e) => ({ at: e.at, date: e.date, from: e.from_status, to: e.to_status, note: e.note, byName: e.display_name, seq: e.response_seq })),
  };
}

function toRow(r: Selectable<ReceivedReferralsTable>, partner: Parameters<typeof senderOf>[0]): ReceivedRow {
  return {
    id: r.id,
    sender: senderOf(partner),
    category: r.category,
    categoryLabels: JSON.parse(r.category_labels) as ReceivedRow['categoryLabels'],
    urgency: r.urgency,
    sentOn: r.sent_on,
    dueOn: r.due_on,
    status: r.status,
    receivedAt: r.received_at,
  };
}

export function createReceivedHandlers(deps: CoreDeps) {
  return defineHandlers({
    'referrals.openReceived': async ({ fileBase64 }, env) => {
      const opened = await openExchange(env, deps, fileBase64, 'referral', referralRecordsSchema);
      await refuseReplay(env.db(), opened);
      await env.audit(env.db(), {
        action: 'referrals.receivedOpen',
        entityType: 'referral',
        entityId: opened.manifest.transferId,
        details: { sender: opened.sender.code, fields: opened.records.fields.map((f) => f.field) },
      });
      return preview(opened);
    },

    'referrals.acceptReceived': async ({ fileBase64 }, env) => {
      const opened = await openExchange(env, deps, fileBase64, 'referral', referralRecordsSchema);
      const r = opened.records;
      const id = opened.manifest.transferId;
      const now = env.now().toISOString();
      await env.tx(async (trx) => {
        await refuseReplay(trx, opened);
        await trx
          .insertInto('received_referrals')
          .values({
            id,
            partner_id: opened.checked.partner.id,
            sender_referral_id: r.referralId,
            category: r.category,
            category_labels: JSON.stringify(r.categoryLabels),
            service_name: r.serviceName,
            urgency: r.urgency,
            sent_on: r.sentOn,
            due_on: r.dueOn,
            referred_by: r.referredByName,
            fields: JSON.stringify(r.fields),
            status: 'sent',
            decline_reason: null,
            outcome: null,
            response_seq: 0,
            file_sha256: opened.checked.envelope.fileSha256,
            received_at: now,
            received_by: env.session.userId,
            updated_at: now,
            version: 1,
          })
          .execute();
        await trx.insertInto('received_referral_events').values({ received_id: id, at: now, user_id: env.session.userId, from_status: null, to_status: 'sent', date: todayIso(env.now()), note: '', response_id: null, response_seq: null }).execute();
        await env.audit(trx, { action: 'referrals.receivedAccept', entityType: 'referral', entityId: id, details: { sender: opened.sender.code, fields: r.fields.map((f) => f.field) } });
      });
      return loadReceived(env.db(), id);
    },

    'referrals.receivedList': async ({ status }, env) => {
      let q = env.db().selectFrom('received_referrals').selectAll();
      if (status) q = q.where('status', '=', status);
      const rows = await q.orderBy('received_at', 'desc').limit(500).execute();
      const partners = new Map((await env.db().selectFrom('partner_offices').selectAll().execute()).map((p) => [p.id, p]));
      await env.audit(env.db(), { action: 'referrals.receivedList', entityType: 'referral', entityId: null, details: { shown: rows.length } });
      return rows.map((r) => toRow(r, partners.get(r.partner_id)!));
    },

    'referrals.receivedOne': async ({ id }, env) => {
      const one = await loadReceived(env.db(), id);
      await env.audit(env.db(), { action: 'referrals.receivedView', entityType: 'referral', entityId: id, details: { fields: one.fields.map((f) => f.field) } });
      return one;
    },

    'referrals.respondReceived': async ({ id, to, date, reason, outcome, version }, env) => {
      const row = await env.db().selectFrom('received_referrals').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'no such received referral');
      if (row.version !== version) throw new AppError('CONFLICT', 'someone else changed this referral', { params: { reason: 'version' } });
      if (!canMove(row.status, to)) throw new AppError('REFERRAL_INVALID_MOVE', `a ${row.status} referral cannot become ${to}`, { params: { from: row.status, to } });
      if (date > todayIso(env.now())) throw new AppError('INVALID_DATE', 'not in the future', { issues: [{ path: ['date'], code: 'inFuture', message: 'inFuture' }] });
      if (date < row.sent_on) throw new AppError('INVALID_DATE', 'not before it was sent', { issues: [{ path: ['date'], code: 'beforeSent', message: 'beforeSent' }] });
      const needs = moveNeeds(to);
      if (needs === 'reason' && !reason) throw new AppError('VALIDATION', 'a reason is needed', { issues: [{ path: ['reason'], code: 'custom', message: 'required' }] });
      if (needs === 'outcome' && !outcome) throw new AppError('VALIDATION', 'an outcome is needed', { issues: [{ path: ['outcome'], code: 'custom', message: 'required' }] });
      const partner = await env.db().selectFrom('partner_offices').selectAll().where('id', '=', row.partner_id).where('revoked_at', 'is', null).executeTakeFirst();
      if (!partner) throw new AppError('REFERRAL_NOT_PARTNER', 'the sending office is no longer a trusted partner');
      const seq = row.response_seq + 1;
      const now = env.now().toISOString();
      const response: ResponseRecords = {
        schema: responseRecordsSchemaName,
        schemaVersion: 1,
        referralId: row.sender_referral_id,
        seq,
        status: to,
        date,
        reason: needs === 'reason' ? reason : '',
        outcome: needs === 'outcome' ? outcome : '',
        respondedByName: env.session.displayName,
        respondedAt: now,
      };
      const sealed = await sealExchange(env, deps, partner, 'referral-response', row.id, response);
      try {
        await env.tx(async (trx) => {
          const result = await trx
            .updateTable('received_referrals')
            .set({
              status: to,
              decline_reason: needs === 'reason' ? reason : row.decline_reason,
              outcome: needs === 'outcome' ? outcome : row.outcome,
              response_seq: seq,
              updated_at: now,
              version: row.version + 1,
            })
            .where('id', '=', id)
            .where('version', '=', row.version)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'someone else changed this referral', { params: { reason: 'version' } });
          await trx
            .insertInto('received_referral_events')
            .values({ received_id: id, at: now, user_id: env.session.userId, from_status: row.status, to_status: to, date, note: reason || outcome, response_id: sealed.transferId, response_seq: seq })
            .execute();
          await env.audit(trx, { action: 'referrals.receivedRespond', entityType: 'referral', entityId: id, details: { from: row.status, to, seq, responseFile: sealed.transferId, partnerCode: partner.code } });
        });
      } catch (error) {
        fs.rmSync(sealed.file, { force: true });
        throw error;
      }
      return { received: await loadReceived(env.db(), id), file: readSealed(deps, sealed.transferId, 'referral-response') };
    },

    'referrals.responseFile': async ({ id }, env) => {
      const last = await env
        .db()
        .selectFrom('received_referral_events')
        .select(['response_id'])
        .where('received_id', '=', id)
        .where('response_id', 'is not', null)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!last?.response_id) throw new AppError('NOT_FOUND', 'no response was sealed for this referral');
      const file = readSealed(deps, last.response_id, 'referral-response');
      await env.audit(env.db(), { action: 'referrals.responseFileSaved', entityType: 'referral', entityId: id, details: { responseFile: last.response_id } });
      return file;
    },
  });
}
