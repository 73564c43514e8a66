// Node-only. The age v1 file format (https://age-encryption.org/v1) for one X25519 recipient, on
// node:crypto: the payload's ChaCha20-Poly1305 runs in OpenSSL instead of JavaScript, which is what
// makes sealing keep up with the `age` command (the age-encryption package does it in JavaScript).
// The files are ordinary age files: `age -d -i` opens what this seals (tests/integration/transfer/
// interop.test.ts), and this opens what the age-encryption package seals (craft.ts in the tests).
// This file does the header; stream.ts the payload's chunks, in batches.
//
//   header:  "age-encryption.org/v1\n" "-> X25519 <ephemeral share>\n" <wrapped file key>\n
//            "--- " <HMAC-SHA256 of the header up to "---", key HKDF(file key, "header")>\n
//   payload: a 16-byte nonce, then STREAM: 64 KiB chunks, each ChaCha20-Poly1305 under
//            HKDF(file key, salt nonce, "payload"), nonce = 11-byte big-endian counter ‖ last flag.
import crypto from 'node:crypto';
import { bech32Decode } from '../../../shared/transfer/bech32';
import { StreamError, StreamOpener, StreamSealer, tagSize } from './stream';

const intro = 'age-encryption.org/v1\n';
/** A header for one recipient is about 200 bytes; anything beyond this is not ours to parse. */
const maxHeaderBytes = 16 * 1024;

/** Why a file could not be opened: `recipient` = no stanza opened with our identity. */
export class AgeError extends Error {
  constructor(readonly reason: 'recipient' | 'malformed') {
    super(reason === 'recipient' ? 'no identity matched any of the recipients' : 'not a valid age file');
    this.name = 'AgeError';
  }
}

const x25519Pkcs8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const x25519Spki = Buffer.from('302a300506032b656e032100', 'hex');
const privateKeyOf = (scalar: Uint8Array) => crypto.createPrivateKey({ key: Buffer.concat([x25519Pkcs8, scalar]), format: 'der', type: 'pkcs8' });
const publicKeyOf = (point: Uint8Array) => crypto.createPublicKey({ key: Buffer.concat([x25519Spki, point]), format: 'der', type: 'spki' });
const rawPublic = (key: crypto.KeyObject) => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');

/** The 32 bytes of an `age1…` recipient, or null. */
export function parseRecipient(text: string): Buffer | null {
  const bytes = bech32Decode('age', text);
  if (!bytes || bytes.length !== 32 || text !== text.toLowerCase()) return null;
  try {
    publicKeyOf(bytes);
  } catch {
    return null;
  }
  return Buffer.from(bytes);
}

function parseIdentity(text: string): Buffer {
  const bytes = bech32Decode('AGE-SECRET-KEY-', text.trim());
  if (!bytes || bytes.length !== 32) throw new Error('not an age identity');
  return Buffer.from(bytes);
}

const hkdf = (ikm: Uint8Array, salt: Uint8Array, info: string) => Buffer.from(crypto.hkdfSync('sha256', ikm, salt, info, 32));
/** age's base64: standard alphabet, no padding, canonical (re-encodes to the same text). */
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/u, '');
function unb64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]*$/u.test(text)) throw new AgeError('malformed');
  const bytes = Buffer.from(text, 'base64');
  if (b64(bytes) !== text) throw new AgeError('malformed');
  return bytes;
}

const zeroNonce = Buffer.alloc(12);
const x25519Info = 'age-encryption.org/v1/X25519';

export interface AgeSealing {
  /** The header and the payload nonce: what the file starts with. */
  head: Buffer;
  /** The payload: plaintext in, sealed batches out. */
  stream: StreamSealer;
}

/**
 * Starts an age file to one X25519 recipient. The file's size is known before any plaintext:
 * `head.length + sealedStreamBytes(plainBytes)` (a tar can frame it before it is written).
 */
export function ageSealing(recipient: string): AgeSealing {
  const theirs = parseRecipient(recipient);
  if (!theirs) throw new Error('not an age recipient');
  const fileKey = crypto.randomBytes(16);
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const share = rawPublic(ephemeral.publicKey);
  const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyOf(theirs) });
  const wrapKey = hkdf(shared, Buffer.concat([share, theirs]), x25519Info);
  const wrap = crypto.createCipheriv('chacha20-poly1305', wrapKey, zeroNonce, { authTagLength: tagSize });
  const body = Buffer.concat([wrap.update(fileKey), wrap.final(), wrap.getAuthTag()]);
  const headerText = `${intro}-> X25519 ${b64(share)}\n${b64(body)}\n---`;
  const mac = crypto.createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header')).update(headerText).digest();
  const nonce = crypto.randomBytes(16);
  const key = hkdf(fileKey, nonce, 'payload');
  fileKey.fill(0);
  return { head: Buffer.concat([Buffer.from(`${headerText} ${b64(mac)}\n`, 'latin1'), nonce]), stream: new StreamSealer(key) };
}

/** Encrypts `source` to one X25519 recipient as an age file, in batches (nothing held whole). */
export async function* ageEncrypt(recipient: string, source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const { head, stream } = ageSealing(recipient);
  yield head;
  for await (const piece of source) for (const batch of stream.push(piece)) yield* batch;
  for (const batch of stream.end()) yield* batch;
}

interface Stanza {
  args: string[];
  body: Buffer;
}

/** Splits the header into stanzas; returns them, the MAC'd text, the MAC and the header's length. */
function parseHeader(bytes: Buffer): { stanzas: Stanza[]; macText: Buffer; mac: Buffer; length: number } | null {
  const end = bytes.indexOf('\n---', 0, 'latin1');
  if (end < 0) return null;
  const macEnd = bytes.indexOf('\n', end + 4);
  if (macEnd < 0) return null;
  const text = bytes.subarray(0, end + 1).toString('latin1');
  if (!text.startsWith(intro)) throw new AgeError('malformed');
  const macLine = bytes.subarray(end + 1, macEnd).toString('latin1');
  if (!macLine.startsWith('--- ')) throw new AgeError('malformed');
  const lines = text.slice(intro.length).split('\n').slice(0, -1);
  const stanzas: Stanza[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i++];
    if (!line.startsWith('-> ')) throw new AgeError('malformed');
    const args = line.slice(3).split(' ');
    if (args.length === 0 || args.some((a) => !/^[\x21-\x7e]+$/u.test(a))) throw new AgeError('malformed');
    const body: Buffer[] = [];
    for (;;) {
      if (i >= lines.length) throw new AgeError('malformed');
      const part = lines[i++];
      if (part.length > 64) throw new AgeError('malformed');
      body.push(unb64(part));
      if (part.length < 64) break;
    }
    stanzas.push({ args, body: Buffer.concat(body) });
  }
  if (stanzas.length === 0) throw new AgeError('malformed');
  return { stanzas, macText: bytes.subarray(0, end + 4), mac: unb64(macLine.slice(4)), length: macEnd + 1 };
}

function unwrapFileKey(stanzas: Stanza[], identity: Buffer): Buffer {
  const ours = privateKeyOf(identity);
  const ourPublic = rawPublic(crypto.createPublicKey(ours));
  for (const stanza of stanzas) {
    if (stanza.args[0] !== 'X25519') continue;
    if (stanza.args.length !== 2 || stanza.body.length !== 32) throw new AgeError('malformed');
    const share = unb64(stanza.args[1]);
    if (share.length !== 32) throw new AgeError('malformed');
    let shared: Buffer;
    try {
      shared = crypto.diffieHellman({ privateKey: ours, publicKey: publicKeyOf(share) });
    } catch {
      throw new AgeError('malformed'); // a low-order point: OpenSSL refuses an all-zero secret
    }
    if (shared.every((b) => b === 0)) throw new AgeError('malformed');
    const wrapKey = hkdf(shared, Buffer.concat([share, ourPublic]), x25519Info);
    const cipher = crypto.createDecipheriv('chacha20-poly1305', wrapKey, zeroNonce, { authTagLength: tagSize });
    cipher.setAuthTag(stanza.body.subarray(16));
    const key = cipher.update(stanza.body.subarray(0, 16));
    try {
      cipher.final();
      return key;
    } catch {
      // wrapped for another identity: try the next stanza
    }
  }
  throw new AgeError('recipient');
}

/**
 * Opens an age file piece by piece: the header first (up to maxHeaderBytes), then the payload
 * through a StreamOpener. Every plaintext batch handed out is authenticated; a file cut short (no
 * last chunk) fails at `end()`.
 */
export class AgeOpener {
  private readonly identity: Buffer;
  private head: Buffer | null = Buffer.alloc(0);
  private stream: StreamOpener | null = null;

  constructor(identityText: string) {
    this.identity = parseIdentity(identityText);
  }

  push(piece: Uint8Array): Buffer[] {
    if (this.stream) return this.opened(() => this.stream!.push(piece));
    this.head = Buffer.concat([this.head!, piece]);
    const header = parseHeader(this.head.subarray(0, maxHeaderBytes + 1));
    if (!header) {
      if (this.head.length > maxHeaderBytes) throw new AgeError('malformed');
      return [];
    }
    // The header is complete; the payload starts with its 16-byte nonce.
    if (this.head.length < header.length + 16) return [];
    const fileKey = unwrapFileKey(header.stanzas, this.identity);
    const mac = crypto.createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header')).update(header.macText).digest();
    if (header.mac.length !== 32 || !crypto.timingSafeEqual(mac, header.mac)) throw new AgeError('malformed');
    const key = hkdf(fileKey, this.head.subarray(header.length, header.length + 16), 'payload');
    fileKey.fill(0);
    this.stream = new StreamOpener(key);
    const rest = this.head.subarray(header.length + 16);
    this.head = null;
    return this.opened(() => this.stream!.push(rest));
  }

  end(): Buffer[] {
    if (!this.stream) throw new AgeError('malformed');
    return this.opened(() => this.stream!.end());
  }

  private opened(work: () => Buffer[]): Buffer[] {
    try {
      return work();
    } catch (error) {
      if (error instanceof StreamError) throw new AgeError('malformed');
      throw error;
    }
  }
}

/** Decrypts an age file from `source`, yielding authenticated plaintext in batches. */
export async function* ageDecrypt(identityText: string, source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const opener = new AgeOpener(identityText);
  for await (const piece of source) yield* opener.push(piece);
  yield* opener.end();
}
