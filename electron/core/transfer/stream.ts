// Node-only. age's STREAM payload (https://age-encryption.org/v1, "Payload"): 64 KiB plaintext
// chunks, each ChaCha20-Poly1305 under the payload key with nonce = 11-byte big-endian counter ‖
// last flag. Written for throughput, because sealing must keep up with the `age` command:
// - pieces of any size go in; a chunk is cut from the piece itself (a view, no copy) unless it
//   straddles two pieces, and only that remainder is copied, into one reused scratch chunk;
// - output goes out in batches of 16 chunks (about 1 MiB), so what follows (tar, the file, the
//   hash) works per MiB and not per 64 KiB; a batch is never touched again once handed out.
import crypto from 'node:crypto';

export const chunkSize = 64 * 1024;
export const tagSize = 16;
const sealedChunk = chunkSize + tagSize;
const chunksPerBatch = 16;

/** Size of the STREAM payload for `plainBytes` of plaintext (the nonce and header not counted). */
export function sealedStreamBytes(plainBytes: number): number {
  return plainBytes + tagSize * Math.max(1, Math.ceil(plainBytes / chunkSize));
}

/** Why a payload could not be opened: a chunk failed authentication, or the stream was cut. */
export class StreamError extends Error {}


/**
 * Feeds pieces through `process(chunk, last)` in whole chunks of `size`. A chunk is processed only
 * once more data follows it or at `end()`: only the end knows which chunk is the last.
 */
class Chunker {
  private readonly scratch: Buffer;
  private fill = 0;

  constructor(
    private readonly size: number,
    private readonly process: (chunk: Buffer, last: boolean) => void,
  ) {
    this.scratch = Buffer.allocUnsafe(size);
  }

  push(piece: Uint8Array): void {
    const data = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    let at = 0;
    while (at < data.length) {
      if (this.fill === this.size) {
        this.process(this.scratch, false);
        this.fill = 0;
      }
      if (this.fill === 0 && data.length - at > this.size) {
        this.process(data.subarray(at, at + this.size), false);
        at += this.size;
        continue;
      }
      const n = Math.min(this.size - this.fill, data.length - at);
      data.copy(this.scratch, this.fill, at, at + n);
      this.fill += n;
      at += n;
    }
  }

  end(): void {
    this.process(this.scratch.subarray(0, this.fill), true);
  }
}

/** Collects chunk outputs into batches of about 1 MiB. */
class Batcher {
  private batch: Buffer | null = null;
  private used = 0;
  readonly ready: Buffer[] = [];

  constructor(private readonly capacity: number) {}

  add(...parts: Buffer[]): void {
    const bytes = parts.reduce((n, p) => n + p.length, 0);
    if (this.batch && this.used + bytes > this.capacity) this.flush();
    this.batch ??= Buffer.allocUnsafeSlow(this.capacity);
    for (const part of parts) {
      part.copy(this.batch, this.used);
      this.used += part.length;
    }
  }

  flush(): void {
    if (this.batch && this.used > 0) this.ready.push(this.used === this.batch.length ? this.batch : this.batch.subarray(0, this.used));
    this.batch = null;
    this.used = 0;
  }

  take(): Buffer[] {
    return this.ready.splice(0);
  }
}

class Nonce {
  private readonly bytes = Buffer.alloc(12);
  counter = 0;

  /** The next chunk's nonce; createCipheriv copies it, so one buffer serves every chunk. */
  next(last: boolean): Buffer {
    this.bytes.writeUIntBE(this.counter++, 5, 6); // bytes 0..10: the counter; 2^48 chunks is far beyond any file
    this.bytes[11] = last ? 1 : 0;
    return this.bytes;
  }
}

/** Encrypts plaintext pieces into sealed STREAM batches. */
export class StreamSealer {
  private readonly nonce = new Nonce();
  private readonly batcher: Batcher;
  private readonly chunker: Chunker;
  /** Plaintext bytes taken so far. */
  plainBytes = 0;

  constructor(key: Buffer) {
    this.batcher = new Batcher(chunksPerBatch * sealedChunk);
    this.chunker = new Chunker(chunkSize, (chunk, last) => {
      const cipher = crypto.createCipheriv('chacha20-poly1305', key, this.nonce.next(last), { authTagLength: tagSize });
      const sealed = cipher.update(chunk);
      cipher.final();
      this.batcher.add(sealed, cipher.getAuthTag());
    });
  }

  /** Takes a piece; returns the batches completed by it (often none). */
  push(piece: Uint8Array): Buffer[] {
    this.plainBytes += piece.byteLength;
    this.chunker.push(piece);
    return this.batcher.take();
  }

  /** Seals the last chunk (empty only for an empty plaintext); returns the remaining batches. */
  end(): Buffer[] {
    this.chunker.end();
    this.batcher.flush();
    return this.batcher.take();
  }
}

/** Decrypts sealed STREAM pieces into plaintext batches; each chunk authenticated before it is handed out. */
export class StreamOpener {
  private readonly nonce = new Nonce();
  private readonly batcher: Batcher;
  private readonly chunker: Chunker;

  constructor(key: Buffer) {
    this.batcher = new Batcher(chunksPerBatch * chunkSize);
    this.chunker = new Chunker(sealedChunk, (chunk, last) => {
      // The last chunk may be shorter, but never empty unless it is the only one (an empty file).
      if (chunk.length < tagSize || (last && chunk.length === tagSize && this.nonce.counter > 0)) throw new StreamError('cut');
      const decipher = crypto.createDecipheriv('chacha20-poly1305', key, this.nonce.next(last), { authTagLength: tagSize });
      decipher.setAuthTag(chunk.subarray(chunk.length - tagSize));
      const plain = decipher.update(chunk.subarray(0, chunk.length - tagSize));
      try {
        decipher.final();
      } catch {
        throw new StreamError('forged');
      }
      this.batcher.add(plain);
    });
  }

  push(piece: Uint8Array): Buffer[] {
    this.chunker.push(piece);
    return this.batcher.take();
  }

  end(): Buffer[] {
    this.chunker.end();
    this.batcher.flush();
    return this.batcher.take();
  }
}
