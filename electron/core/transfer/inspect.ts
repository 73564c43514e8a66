// Node-only. Opening a transfer file, in the order that keeps a hostile file harmless: size →
// outer container → manifest → signature → recipient is us → sender is a trusted, unrevoked
// partner → decrypt → inner container against the signed hashes → strict records. Nothing here
// writes; accept (receive.ts) runs the same checks again inside its transaction.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { z } from 'zod';
import { transferLimits, type TransferManifest } from '../../../shared/transfer/format';
import type { DB } from '../db/schema';
import { readEnvelope, readPayload, TransferError, type Envelope } from './container';
import { cardFingerprint, loadOfficeKeys } from './keys';
import { parseRecords, type CaseRecords } from './records';
import type { PartnerOfficesTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;

export const receiptSchema = z
  .object({
    schema: z.literal('homeward-receipt'),
    schemaVersion: z.literal(1),
    transferId: z.uuid(),
    decision: z.enum(['accepted', 'rejected']),
    decidedAt: z.iso.datetime(),
    decidedByName: z.string().max(200),
    reason: z.string().max(2000),
    /** The receiving office's audit chain when it decided: head hash and length. */
    auditAnchor: z.object({ headHash: z.string().regex(/^[0-9a-f]{64}$/u), count: z.number().int().min(0) }).strict(),
  })
  .strict();
export type Receipt = z.infer<typeof receiptSchema>;

export interface Checked {
  envelope: Envelope;
  manifest: TransferManifest;
  partner: Selectable<PartnerOfficesTable>;
  identity: string;
}

export const senderFingerprint = (m: TransferManifest) => cardFingerprint(m.sender.signingKey, m.sender.ageRecipient);

/** Everything up to decryption: the file is intact, signed, for us, from a trusted partner. */
export async function checkFile(db: Db, file: string, limitBytes: number = transferLimits.fileBytes): Promise<Checked> {
  const envelope = await readEnvelope(file, limitBytes);
  const { manifest } = envelope;
  const keys = await loadOfficeKeys(db);
  if (manifest.recipient.ageRecipient !== keys.ageRecipient || manifest.recipient.signingKey !== keys.signingPublicKey) {
    throw new TransferError('TRANSFER_WRONG_RECIPIENT', 'recipient', { recipient: manifest.recipient.code });
  }
  const who = { fingerprint: senderFingerprint(manifest), sender: manifest.sender.name.slice(0, 200), senderCode: manifest.sender.code };
  const partner = await db.selectFrom('partner_offices').selectAll().where('signing_public_key', '=', manifest.sender.signingKey).executeTakeFirst();
  if (!partner || partner.age_recipient !== manifest.sender.ageRecipient) throw new TransferError('TRANSFER_UNKNOWN_SENDER', 'sender', who);
  if (partner.revoked_at) throw new TransferError('TRANSFER_SENDER_REVOKED', 'sender', who);
  return { envelope, manifest, partner, identity: keys.ageIdentity };
}

export interface AttachmentSink {
  (id: string, bytes: number, chunks: AsyncIterable<Buffer>): Promise<void>;
}

const drain: AttachmentSink = async (_id, _bytes, chunks) => {
  for await (const _ of chunks) void _;
};

/** Decrypts a case package: strict records, and each attachment handed to `sink` (or drained). */
export async function readCase(db: Db, file: string, checked: Checked, sink: AttachmentSink = drain, onRecords?: (r: CaseRecords) => Promise<void>): Promise<CaseRecords> {
  if (checked.manifest.kind !== 'case') throw new TransferError('TRANSFER_MALFORMED', 'kind');
  let records: CaseRecords | null = null;
  const documents = new Map<string, { bytes: number; sha256: string }>();
  const seen = new Set<string>();
  await readPayload(file, checked.envelope, checked.identity, {
    async records(bytes) {
      records = await parseRecords(db, bytes);
      for (const d of records.sections.case_documents ?? []) documents.set(String(d.id), { bytes: Number(d.size_bytes), sha256: String(d.sha256) });
      const attached = checked.manifest.contents.slice(1).map((c) => c.name.slice('attachments/'.length));
      // Every document row has exactly its file, and every file its row, with the same hash.
      if (attached.length !== documents.size || attached.some((id) => {
        const doc = documents.get(id);
        const entry = checked.manifest.contents.find((c) => c.name === `attachments/${id}`)!;
        return !doc || doc.bytes !== entry.bytes || doc.sha256 !== entry.sha256;
      })) {
        throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'case_documents' });
      }
      await onRecords?.(records);
    },
    async attachment(id, bytes, chunks) {
      if (seen.has(id)) throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'innerEntry');
      seen.add(id);
      await sink(id, bytes, chunks);
    },
  });
  if (!records) throw new TransferError('TRANSFER_MALFORMED', 'records');
  return records;
}

export async function readReceipt(file: string, checked: Checked): Promise<Receipt> {
  if (checked.manifest.kind !== 'receipt' || checked.manifest.contents.length !== 1 || !checked.manifest.inReplyTo) {
    throw new TransferError('TRANSFER_MALFORMED', 'kind');
  }
  let receipt: Receipt | null = null;
  await readPayload(file, checked.envelope, checked.identity, {
    records(bytes) {
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
      } catch {
        throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'json' });
      }
      const parsed = receiptSchema.safeParse(json);
      if (!parsed.success || parsed.data.transferId !== checked.manifest.inReplyTo) {
        throw new TransferError('TRANSFER_INVALID_RECORDS', 'records', { field: 'receipt' });
      }
      receipt = parsed.data;
    },
    async attachment() {
      throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'innerEntry');
    },
  });
  if (!receipt) throw new TransferError('TRANSFER_MALFORMED', 'records');
  return receipt;
}

/** Refuses what was already imported or decided, and files older than what this case holds. */
export async function checkFresh(db: Db, manifest: TransferManifest, caseId: string | null): Promise<void> {
  if (manifest.kind === 'case') {
    const known = await db.selectFrom('transfers').select('id').where('id', '=', manifest.transferId).executeTakeFirst();
    if (known) throw new TransferError('TRANSFER_ALREADY_IMPORTED', 'transferId');
    if (caseId) {
      const newer = await db
        .selectFrom('transfers')
        .select('id')
        .where('case_id', '=', caseId)
        .where('direction', '=', 'in')
        .where('status', '=', 'accepted')
        .where('sent_at', '>=', manifest.createdAt)
        .executeTakeFirst();
      if (newer) throw new TransferError('TRANSFER_STALE', 'older');
    }
  }
}
