// Node-only. age's STREAM payload (https://age-encryption.org/v1, "Payload"): 64 KiB plaintext
// chunks, each ChaCha20-Poly1305 under the payload key with nonce = 11-byte big-endian counter ‖
// last flag. Written for throughput, because sealing must keep up with the `age` command:
// - pieces of any size go in; a chunk is cut from the piece itself (a view, no copy) unless it
//   straddles two pieces, and only that remainder is copied, into one reused scratch chunk;
// - output goes out in batches of 16 chunks (about 1 MiB), so what follows works per MiB and not
//   per 64 KiB: sealed batches are lists of the cipher's own buffers, written with one writev
//   (never copied); opened batches are joined into one buffer for the tar reader.
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

/** Groups chunk outputs into batches of about 1 MiB, as lists (nothing copied). */
class Batcher {
  private parts: Buffer[] = [];
  private used = 0;
  private readonly ready: Buffer[][] = [];

  constructor(private readonly capacity: number) {}

  add(...parts: Buffer[]): void {
    for (const part of parts) {
      this.parts.push(part);
      this.used += part.length;
    }
    if (this.used >= this.capacity) this.flush();
  }

  flush(): void {
    if (this.used > 0 || this.parts.length > 0) this.ready.push(this.parts);
    this.parts = [];
    this.used = 0;
  }

  take(): Buffer[][] {
    return this.ready.splice(0);
  }
}

const joined = (parts: Buffer[]) => (parts.length === 1 ? parts[0] : Buffer.concat(parts));

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

  /** Takes a piece; returns the batches completed by it (often none), each a list of buffers. */
  push(piece: Uint8Array): Buffer[][] {
    this.plainBytes += piece.byteLength;
    this.chunker.push(piece);
    return this.batcher.take();
  }

  /** Seals the last chunk (empty only for an empty plaintext); returns the remaining batches. */
  end(): Buffer[][] {
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
    return this.batcher.take().map(joined);
  }

  end(): Buffer[] {
    this.chunker.end();
    this.batcher.flush();
    return this.batcher.take().map(joined);
  }
}
