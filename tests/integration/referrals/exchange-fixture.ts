// Two offices for the partner-referral tests: the directory office of the services tests (Gulu, on
// a clock at 2025-09-01, Wanjiru's child in Pece) and Lira Counselling Office, a Homeward office
// that is also a provider. The administrators exchange cards; Gulu's directory links its Gulu
// Counselling Centre to that partner. Helpers read the real tables through a raw connection.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { InProcessClient } from '../../../electron/core/client';
import type { Core } from '../../../electron/core/core';
import { generateOfficeKeys, type OfficeKeys } from '../../../electron/core/transfer/keys';
import { openRawWithKey, setUpStaffedOffice, supervisorPassword } from '../../fixtures/core';
import { setUpDirectoryOffice } from '../services/fixture';
import { trustEachOther } from '../transfer/fixture';

export async function setUpPartnerReferral() {
  const gulu = await setUpDirectoryOffice();
  const lira = await setUpStaffedOffice({}, { office: { name: 'Lira Counselling Office', code: 'LRA', country: 'UG', defaultLanguage: 'en' } });
  const liraSupervisor = await lira.login('sara', supervisorPassword);
  const [partnerInGulu] = await trustEachOther(gulu, lira);
  const c = gulu.clinic;
  await gulu.worker.ok('services.saveProvider', { provider: { id: c.id, name: c.name, kind: c.kind, language: 'ar', lastVerified: c.lastVerified, partnerId: partnerInGulu } });
  const draft = await gulu.worker.ok('referrals.saveDraft', {
    caseId: gulu.caseId,
    referral: { providerId: gulu.clinic.id, category: 'mental_health', need: 'Counselling after the return', urgency: 'urgent', fields: ['name', 'age', 'need', 'urgency'] },
  });
  return { gulu, lira, liraSupervisor, partnerInGulu, draftId: draft.id };
}
export type PartnerReferral = Awaited<ReturnType<typeof setUpPartnerReferral>>;

export async function giveReferralConsent(worker: InProcessClient, caseId: string) {
  await worker.ok('consents.record', { caseId, consent: { givenBy: 'caregiver', giverName: 'Grace Okello', relationship: 'mother', purposes: ['referral'], method: 'verbal', date: '2025-09-01' } });
}

export function rows(core: Core, sql: string): unknown[] {
  const raw = openRawWithKey(core);
  try {
    return raw.prepare(sql).all();
  } finally {
    raw.close();
  }
}

export const count = (core: Core, table: string) => (rows(core, `SELECT count(*) AS n FROM ${table}`)[0] as { n: number }).n;

/** The sealed files an office keeps (transfers/outgoing). */
export function outgoingFiles(core: Core): string[] {
  const dir = path.join(core.paths.dataDir, 'transfers', 'outgoing');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.homeward')) : [];
}

/** An office nobody trusts: its keys only. */
export function strangerKeys(): OfficeKeys {
  const k = generateOfficeKeys();
  return {
    ageIdentity: k.age_identity,
    ageRecipient: k.age_recipient,
    signingKey: crypto.createPrivateKey({ key: Buffer.from(k.signing_private_key, 'base64'), format: 'der', type: 'pkcs8' }),
    signingPublicKey: k.signing_public_key,
  };
}

/** One byte of the encrypted payload changed (after the signed manifest was made). */
export function tampered(fileBase64: string): string {
  const bytes = Buffer.from(fileBase64, 'base64');
  const at = bytes.indexOf('age-encryption.org/v1') + 40;
  bytes[at] ^= 0x01;
  return bytes.toString('base64');
}
