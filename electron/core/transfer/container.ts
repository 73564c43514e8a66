// Node-only. Reads `.homeward` files (format in shared/transfer/format.ts; seal.ts writes them),
// streamed end to end: the file is read in 1 MiB pieces and attachments are handed on as they are
// decrypted. Reading happens in two passes over the file: `readEnvelope` checks the outer tar, the manifest and
// its signature and the payload's hash without decrypting anything; `readPayload` decrypts and
// checks every inner entry against the signed manifest. Every failure is a TransferError with a
// known code; nothing here writes to the database.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { AppError, type ErrorCode } from '../../../shared/contract/errors';
import {
  contentName,
  manifestSchema,
  transferFormat,
  transferFormatVersion,
  transferLimits,
  type TransferManifest,
} from '../../../shared/transfer/format';
import { AgeError, ageDecrypt } from './age';
import { rangeHash, type RangeHash } from './hash';
import { verify } from './keys';

/** An entry of a tar being read; `offset` is where its header starts in the file. */
type TarEntry = AsyncIterable<Buffer> & { header: tar.Header; offset: number };

/** Read size: large pieces keep the per-piece cost of the streams below that of the bytes. */
const readPiece = 1024 * 1024;

export class TransferError extends AppError {
  constructor(code: ErrorCode, reason: string, params: Record<string, string | number> = {}) {
    super(code, reason, { params: { reason, ...params } });
  }
}

/**
 * A transfer file's identity, for idempotence and receipts: SHA-256 over the signed manifest and
 * its signature. The manifest binds the payload's size and SHA-256 (and so every byte that
 * matters), so this names the file's content as well as a hash of the whole file would, without
 * another pass over the payload when sealing or opening.
 */
export function transferIdentity(manifestBytes: Buffer, signature: Buffer): string {
  return crypto.createHash('sha256').update(`homeward-transfer-identity\n${manifestBytes.length}\n`).update(manifestBytes).update(signature).digest('hex');
}

export interface Envelope {
  manifest: TransferManifest;
  /** The file's identity (see transferIdentity): for idempotence and receipts. */
  fileSha256: string;
  fileBytes: number;
}

async function readAll(entry: TarEntry, max: number, code: ErrorCode, reason: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of entry) {
    size += chunk.length;
    if (size > max) throw new TransferError(code, reason);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** Runs `work` over the outer tar's entries; any parse failure becomes TRANSFER_MALFORMED. */
async function overOuter(file: string, work: (entry: TarEntry, index: number) => Promise<void>): Promise<void> {
  const extract = tar.extract();
  const source = fs.createReadStream(file, { highWaterMark: readPiece });
  source.on('error', (e) => extract.destroy(e));
  source.pipe(extract);
  let index = 0;
  try {
    for await (const entry of extract as AsyncIterable<TarEntry>) {
      await work(entry, index);
      index += 1;
    }
  } catch (error) {
    source.destroy();
    extract.destroy();
    throw error;
  }
  if (index !== 3) throw new TransferError('TRANSFER_MALFORMED', 'entries');
}

const outerNames = ['manifest.json', 'manifest.sig', 'payload.age'];

function checkHeader(entry: TarEntry, index: number, max: number): void {
  const { name, type, size } = entry.header;
  if (type !== 'file') throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'entryType');
  if (index > 2 || name !== outerNames[index]) throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'entryName');
  if ((size ?? 0) > max) throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'entrySize');
}

/** Pass 1: outer tar, manifest, signature (against the key the manifest names), payload hash. */
export async function readEnvelope(file: string, limitBytes: number = transferLimits.fileBytes): Promise<Envelope> {
  return asTransferError(async () => {
    const stat = fs.statSync(file);
    if (stat.size > limitBytes) throw new TransferError('TRANSFER_TOO_LARGE', 'size', { limitBytes });
    const got: { manifestBytes?: Buffer; manifest?: TransferManifest; signature?: Buffer; hash?: RangeHash; payloadBytes: number } = { payloadBytes: 0 };
    try {
      await overOuter(file, async (entry, index) => {
        checkHeader(entry, index, index === 0 ? transferLimits.manifestBytes : index === 1 ? 64 : limitBytes);
        if (index === 0) {
          got.manifestBytes = await readAll(entry, transferLimits.manifestBytes, 'TRANSFER_UNSAFE_CONTAINER', 'manifestSize');
          got.manifest = parseManifest(got.manifestBytes);
        } else if (index === 1) {
          got.signature = await readAll(entry, 64, 'TRANSFER_BAD_SIGNATURE', 'signatureSize');
          if (!verify(got.manifest!.sender.signingKey, got.manifestBytes!, got.signature)) throw new TransferError('TRANSFER_BAD_SIGNATURE', 'signature');
        } else {
          // The hashing thread reads and hashes the payload's bytes from the file (a large payload)
          // while this reads through it to check the rest of the tar.
          const size = entry.header.size ?? 0;
          got.hash = rangeHash(file, entry.offset + 512, size);
          got.hash.written(entry.offset + 512 + size);
          for await (const chunk of entry) got.payloadBytes += chunk.length;
        }
      });
      const { manifest, manifestBytes, signature, hash } = got;
      if (!manifest || !manifestBytes || !signature || !hash) throw new TransferError('TRANSFER_MALFORMED', 'entries');
      if (got.payloadBytes !== manifest.payload.bytes || (await hash.digest()) !== manifest.payload.sha256) {
        throw new TransferError('TRANSFER_BAD_SIGNATURE', 'payloadHash');
      }
      return { manifest, fileSha256: transferIdentity(manifestBytes, signature), fileBytes: stat.size };
    } finally {
      got.hash?.close();
    }
  });
}

function parseManifest(bytes: Buffer): TransferManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new TransferError('TRANSFER_MALFORMED', 'manifestJson');
  }
  const head = json as { format?: unknown; formatVersion?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== transferFormat) throw new TransferError('TRANSFER_MALFORMED', 'notATransfer');
  if (head.formatVersion !== transferFormatVersion) {
    throw new TransferError('TRANSFER_UNSUPPORTED_VERSION', 'formatVersion', { version: String(head.formatVersion).slice(0, 20) });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new TransferError('TRANSFER_MALFORMED', 'manifest');
  return parsed.data;
}

export interface PayloadHandlers {
  records(bytes: Buffer): Promise<void> | void;
  /** Each attachment, after records; its chunks must be consumed. Checked against the manifest. */
  attachment(id: string, bytes: number, chunks: AsyncIterable<Buffer>): Promise<void>;
}

/** Pass 2: decrypts the payload and hands each inner entry over, checked against the manifest. */
export async function readPayload(file: string, envelope: Envelope, identity: string, handlers: PayloadHandlers): Promise<void> {
  const expected = envelope.manifest.contents;
  const innerTotal = expected.reduce((n, c) => n + c.bytes, 0);
  // age adds 16 bytes per 64 KiB and a header; tar 512 bytes per entry: anything far beyond is a bomb.
  if (innerTotal > envelope.manifest.payload.bytes * 1.01 + 512 * (expected.length + 4)) {
    throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'sizeRatio');
  }
  if (expected[0]?.name !== 'records.json' || expected.slice(1).some((c) => c.name === 'records.json')) {
    throw new TransferError('TRANSFER_MALFORMED', 'contents');
  }
  await asTransferError(async () => {
    await overOuter(file, async (entry, index) => {
      checkHeader(entry, index, envelope.fileBytes);
      if (index < 2) {
        for await (const _ of entry) void _;
        return;
      }
      // Two batches (2 MiB) decrypted ahead at most: never the whole payload in memory.
      await readInner(Readable.from(decrypted(identity, entry), { highWaterMark: 2 }), expected, handlers);
    });
  });
}

/** The payload's plaintext; a refusal of the age layer becomes a known transfer error. */
async function* decrypted(identity: string, sealed: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* ageDecrypt(identity, sealed);
  } catch (error) {
    if (error instanceof AgeError) throw new TransferError(error.reason === 'recipient' ? 'TRANSFER_WRONG_RECIPIENT' : 'TRANSFER_MALFORMED', 'decrypt');
    throw error;
  }
}

async function readInner(plain: Readable, expected: TransferManifest['contents'], handlers: PayloadHandlers): Promise<void> {
  const extract = tar.extract();
  plain.on('error', (e) => extract.destroy(e));
  plain.pipe(extract);
  let index = 0;
  try {
    for await (const entry of extract as AsyncIterable<TarEntry>) {
      const { name, type, size = 0 } = entry.header;
      const want = expected[index];
      if (type !== 'file' || !contentName.safeParse(name).success) throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'innerEntry');
      if (!want || want.name !== name || want.bytes !== size) throw new TransferError('TRANSFER_BAD_SIGNATURE', 'contents');
      if (name === 'records.json' && size > transferLimits.recordsBytes) throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'recordsSize');
      if (name !== 'records.json' && size > transferLimits.attachmentBytes) throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'attachmentSize');
      const entryHash = crypto.createHash('sha256');
      const hashed = (async function* () {
        for await (const chunk of entry as AsyncIterable<Buffer>) {
          entryHash.update(chunk);
          yield chunk;
        }
      })();
      if (name === 'records.json') {
        const parts: Buffer[] = [];
        for await (const chunk of hashed) parts.push(chunk);
        if (entryHash.digest('hex') !== want.sha256) throw new TransferError('TRANSFER_BAD_SIGNATURE', 'contentHash');
        await handlers.records(Buffer.concat(parts));
      } else {
        await handlers.attachment(name.slice('attachments/'.length), size, hashed);
        for await (const _ of hashed) void _;
        if (entryHash.digest('hex') !== want.sha256) throw new TransferError('TRANSFER_BAD_SIGNATURE', 'contentHash');
      }
      index += 1;
    }
  } catch (error) {
    plain.destroy();
    extract.destroy();
    throw error;
  }
  if (index !== expected.length) throw new TransferError('TRANSFER_BAD_SIGNATURE', 'contents');
}

/** Anything that is not already a known refusal is a malformed file — never an internal error. */
export async function asTransferError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // The database refusing a row (a CHECK, a duplicate id) while a package is imported.
    if (error instanceof Error && error.name === 'SqliteError') throw new TransferError('TRANSFER_INVALID_RECORDS', 'constraint');
    throw new TransferError('TRANSFER_MALFORMED', 'unreadable');
  }
}
