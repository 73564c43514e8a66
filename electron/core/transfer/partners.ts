// Node-only. The office card (public keys to hand to partners) and the trusted partners an
// administrator keeps: a card is trusted only once its fingerprint was read back by phone.
import crypto from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { officeCardSchema, type OfficeCard, type Partner } from '../../../shared/transfer/contract';
import type { DB } from '../db/schema';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { parseRecipient } from './age';
import { cardFingerprint, loadOfficeKeys, signingPublicKeyFrom } from './keys';
import type { PartnerOfficesTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;

export function parseCard(text: string): OfficeCard {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'not an office card', { issues: [{ path: ['cardText'], code: 'card', message: 'card' }] });
  }
  const parsed = officeCardSchema.safeParse(json);
  const usable = parsed.success && signingPublicKeyFrom(parsed.data.signingKey) !== null && isAgeRecipient(parsed.data.ageRecipient);
  if (!usable) throw new AppError('VALIDATION', 'not an office card', { issues: [{ path: ['cardText'], code: 'card', message: 'card' }] });
  return parsed.data;
}

function isAgeRecipient(recipient: string): boolean {
  return parseRecipient(recipient) !== null;
}

export function toPartner(row: Selectable<PartnerOfficesTable>): Partner {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    country: row.country,
    fingerprint: row.fingerprint,
    trustedAt: row.trusted_at,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
  };
}

export async function ownCard(db: Db, deps: CoreDeps): Promise<{ card: OfficeCard; fingerprint: string }> {
  const keys = await loadOfficeKeys(db);
  const { office } = await deps.settings();
  const card: OfficeCard = {
    format: 'homeward-office-card',
    version: 1,
    name: office.name,
    code: office.code,
    country: office.country,
    ageRecipient: keys.ageRecipient,
    signingKey: keys.signingPublicKey,
  };
  return { card, fingerprint: cardFingerprint(card.signingKey, card.ageRecipient) };
}

const digitsOnly = (s: string) => s.replace(/\D/gu, '');

export function createPartnerHandlers(deps: CoreDeps) {
  return defineHandlers({
    'transfer.officeCard': async (_input, env) => {
      const { card, fingerprint } = await ownCard(env.db(), deps);
      await env.audit(env.db(), { action: 'transfer.officeCard', entityType: 'office', entityId: card.code });
      return { card, cardText: `${JSON.stringify(card, null, 2)}\n`, fingerprint };
    },

    'transfer.partners': async (_input, env) => {
      const rows = await env.db().selectFrom('partner_offices').selectAll().orderBy('name').execute();
      return rows.map(toPartner);
    },

    'transfer.inspectCard': async ({ cardText }) => {
      const card = parseCard(cardText);
      return { card, fingerprint: cardFingerprint(card.signingKey, card.ageRecipient) };
    },

    'transfer.trustPartner': async ({ cardText, kind, fingerprint }, env) => {
      const card = parseCard(cardText);
      const expected = cardFingerprint(card.signingKey, card.ageRecipient);
      if (digitsOnly(fingerprint) !== digitsOnly(expected)) {
        throw new AppError('VALIDATION', 'the fingerprint does not match the card', { issues: [{ path: ['fingerprint'], code: 'mismatch', message: 'mismatch' }] });
      }
      const own = await loadOfficeKeys(env.db());
      if (own.signingPublicKey === card.signingKey) throw new AppError('CONFLICT', 'this is our own card', { params: { reason: 'ownCard' } });
      const now = env.now().toISOString();
      const existing = await env.db().selectFrom('partner_offices').selectAll().where('signing_public_key', '=', card.signingKey).executeTakeFirst();
      const id = existing?.id ?? crypto.randomUUID();
      await env.tx(async (trx) => {
        const values = {
          kind,
          name: card.name,
          code: card.code,
          country: card.country,
          age_recipient: card.ageRecipient,
          fingerprint: expected,
          trusted_at: now,
          trusted_by: env.session.userId,
          revoked_at: null,
          revoked_by: null,
          revoke_reason: null,
        };
        if (existing) await trx.updateTable('partner_offices').set(values).where('id', '=', id).execute();
        else await trx.insertInto('partner_offices').values({ id, signing_public_key: card.signingKey, ...values }).execute();
        await env.audit(trx, { action: 'transfer.partnerTrust', entityType: 'partner', entityId: id, details: { code: card.code, kind, fingerprint: expected } });
      });
      return toPartner(await env.db().selectFrom('partner_offices').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    },

    'transfer.revokePartner': async ({ partnerId, reason }, env) => {
      const row = await env.db().selectFrom('partner_offices').selectAll().where('id', '=', partnerId).executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', 'no such partner');
      if (row.revoked_at) throw new AppError('CONFLICT', 'already revoked', { params: { reason: 'revoked' } });
      await env.tx(async (trx) => {
        await trx
          .updateTable('partner_offices')
          .set({ revoked_at: env.now().toISOString(), revoked_by: env.session.userId, revoke_reason: reason })
          .where('id', '=', partnerId)
          .execute();
        await env.audit(trx, { action: 'transfer.partnerRevoke', entityType: 'partner', entityId: partnerId, details: { code: row.code } });
      });
      return toPartner(await env.db().selectFrom('partner_offices').selectAll().where('id', '=', partnerId).executeTakeFirstOrThrow());
    },
  });
}
