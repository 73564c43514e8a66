// Node-only. The age v1 file format (https://age-encryption.org/v1) for one X25519 recipient, on
// node:crypto: the payload's ChaCha20-Poly1305 runs in OpenSSL instead of JavaScript, which is what
// makes sealing keep up with the `age` command (the age-encryption package does it in JavaScript).
// The files are ordinary age files: `age -d -i` opens what this seals (tests/integration/transfer/
// interop.test.ts), and this opens what the age-encryption package seals (craft.ts in the tests).
//
//   header:  "age-encryption.org/v1\n" "-> X25519 <ephemeral share>\n" <wrapped file key>\n
//            "--- " <HMAC-SHA256 of the header up to "---", key HKDF(file key, "header")>\n
//   payload: a 16-byte nonce, then STREAM: 64 KiB chunks, each ChaCha20-Poly1305 under
//            HKDF(file key, salt nonce, "payload"), nonce = 11-byte big-endian counter ‖ last flag.
import crypto from 'node:crypto';
import { bech32Decode } from '../../../shared/transfer/bech32';

const intro = 'age-encryption.org/v1\n';
const chunkSize = 64 * 1024;
const tagSize = 16;
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

function aead(encrypt: boolean, key: Buffer, nonce: Buffer, data: Buffer): Buffer {
  if (encrypt) {
    const cipher = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: tagSize });
    return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
  }
  if (data.length < tagSize) throw new AgeError('malformed');
  const decipher = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: tagSize });
  decipher.setAuthTag(data.subarray(data.length - tagSize));
  const out = decipher.update(data.subarray(0, data.length - tagSize));
  try {
    return Buffer.concat([out, decipher.final()]);
  } catch {
    throw new AgeError('malformed');
  }
}

const zeroNonce = Buffer.alloc(12);
const x25519Info = 'age-encryption.org/v1/X25519';

function streamNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6); // bytes 0..10 are the counter; 2^48 chunks is far beyond any file
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Encrypts `source` to one X25519 recipient as an age file, in chunks (nothing held whole). */
export async function* ageEncrypt(recipient: string, source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const theirs = parseRecipient(recipient);
  if (!theirs) throw new Error('not an age recipient');
  const fileKey = crypto.randomBytes(16);
  const ephemeral = crypto.generateKeyPairSync('x25519');
  const share = rawPublic(ephemeral.publicKey);
  const shared = crypto.diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyOf(theirs) });
  const wrapKey = hkdf(shared, Buffer.concat([share, theirs]), x25519Info);
  const body = aead(true, wrapKey, zeroNonce, fileKey);
  const headerText = `${intro}-> X25519 ${b64(share)}\n${b64(body)}\n---`;
  const mac = crypto.createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header')).update(headerText).digest();
  const nonce = crypto.randomBytes(16);
  yield Buffer.from(`${headerText} ${b64(mac)}\n`, 'latin1');
  yield nonce;
  const key = hkdf(fileKey, nonce, 'payload');
  fileKey.fill(0);
  let counter = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    pendingBytes += piece.byteLength;
    // A full chunk goes out only once more data follows it: the last chunk carries the last flag.
    while (pendingBytes > chunkSize) {
      const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      yield aead(true, key, streamNonce(counter++, false), all.subarray(0, chunkSize));
      pending = [all.subarray(chunkSize)];
      pendingBytes -= chunkSize;
    }
  }
  yield aead(true, key, streamNonce(counter, true), Buffer.concat(pending, pendingBytes));
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
 * Decrypts an age file from `source`, yielding plaintext chunk by chunk; every chunk is
 * authenticated before it is yielded, and a file cut short (no last chunk) fails at its end.
 */
export async function* ageDecrypt(identityText: string, source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const identity = parseIdentity(identityText);
  const it = source[Symbol.asyncIterator]();
  let buffered = Buffer.alloc(0);
  let header: ReturnType<typeof parseHeader> = null;
  while (!header) {
    const next = await it.next();
    if (next.done) throw new AgeError('malformed');
    buffered = Buffer.concat([buffered, next.value]);
    header = parseHeader(buffered.subarray(0, maxHeaderBytes + 1));
    if (!header && buffered.length > maxHeaderBytes) throw new AgeError('malformed');
  }
  const fileKey = unwrapFileKey(header.stanzas, identity);
  const mac = crypto.createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header')).update(header.macText).digest();
  if (header.mac.length !== 32 || !crypto.timingSafeEqual(mac, header.mac)) throw new AgeError('malformed');
  let pending = buffered.subarray(header.length);
  while (pending.length < 16) {
    const next = await it.next();
    if (next.done) throw new AgeError('malformed');
    pending = Buffer.concat([pending, next.value]);
  }
  const key = hkdf(fileKey, pending.subarray(0, 16), 'payload');
  fileKey.fill(0);
  pending = pending.subarray(16);
  const sealedChunk = chunkSize + tagSize;
  let counter = 0;
  for (;;) {
    const next = await it.next();
    if (!next.done) pending = pending.length === 0 ? Buffer.from(next.value) : Buffer.concat([pending, next.value]);
    while (pending.length > sealedChunk) {
      yield aead(false, key, streamNonce(counter++, false), pending.subarray(0, sealedChunk));
      pending = pending.subarray(sealedChunk);
    }
    if (next.done) break;
  }
  // The last chunk: non-empty unless it is the only one (an empty file).
  if (pending.length === tagSize && counter > 0) throw new AgeError('malformed');
  yield aead(false, key, streamNonce(counter, true), pending);
}
