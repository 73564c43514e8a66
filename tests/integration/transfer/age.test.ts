// The age format on node:crypto (electron/core/transfer/age.ts) against two independent
// implementations — Debian's `age` command (Go) and the age-encryption package — in both
// directions, at the STREAM chunk boundaries where off-by-one mistakes live (0, 1, 64 KiB ± 1,
// exact multiples, and around the 1 MiB batches the sealer hands out), and its refusals: another identity, a cut-off file, a changed header or chunk.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterAll, describe, expect, it } from 'vitest';
import { AgeError, ageDecrypt, ageEncrypt, parseRecipient } from '../../../electron/core/transfer/age';
import { generateOfficeKeys } from '../../../electron/core/transfer/keys';
import { tempDir } from '../../fixtures/core';

const K = 64 * 1024;
const sizes = [0, 1, K - 1, K, K + 1, 2 * K, 3 * K + 17, 16 * K, 16 * K + 1, 40 * K + 3];
const keys = generateOfficeKeys();
const other = generateOfficeKeys();
const dir = tempDir('homeward-age-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}
/** Arbitrary piece sizes, so chunking never lines up with what the source hands over. */
async function* pieces(data: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0, step = 1000; i < data.length; i += step, step = (step * 7) % 90_001 + 1) yield data.subarray(i, i + step);
}
const seal = (data: Buffer, recipient = keys.age_recipient) => collect(ageEncrypt(recipient, pieces(data)));
const open = (sealed: Buffer, identity = keys.age_identity) => collect(ageDecrypt(identity, pieces(sealed)));
async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(AgeError);
    return (error as AgeError).reason;
  }
  throw new Error('accepted');
}

describe('the age format on node:crypto', () => {
  it('round-trips every size around the chunk boundaries; the ciphertext has age’s exact size', async () => {
    for (const size of sizes) {
      const data = crypto.randomBytes(size);
      const sealed = await seal(data);
      const header = sealed.indexOf('\n---') + 1;
      const headerLength = sealed.indexOf('\n', header) + 1;
      const chunks = Math.max(1, Math.ceil(size / K));
      expect(sealed.length, `size ${size}`).toBe(headerLength + 16 + size + 16 * chunks);
      expect((await open(sealed)).equals(data), `size ${size}`).toBe(true);
    }
  });

  it.skipIf(!fs.existsSync('/usr/bin/age'))('the age command opens what it seals, and it opens what the age command seals', async () => {
    const identity = path.join(dir, 'office.key');
    fs.writeFileSync(identity, `${keys.age_identity}\n`, { mode: 0o600 });
    for (const size of sizes) {
      const data = crypto.randomBytes(size);
      const ours = path.join(dir, `ours-${size}.age`);
      fs.writeFileSync(ours, await seal(data));
      expect(execFileSync('age', ['-d', '-i', identity, ours], { maxBuffer: 8 * 1024 * 1024 }).equals(data), `age -d, size ${size}`).toBe(true);
      const plain = path.join(dir, `plain-${size}`);
      fs.writeFileSync(plain, data);
      const theirs = execFileSync('age', ['-r', keys.age_recipient, plain], { maxBuffer: 8 * 1024 * 1024 });
      expect((await open(theirs)).equals(data), `age -r, size ${size}`).toBe(true);
    }
  });

  it('the age-encryption package opens what it seals, and it opens what the package seals', async () => {
    for (const size of [0, K, K + 1]) {
      const data = crypto.randomBytes(size);
      const decrypter = new Decrypter();
      decrypter.addIdentity(keys.age_identity);
      expect(Buffer.from(await decrypter.decrypt(await seal(data))).equals(data)).toBe(true);
      const encrypter = new Encrypter();
      encrypter.addRecipient(keys.age_recipient);
      expect((await open(Buffer.from(await encrypter.encrypt(data)))).equals(data)).toBe(true);
    }
  });

  it('refuses another office’s file as not for it, and a cut, flipped or re-chunked file as malformed', async () => {
    const data = crypto.randomBytes(2 * K + 5);
    const sealed = await seal(data);
    expect(await refusal(open(await seal(data, other.age_recipient)))).toBe('recipient');
    const headerLength = sealed.indexOf('\n', sealed.indexOf('\n---') + 1) + 1;
    // Cut at a chunk boundary: what remains authenticates as chunks, but no chunk is the last.
    expect(await refusal(open(sealed.subarray(0, headerLength + 16 + 2 * (K + 16))))).toBe('malformed');
    expect(await refusal(open(sealed.subarray(0, sealed.length - 1)))).toBe('malformed');
    expect(await refusal(open(Buffer.concat([sealed, Buffer.alloc(16)])))).toBe('malformed');
    for (const at of [30, headerLength - 5, headerLength + 3, headerLength + 16 + K + 20, sealed.length - 2]) {
      const flipped = Buffer.from(sealed);
      flipped[at] ^= 0x04;
      // In the recipient stanza, a changed share unwraps nothing: "not for this office", as `age` says.
      expect(await refusal(open(flipped)), `flip at ${at}`).toBe(at === 30 ? 'recipient' : 'malformed');
    }
    expect(await refusal(open(Buffer.from('age-encryption.org/v1\n-> X25519\n\n--- AAAA\n')))).toBe('malformed');
    expect(await refusal(open(Buffer.alloc(20_000, 0x41)))).toBe('malformed');
  });

  it('accepts only well-formed recipients', () => {
    expect(parseRecipient(keys.age_recipient)).toHaveLength(32);
    expect(parseRecipient(keys.age_recipient.toUpperCase())).toBeNull();
    expect(parseRecipient(`${keys.age_recipient.slice(0, -1)}q`)).toBeNull();
    expect(parseRecipient('age1')).toBeNull();
    expect(parseRecipient(keys.age_identity)).toBeNull();
  });
});
