// Node-only. Writes and reads `.homeward` files (format in shared/transfer/format.ts), streamed end
// to end: attachments flow from their source through tar, age and the file one chunk at a time.
// Reading happens in two passes over the file: `readEnvelope` checks the outer tar, the manifest and
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
import { AgeError, ageDecrypt, ageEncrypt } from './age';
import { streamHash, type StreamHash } from './hash';
import { sign, verify, type OfficeKeys } from './keys';

type TarEntry = AsyncIterable<Buffer> & { header: tar.Header };

export class TransferError extends AppError {
  constructor(code: ErrorCode, reason: string, params: Record<string, string | number> = {}) {
    super(code, reason, { params: { reason, ...params } });
  }
}

export interface SealEntry {
  name: string;
  bytes: number;
  /**
   * The content's SHA-256 when it is already known (a stored document's, computed when it was
   * added): not computed again, which saves a pass over every attachment. The receiver checks
   * every entry against the signed manifest, so a stored hash that were wrong refuses the file.
   */
  sha256?: string;
  /** Called once, when the entry is written: the content, in chunks. */
  content(): AsyncIterable<Uint8Array> | Uint8Array;
}

export interface SealOptions {
  file: string;
  keys: OfficeKeys;
  manifest: Omit<TransferManifest, 'payload' | 'contents' | 'format' | 'formatVersion'>;
  entries: SealEntry[];
  onProgress?(doneBytes: number, totalBytes: number): void;
}

export interface SealResult {
  manifest: TransferManifest;
  bytes: number;
  sha256: string;
}

async function writeEntry(pack: tar.Pack, name: string, bytes: number, content: AsyncIterable<Uint8Array> | Uint8Array, tick: (n: number) => void, known?: string) {
  const hash = known ? null : crypto.createHash('sha256');
  let written = 0;
  await new Promise<void>((resolve, reject) => {
    const sink = pack.entry({ name, size: bytes, mode: 0o600, mtime: new Date(0) }, (err) => (err ? reject(err) : resolve()));
    void (async () => {
      try {
        const chunks = content instanceof Uint8Array ? [content] : content;
        for await (const chunk of chunks) {
          hash?.update(chunk);
          written += chunk.length;
          tick(chunk.length);
          if (!sink.write(chunk)) await new Promise<void>((r) => sink.once('drain', () => r()));
        }
        if (written !== bytes) throw new Error(`entry ${name} changed size while sealing`);
        sink.end(undefined);
      } catch (error) {
        sink.destroy(error as Error);
        reject(error);
      }
    })();
  });
  return { name, bytes, sha256: known ?? hash!.digest('hex') };
}

/** Seals a transfer file; writes it to `<file>.part` first and renames it when complete. */
export async function sealTransferFile(options: SealOptions): Promise<SealResult> {
  const { file, keys, entries } = options;
  const total = entries.reduce((n, e) => n + e.bytes, 0);
  let done = 0;
  const tick = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  const payloadFile = `${file}.payload.part`;
  const partFile = `${file}.part`;
  let payloadHash: StreamHash | null = null;
  try {
    // 1. Inner tar → age → payload file, hashing the ciphertext on the way.
    const inner = tar.pack();
    const contents: TransferManifest['contents'] = [];
    const feeding = (async () => {
      try {
        for (const entry of entries) contents.push(await writeEntry(inner, entry.name, entry.bytes, entry.content(), tick, entry.sha256));
        inner.finalize();
      } catch (error) {
        inner.destroy(error as Error);
        throw error;
      }
    })();
    const sealed = ageEncrypt(options.manifest.recipient.ageRecipient, inner as AsyncIterable<Uint8Array>);
    payloadHash = streamHash(total);
    let payloadBytes = 0;
    const out = fs.createWriteStream(payloadFile, { mode: 0o600 });
    for await (const chunk of sealed) {
      payloadHash.update(chunk);
      payloadBytes += chunk.length;
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await feeding;

    // 2. The manifest binds sender, recipient, transfer id, time and every hash; sign its bytes.
    const manifest: TransferManifest = {
      format: transferFormat,
      formatVersion: transferFormatVersion,
      ...options.manifest,
      payload: { name: 'payload.age', bytes: payloadBytes, sha256: await payloadHash.digest() },
      contents,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
    const signature = sign(keys, manifestBytes);

    // 3. Outer tar: manifest, signature, payload.
    const outer = tar.pack();
    let fileBytes = 0;
    const target = fs.createWriteStream(partFile, { mode: 0o600 });
    const writing = (async () => {
      for await (const chunk of outer as AsyncIterable<Buffer>) {
        fileBytes += chunk.length;
        if (!target.write(chunk)) await new Promise<void>((r) => target.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) => target.end((err?: Error | null) => (err ? reject(err) : resolve())));
    })();
    await writeEntry(outer, 'manifest.json', manifestBytes.length, manifestBytes, () => undefined);
    await writeEntry(outer, 'manifest.sig', signature.length, signature, () => undefined);
    await writeEntry(outer, 'payload.age', payloadBytes, fs.createReadStream(payloadFile, { highWaterMark: 256 * 1024 }), () => undefined);
    outer.finalize();
    await writing;
    fs.renameSync(partFile, file);
    return { manifest, bytes: fileBytes, sha256: transferIdentity(manifestBytes, signature) };
  } finally {
    payloadHash?.close();
    fs.rmSync(payloadFile, { force: true });
    fs.rmSync(partFile, { force: true });
  }
}

/**
 * A transfer file's identity, for idempotence and receipts: SHA-256 over the signed manifest and
 * its signature. The manifest binds the payload's size and SHA-256 (and so every byte that
 * matters), so this names the file's content as well as a hash of the whole file would, without
 * another pass over the payload when sealing or opening.
 */
function transferIdentity(manifestBytes: Buffer, signature: Buffer): string {
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
  const source = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
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
    let manifestBytes: Buffer | null = null;
    let signature: Buffer | null = null;
    let manifest: TransferManifest | null = null;
    const payloadHash = crypto.createHash('sha256');
    let payloadBytes = 0;
    await overOuter(file, async (entry, index) => {
      checkHeader(entry, index, index === 0 ? transferLimits.manifestBytes : index === 1 ? 64 : limitBytes);
      if (index === 0) {
        manifestBytes = await readAll(entry, transferLimits.manifestBytes, 'TRANSFER_UNSAFE_CONTAINER', 'manifestSize');
        manifest = parseManifest(manifestBytes);
      } else if (index === 1) {
        signature = await readAll(entry, 64, 'TRANSFER_BAD_SIGNATURE', 'signatureSize');
        if (!verify(manifest!.sender.signingKey, manifestBytes!, signature)) throw new TransferError('TRANSFER_BAD_SIGNATURE', 'signature');
      } else {
        for await (const chunk of entry) {
          payloadHash.update(chunk);
          payloadBytes += chunk.length;
        }
      }
    });
    const m = manifest as TransferManifest | null;
    if (!m || !signature) throw new TransferError('TRANSFER_MALFORMED', 'entries');
    if (payloadBytes !== m.payload.bytes || payloadHash.digest('hex') !== m.payload.sha256) {
      throw new TransferError('TRANSFER_BAD_SIGNATURE', 'payloadHash');
    }
    return { manifest: m, fileSha256: transferIdentity(manifestBytes!, signature), fileBytes: stat.size };
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
      await readInner(Readable.from(decrypted(identity, entry)), expected, handlers);
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
      const hash = crypto.createHash('sha256');
      const hashed = (async function* () {
        for await (const chunk of entry as AsyncIterable<Buffer>) {
          hash.update(chunk);
          yield chunk;
        }
      })();
      if (name === 'records.json') {
        if (size > transferLimits.recordsBytes) throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'recordsSize');
        const parts: Buffer[] = [];
        for await (const chunk of hashed) parts.push(chunk);
        if (hash.digest('hex') !== want.sha256) throw new TransferError('TRANSFER_BAD_SIGNATURE', 'contentHash');
        await handlers.records(Buffer.concat(parts));
      } else {
        if (size > transferLimits.attachmentBytes) throw new TransferError('TRANSFER_UNSAFE_CONTAINER', 'attachmentSize');
        await handlers.attachment(name.slice('attachments/'.length), size, hashed);
        for await (const _ of hashed) void _;
        if (hash.digest('hex') !== want.sha256) throw new TransferError('TRANSFER_BAD_SIGNATURE', 'contentHash');
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
