// Node-only. The sending office's side of referrals between partner offices: send a referral as a
// sealed file (the checks of a printed slip's send, then the file, then one transaction), save that
// file again, and apply a partner's response file — refused when it is not for us, not from the
// partner the referral went to, tampered with, replayed, or older than an answer already applied.
import fs from 'node:fs';
import { todayIso } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { pathTo, referralRecordsSchemaName, responseRecordsSchema, type ReferralRecords } from '../../../shared/referrals/exchange';
import { responseDueOn } from '../../../shared/referrals/lifecycle';
import { loadCase, recordCaseChange } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { TransferError } from '../transfer/container';
import { openExchange, readSealed, sealExchange } from './exchange';
import { createReceivedHandlers } from './received';
import { oneReferral, referralRow } from './rows';
import { applyMove, checkMove, checkSend, markSent } from './steps';

/** The partner office a provider is, trusted and not revoked; else the send is refused. */
async function partnerOfProvider(env: HandlerEnv, providerId: string) {
  const provider = await env.db().selectFrom('service_providers').select('partner_id').where('id', '=', providerId).executeTakeFirst();
  const partner = provider?.partner_id
    ? await env.db().selectFrom('partner_offices').selectAll().where('id', '=', provider.partner_id).where('revoked_at', 'is', null).executeTakeFirst()
    : undefined;
  if (!partner) throw new AppError('REFERRAL_NOT_PARTNER', 'this provider is not a trusted partner office');
  return partner;
}

export function createReferralExchangeHandlers(deps: CoreDeps) {
  return defineHandlers({
    ...createReceivedHandlers(deps),

    'referrals.sendSealed': async ({ caseId, referralId, date, emergencyReason }, env) => {
      const checked = await checkSend(env, caseId, referralId, date, emergencyReason);
      const { row } = checked;
      const partner = await partnerOfProvider(env, row.provider_id);
      const category = await env.db().selectFrom('service_categories').select(['builtin', 'labels']).where('key', '=', row.category).executeTakeFirstOrThrow();
      const service = row.service_id ? await env.db().selectFrom('services').select('name').where('id', '=', row.service_id).executeTakeFirst() : undefined;
      // The slip's rows and what the partner needs to place them — no case number, no reasons, no notes.
      const records: ReferralRecords = {
        schema: referralRecordsSchemaName,
        schemaVersion: 1,
        referralId: row.id,
        category: row.category,
        categoryLabels: category.builtin === 1 ? {} : (JSON.parse(category.labels) as ReferralRecords['categoryLabels']),
        serviceName: service?.name ?? null,
        urgency: row.urgency,
        sentOn: date,
        dueOn: responseDueOn(date, row.urgency),
        referredByName: env.session.displayName,
        fields: checked.slip,
      };
      const sealed = await sealExchange(env, deps, partner, 'referral', null, records);
      try {
        await env.tx(async (trx) => {
          await markSent(env, trx, checked, date, emergencyReason, { sealedFile: sealed.transferId, partnerCode: partner.code, bytes: sealed.bytes });
          await trx
            .insertInto('referral_exchanges')
            .values({ id: sealed.transferId, referral_id: row.id, direction: 'out', partner_id: partner.id, seq: 0, status: 'sent', file_sha256: sealed.sha256, file_bytes: sealed.bytes, at: env.now().toISOString(), user_id: env.session.userId })
            .execute();
        });
      } catch (error) {
        // No record, no file: a sealed file the office never recorded must not exist.
        fs.rmSync(sealed.file, { force: true });
        throw error;
      }
      return { referral: await oneReferral(env.db(), caseId, referralId, checked.today), file: readSealed(deps, sealed.transferId, 'referral') };
    },

    'referrals.sealedFile': async ({ caseId, referralId }, env) => {
      await loadCase(env, caseId, 'read');
      await referralRow(env.db(), caseId, referralId);
      const out = await env.db().selectFrom('referral_exchanges').select('id').where('referral_id', '=', referralId).where('direction', '=', 'out').executeTakeFirst();
      if (!out) throw new AppError('NOT_FOUND', 'this referral was not sent as a file');
      const file = readSealed(deps, out.id, 'referral');
      await env.audit(env.db(), { action: 'referral.sealedFileSaved', entityType: 'case', entityId: caseId, details: { referralId, transferId: out.id } });
      return file;
    },

    'referrals.applyResponse': async ({ fileBase64 }, env) => {
      const opened = await openExchange(env, deps, fileBase64, 'referral-response', responseRecordsSchema);
      const { manifest, records, checked } = opened;
      const out = await env.db().selectFrom('referral_exchanges').selectAll().where('id', '=', manifest.inReplyTo!).where('direction', '=', 'out').executeTakeFirst();
      // The answer must be to a referral this office sealed, from the partner it went to.
      if (!out || out.partner_id !== checked.partner.id || out.referral_id !== records.referralId) {
        throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'inReplyTo' });
      }
      const { case_id: caseId } = await env.db().selectFrom('referrals').select('case_id').where('id', '=', out.referral_id).executeTakeFirstOrThrow();
      await loadCase(env, caseId, 'write');
      if (await env.db().selectFrom('referral_exchanges').select('id').where('id', '=', manifest.transferId).executeTakeFirst()) {
        throw new TransferError('TRANSFER_ALREADY_IMPORTED', 'transferId');
      }
      const last = await env.db().selectFrom('referral_exchanges').select((eb) => eb.fn.max('seq').as('seq')).where('referral_id', '=', out.referral_id).where('direction', '=', 'in').executeTakeFirst();
      if (records.seq <= Number(last?.seq ?? 0)) throw new TransferError('TRANSFER_STALE', 'older');
      let row = await referralRow(env.db(), caseId, out.referral_id);
      const today = todayIso(env.now());
      // The answer may arrive after the worker recorded it by hand (nothing to move), or skip a step
      // whose file never came (the steps between are taken, each on the timeline).
      const route = row.status === records.status ? [] : pathTo(row.status, records.status);
      if (route === null) throw new AppError('REFERRAL_INVALID_MOVE', `a ${row.status} referral cannot become ${records.status}`, { params: { from: row.status, to: records.status } });
      const moves = route.map((to, i) => ({ to, date: records.date, reason: i === route.length - 1 ? records.reason : '', outcome: i === route.length - 1 ? records.outcome : '' }));
      let check = row;
      for (const m of moves) {
        checkMove(check, m, today);
        check = { ...check, status: m.to };
      }
      await env.tx(async (trx) => {
        for (const m of moves) row = await applyMove(env, trx, row, m, { responseFile: manifest.transferId, partnerCode: checked.partner.code });
        await trx
          .insertInto('referral_exchanges')
          .values({ id: manifest.transferId, referral_id: out.referral_id, direction: 'in', partner_id: checked.partner.id, seq: records.seq, status: records.status, file_sha256: checked.envelope.fileSha256, file_bytes: checked.envelope.fileBytes, at: env.now().toISOString(), user_id: env.session.userId })
          .execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'referral.responseApplied',
          { referralId: out.referral_id, responseFile: manifest.transferId, seq: records.seq, status: records.status, moved: moves.length, partnerCode: checked.partner.code },
          { category: row.category, to: records.status, date: records.date, partnerName: checked.partner.name },
        );
      });
      return { caseId, referralId: out.referral_id, status: row.status, moved: moves.length > 0 };
    },
  });
}
