// Environment-free. The `.homeward` transfer file, format version 1 (documented in FORMAT.md beside
// this file). Outer layer, readable by anyone: a tar with exactly three entries, in this order —
//   manifest.json  the plain manifest below (no personal data), UTF-8 JSON
//   manifest.sig   64 bytes: the sender's Ed25519 signature over manifest.json's exact bytes
//   payload.age    an age file (X25519) encrypted to the recipient office: an inner tar of
//                  records.json and attachments/<uuid>, listed with their hashes in the manifest.
import { z } from 'zod';

export const transferFormat = 'homeward-transfer';
export const transferFormatVersion = 1;

export const transferLimits = {
  /** Default office limit on a transfer file, in bytes. */
  fileBytes: 256 * 1024 * 1024,
  manifestBytes: 64 * 1024,
  recordsBytes: 16 * 1024 * 1024,
  attachmentBytes: 10 * 1024 * 1024,
  innerEntries: 401,
  /** An attachment or record string longer than this is refused. */
  textChars: 100_000,
  /** Rows in one section of the records. */
  sectionRows: 5_000,
} as const;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u);
const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/u);
export const contentName = z.string().regex(/^(records\.json|attachments\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/u);
const officeRef = z
  .object({
    code: z.string().min(1).max(20),
    name: z.string().min(1).max(200),
    country: z.string().min(2).max(3),
    signingKey: base64Key,
    ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/u),
  })
  .strict();

export const manifestSchema = z
  .object({
    format: z.literal(transferFormat),
    formatVersion: z.literal(transferFormatVersion),
    /** A case and its receipt; a referral to a partner provider and the provider's responses (FORMAT.md). */
    kind: z.enum(['case', 'receipt', 'referral', 'referral-response']),
    transferId: z.uuid(),
    /** For a receipt or a referral response: the file it answers. */
    inReplyTo: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    sender: officeRef,
    recipient: officeRef,
    payload: z.object({ name: z.literal('payload.age'), bytes: z.number().int().min(1), sha256: sha256Hex }).strict(),
    contents: z
      .array(z.object({ name: contentName, bytes: z.number().int().min(0), sha256: sha256Hex }).strict())
      .min(1)
      .max(transferLimits.innerEntries),
  })
  .strict();
export type TransferManifest = z.infer<typeof manifestSchema>;
export type OfficeRef = z.infer<typeof officeRef>;
