// Node-only. The office's two key pairs: an X25519 age identity (files are encrypted to it) and an
// Ed25519 signing key (files and receipts are signed with it). Generated once, kept only in the
// encrypted database (table office_keys); the public halves make the office card.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { bech32Encode } from '../../../shared/transfer/bech32';
import type { DB } from '../db/schema';

export interface OfficeKeyValues {
  age_identity: string;
  age_recipient: string;
  signing_private_key: string;
  signing_public_key: string;
}

const fromB64url = (s: string) => Buffer.from(s, 'base64url');

/** Fresh keys; synchronous so migration 12 can call it inside its transaction. */
export function generateOfficeKeys(): OfficeKeyValues {
  const x = crypto.generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
  const ed = crypto.generateKeyPairSync('ed25519');
  const edJwk = ed.publicKey.export({ format: 'jwk' });
  return {
    age_identity: bech32Encode('AGE-SECRET-KEY-', fromB64url(x.d!)).toUpperCase(),
    age_recipient: bech32Encode('age', fromB64url(x.x!)),
    signing_private_key: (ed.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64'),
    signing_public_key: fromB64url(edJwk.x!).toString('base64'),
  };
}

export interface OfficeKeys {
  ageIdentity: string;
  ageRecipient: string;
  signingKey: crypto.KeyObject;
  signingPublicKey: string;
}

/** The keys as stored (office_keys) or generated, ready to seal, open and sign with. */
export function officeKeysFrom(values: OfficeKeyValues): OfficeKeys {
  return {
    ageIdentity: values.age_identity,
    ageRecipient: values.age_recipient,
    signingKey: crypto.createPrivateKey({ key: Buffer.from(values.signing_private_key, 'base64'), format: 'der', type: 'pkcs8' }),
    signingPublicKey: values.signing_public_key,
  };
}

export async function loadOfficeKeys(db: Kysely<DB> | Transaction<DB>): Promise<OfficeKeys> {
  const row = await db.selectFrom('office_keys').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) throw new AppError('INTERNAL', 'this office has no transfer keys');
  return officeKeysFrom(row);
}

/** An Ed25519 public key from its 32 raw bytes (base64), or null when they are not one. */
export function signingPublicKeyFrom(rawBase64: string): crypto.KeyObject | null {
  const raw = Buffer.from(rawBase64, 'base64');
  if (raw.length !== 32) return null;
  try {
    return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** The public key as PEM, for checking a signature with any tool (openssl pkeyutl -verify). */
export function signingPublicKeyPem(rawBase64: string): string {
  const key = signingPublicKeyFrom(rawBase64);
  if (!key) throw new AppError('VALIDATION', 'not an Ed25519 public key');
  return key.export({ type: 'spki', format: 'pem' }) as string;
}

/**
 * What two people read to each other by phone before trusting a card: 8 groups of 4 digits from a
 * SHA-256 over both public keys, so a card with either key swapped reads differently.
 */
export function cardFingerprint(signingPublicKey: string, ageRecipient: string): string {
  const digest = crypto.createHash('sha256').update(`homeward-office-card\n${signingPublicKey}\n${ageRecipient}\n`).digest();
  const groups: string[] = [];
  for (let i = 0; i < 8; i++) groups.push(String(digest.readUInt16BE(i * 2) % 10000).padStart(4, '0'));
  return groups.join(' ');
}

export function sign(keys: OfficeKeys, data: Buffer): Buffer {
  return crypto.sign(null, data, keys.signingKey);
}

export function verify(publicKeyBase64: string, data: Buffer, signature: Buffer): boolean {
  const key = signingPublicKeyFrom(publicKeyBase64);
  if (!key || signature.length !== 64) return false;
  try {
    return crypto.verify(null, data, key, signature);
  } catch {
    return false;
  }
}
