// Node-only. Referral files between partner offices, on the transfer module's own sealing, signing,
// verification and partner trust (its public functions, unchanged): a referral or a response is a
// `.homeward` file with one inner entry, records.json, encrypted to the partner and signed by this
// office. Opening one runs the transfer checks in their order (size → container → manifest →
// signature → recipient is us → sender is a trusted, unrevoked partner → decrypt → the inner entry
// against the signed hash) and then this feature's strict schema; any refusal is audited and
// nothing else is written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { exchangeFileLimitBytes, type SealedFile } from '../../../shared/referrals/exchange';
import type { TransferManifest } from '../../../shared/transfer/format';
import type { CoreDeps } from '../deps';
import type { HandlerEnv } from '../handler';
import { readPayload, TransferError } from '../transfer/container';
import { sealTransferFile } from '../transfer/seal';
import { createTransferFiles } from '../transfer/files';
import { checkFile, senderFingerprint, type Checked } from '../transfer/inspect';
import { loadOfficeKeys } from '../transfer/keys';
import { ownCard } from '../transfer/partners';
import type { PartnerOfficesTable } from '../transfer/tables';

export type ExchangeKind = 'referral' | 'referral-response';

/** Where this office keeps the files it sealed (they can be saved again), beside the case transfers'. */
export function exchangeFilePath(deps: CoreDeps, transferId: string, kind: ExchangeKind): string {
  return createTransferFiles(deps).outgoing(transferId, kind === 'referral' ? 'package' : 'receipt');
}

export function exchangeFileName(transferId: string, kind: ExchangeKind): string {
  return `${kind}-${transferId.slice(0, 8)}.homeward`;
}

export function readSealed(deps: CoreDeps, transferId: string, kind: ExchangeKind): SealedFile {
  let data: Buffer;
  try {
    data = fs.readFileSync(exchangeFilePath(deps, transferId, kind));
  } catch {
    throw new AppError('NOT_FOUND', 'the file is no longer on this computer');
  }
  return { fileName: exchangeFileName(transferId, kind), dataBase64: data.toString('base64') };
}

export interface Sealed {
  transferId: string;
  file: string;
  sha256: string;
  bytes: number;
}

/** Seals `records` to `partner` as a file of `kind`; the caller records it, or removes the file if that fails. */
export async function sealExchange(
  env: HandlerEnv,
  deps: CoreDeps,
  partner: Pick<PartnerOfficesTable, 'code' | 'name' | 'country' | 'signing_public_key' | 'age_recipient'>,
  kind: ExchangeKind,
  inReplyTo: string | null,
  records: unknown,
): Promise<Sealed> {
  const keys = await loadOfficeKeys(env.db());
  const { card } = await ownCard(env.db(), deps);
  const transferId = crypto.randomUUID();
  const file = exchangeFilePath(deps, transferId, kind);
  const bytes = Buffer.from(JSON.stringify(records), 'utf8');
  const sealed = await sealTransferFile({
    file,
    keys,
    manifest: {
      kind,
      transferId,
      inReplyTo,
      createdAt: env.now().toISOString(),
      sender: { code: card.code, name: card.name, country: card.country, signingKey: card.signingKey, ageRecipient: card.ageRecipient },
      recipient: { code: partner.code, name: partner.name, country: partner.country, signingKey: partner.signing_public_key, ageRecipient: partner.age_recipient },
    },
    entries: [{ name: 'records.json', data: bytes }],
  });
  return { transferId, file, sha256: sealed.sha256, bytes: sealed.bytes };
}

export interface Opened<T> {
  checked: Checked;
  manifest: TransferManifest;
  records: T;
  sender: { name: string; code: string; country: string; fingerprint: string };
}

/**
 * Verifies and decrypts a referral file or a response of `kind`, and parses its records with
 * `schema`. The bytes go to a private temporary file (the transfer checks read files) that is
 * removed whatever happens. A refusal is audited with its code.
 */
export async function openExchange<S extends z.ZodType>(env: HandlerEnv, deps: CoreDeps, fileBase64: string, kind: ExchangeKind, schema: S): Promise<Opened<z.infer<S>>> {
  const bytes = Buffer.from(fileBase64, 'base64');
  const dir = path.join(deps.store.paths.dataDir, 'transfers', 'incoming');
  const file = path.join(dir, `${crypto.randomUUID()}.${kind}.homeward`);
  try {
    if (bytes.length > exchangeFileLimitBytes) throw new TransferError('TRANSFER_TOO_LARGE', 'size', { limitBytes: exchangeFileLimitBytes });
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, bytes, { mode: 0o600 });
    const checked = await checkFile(env.db(), file, exchangeFileLimitBytes);
    const { manifest } = checked;
    if (manifest.kind !== kind || manifest.contents.length !== 1 || (kind === 'referral-response') !== (manifest.inReplyTo !== null)) {
      throw new TransferError('TRANSFER_MALFORMED', 'kind');
    }
    let records: z.infer<S> | null = null;
    await readPayload(file, checked.envelope, checked.identity, {
      records(data) {
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
        } catch {
          throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'json' });
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: String(parsed.error.issues[0]?.path.join('.') ?? '') });
        records = parsed.data as z.infer<S>;
      },
      async attachment() {
        throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'innerEntry');
      },
    });
    if (records === null) throw new TransferError('TRANSFER_MALFORMED', 'records');
    const sender = { name: checked.partner.name, code: checked.partner.code, country: checked.partner.country, fingerprint: senderFingerprint(manifest) };
    return { checked, manifest, records, sender };
  } catch (error) {
    if (error instanceof AppError) {
      await env.audit(env.db(), { action: 'referrals.fileRefused', entityType: 'referral', entityId: null, details: { kind, code: error.code, reason: String(error.params?.reason ?? '') } });
    }
    throw error;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
