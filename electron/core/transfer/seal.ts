// Node-only. Seals a `.homeward` file (format in shared/transfer/format.ts) in one pass: the
// attachments flow from their source through the inner tar and age straight into the outer tar
// on disk, one batch (about 1 MiB, written with one writev) at a time. Nothing is held whole, and
// no byte is copied or written twice:
// - every size is known before the first byte (tar framing, age's chunking), so the outer tar's
//   head (tar-stream frames it) is written first, then the payload at its place, then the tar's end;
// - the manifest, which carries the payload's SHA-256, precedes the payload in the tar: its place
//   is written with the manifest's exact bytes except a zero hash (same length), and with a zero
//   signature, then both are written over in place once the payload's hash is known;
// - the payload is hashed on the hashing thread (hash.ts), which reads it back from the file as it
//   is written, while this thread encrypts and writes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import tar from 'tar-stream';
import { contentName, transferFormat, transferFormatVersion, type TransferManifest } from '../../../shared/transfer/format';
import { ageSealing } from './age';
import { transferIdentity } from './container';
import { rangeHash, type RangeHash } from './hash';
import { sign, type OfficeKeys } from './keys';
import { sealedStreamBytes } from './stream';

/** An entry of the inner tar: small content given whole (hashed here), or a stream with its known hash. */
export type SealEntry =
  | { name: string; data: Uint8Array }
  | {
      name: string;
      bytes: number;
      /**
       * The content's SHA-256 as stored when the document was added: not computed again, which
       * saves a pass over every attachment. The receiver checks every entry against the signed
       * manifest, so a stored hash that were wrong refuses the file.
       */
      sha256: string;
      /** Called once, when the entry is written: the content, in pieces of any size. */
      content(): AsyncIterable<Uint8Array>;
    };

export interface SealOptions {
  file: string;
  keys: OfficeKeys;
  manifest: Omit<TransferManifest, 'payload' | 'contents' | 'format' | 'formatVersion'>;
  entries: SealEntry[];
  /** Bytes of the sealed payload written so far, of its total; called once per batch. */
  onProgress?(doneBytes: number, totalBytes: number): void;
}

export interface SealResult {
  manifest: TransferManifest;
  bytes: number;
  sha256: string;
}

const block = (bytes: number) => Math.ceil(bytes / 512) * 512;
const tarHeader = (name: string, size: number): Partial<tar.Header> & { name: string } => ({ name, size, mode: 0o600, mtime: new Date(0) });
const signatureBytes = 64;

type Sink = ReturnType<tar.Pack['entry']>;

/** Writes to a tar entry, waiting while the pack is full; fails instead of waiting on a destroyed pack. */
async function put(sink: Sink, chunk: Uint8Array): Promise<void> {
  if (sink.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      sink.off('drain', onDrain);
      sink.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('the tar stream closed while sealing'));
    sink.on('drain', onDrain);
    sink.on('close', onClose);
  });
}

/** Writes the entries into the inner tar, then ends it; on failure destroys it (the reader then fails). */
async function feedInner(inner: tar.Pack, entries: Prepared[]): Promise<void> {
  try {
    for (const entry of entries) {
      const sink = inner.entry(tarHeader(entry.name, entry.bytes));
      sink.on('error', () => undefined); // destroyed with its pack: that failure is reported once, by the pack
      let written = 0;
      for await (const piece of entry.pieces()) {
        written += piece.byteLength;
        await put(sink, piece);
      }
      if (written !== entry.bytes) throw new Error(`entry ${entry.name} changed size while sealing`);
      sink.end(undefined);
    }
    inner.finalize();
  } catch (error) {
    inner.destroy(error as Error);
  }
}

interface Prepared {
  name: string;
  bytes: number;
  sha256: string;
  pieces(): AsyncIterable<Uint8Array>;
}

function prepare(entry: SealEntry): Prepared {
  if (!contentName.safeParse(entry.name).success) throw new Error(`not a transfer content name: ${entry.name}`);
  if ('data' in entry) {
    const { data } = entry;
    return { name: entry.name, bytes: data.byteLength, sha256: crypto.createHash('sha256').update(data).digest('hex'), pieces: async function* () { yield data; } };
  }
  return { name: entry.name, bytes: entry.bytes, sha256: entry.sha256, pieces: () => entry.content() };
}

/**
 * The outer tar up to the payload's first byte — manifest, signature, the payload's header — as
 * tar-stream frames it: the payload entry is opened with its size, its header read, and the pack
 * dropped (the payload itself is written straight to the file, see below).
 */
async function outerHead(placeholder: Buffer, payloadBytes: number, length: number): Promise<Buffer> {
  const pack = tar.pack();
  pack.on('error', () => undefined);
  pack.entry(tarHeader('manifest.json', placeholder.length), placeholder);
  pack.entry(tarHeader('manifest.sig', signatureBytes), Buffer.alloc(signatureBytes));
  pack.entry(tarHeader('payload.age', payloadBytes)).on('error', () => undefined);
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of pack as AsyncIterable<Buffer>) {
    parts.push(chunk);
    bytes += chunk.length;
    if (bytes >= length) break;
  }
  pack.destroy();
  const head = Buffer.concat(parts);
  if (head.length !== length) throw new Error('the outer tar is not framed as computed');
  return head;
}

/** Seals a transfer file; writes it to `<file>.part` and renames it when complete. */
export async function sealTransferFile(options: SealOptions): Promise<SealResult> {
  const entries = options.entries.map(prepare);
  // The inner tar: a 512-byte header per entry (names are short ASCII: no extended headers), the
  // content padded to 512, two zero blocks at the end.
  const innerBytes = entries.reduce((n, e) => n + 512 + block(e.bytes), 1024);
  const { head, stream } = ageSealing(options.manifest.recipient.ageRecipient);
  const payloadBytes = head.length + sealedStreamBytes(innerBytes);
  const manifestOf = (sha256: string): TransferManifest => ({
    format: transferFormat,
    formatVersion: transferFormatVersion,
    ...options.manifest,
    payload: { name: 'payload.age', bytes: payloadBytes, sha256 },
    contents: entries.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
  });
  const bytesOf = (m: TransferManifest) => Buffer.from(JSON.stringify(m, null, 2), 'utf8');
  const placeholder = bytesOf(manifestOf('0'.repeat(64)));
  // The total is known now: a progress bar never shows an unknown size, even before the first byte.
  options.onProgress?.(0, payloadBytes);
  // Where the payload's bytes start: header, manifest (padded), header, signature (padded), header.
  const manifestAt = 512;
  const signatureAt = manifestAt + block(placeholder.length) + 512;
  const payloadAt = signatureAt + block(signatureBytes) + 512;
  const partFile = `${options.file}.part`;
  let handle: FileHandle | null = null;
  let hash: RangeHash | null = null;
  const inner = tar.pack();
  // A failure destroys the pack with its error; it reaches this function through the pack's
  // reads, never as an event nobody listens to.
  inner.on('error', () => undefined);
  try {
    // Read back too (w+): the manifest's place is checked before it is written over.
    handle = await fs.promises.open(partFile, 'w+', 0o600);
    const file = handle;
    await file.write(await outerHead(placeholder, payloadBytes, payloadAt), 0, payloadAt, 0);
    const payloadHash = (hash = rangeHash(partFile, payloadAt, payloadBytes));
    let at = payloadAt;
    const out = async (batch: Buffer[]) => {
      const { bytesWritten } = await file.writev(batch, at);
      at += bytesWritten;
      if (bytesWritten !== batch.reduce((n, b) => n + b.length, 0)) throw new Error('a short write while sealing');
      payloadHash.written(at);
      options.onProgress?.(at - payloadAt, payloadBytes);
    };
    const feeding = feedInner(inner, entries);
    await out([head]);
    for await (const piece of inner as AsyncIterable<Buffer>) {
      for (const batch of stream.push(piece)) await out(batch);
    }
    for (const batch of stream.end()) await out(batch);
    await feeding;
    if (stream.plainBytes !== innerBytes || at !== payloadAt + payloadBytes) throw new Error('the sealed payload does not have its computed size');
    // The payload padded to a block, then the tar's end: two zero blocks.
    const tail = block(payloadBytes) - payloadBytes + 1024;
    await file.write(Buffer.alloc(tail), 0, tail, at);
    const fileBytes = at + tail;

    // The manifest binds sender, recipient, transfer id, time and every hash; sign its bytes and
    // write both over their placeholders.
    const manifest = manifestOf(await payloadHash.digest());
    const manifestBytes = bytesOf(manifest);
    const signature = sign(options.keys, manifestBytes);
    const there = Buffer.alloc(placeholder.length);
    await file.read(there, 0, there.length, manifestAt);
    if (manifestBytes.length !== placeholder.length || signature.length !== signatureBytes || !there.equals(placeholder)) {
      throw new Error('the manifest does not fit its place in the file');
    }
    await file.write(manifestBytes, 0, manifestBytes.length, manifestAt);
    await file.write(signature, 0, signature.length, signatureAt);
    await file.close();
    handle = null;
    fs.renameSync(partFile, options.file);
    return { manifest, bytes: fileBytes, sha256: transferIdentity(manifestBytes, signature) };
  } finally {
    inner.destroy();
    hash?.close();
    await handle?.close();
    fs.rmSync(partFile, { force: true });
  }
}
