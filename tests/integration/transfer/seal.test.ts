// The one-pass seal (electron/core/transfer/seal.ts) and the hashing thread (hash.ts), on files
// large enough to take the fast paths: the manifest written over its placeholder is the one GNU tar
// extracts and openssl verifies, its payload hash and size are those of the payload `tar` extracts,
// `age -d` opens that payload to the same inner tar, and the reader hands back every byte. A
// document that changes size while sealing leaves no file behind.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnvelope, readPayload } from '../../../electron/core/transfer/container';
import { rangeHash, threadedHashBytes } from '../../../electron/core/transfer/hash';
import { generateOfficeKeys, officeKeysFrom, signingPublicKeyPem, type OfficeKeys } from '../../../electron/core/transfer/keys';
import { sealTransferFile, type SealEntry } from '../../../electron/core/transfer/seal';
import { tempDir } from '../../fixtures/core';

const haveTools = ['/usr/bin/age', '/usr/bin/openssl', '/usr/bin/tar'].every((tool) => fs.existsSync(tool));
const dir = tempDir('homeward-seal-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sender = officeKeysFrom(generateOfficeKeys());
const receiver = officeKeysFrom(generateOfficeKeys());
const ref = (k: OfficeKeys, code: string) => ({ code, name: code, country: 'UG', signingKey: k.signingPublicKey, ageRecipient: k.ageRecipient });
const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');
const manifest = () => ({ kind: 'case' as const, transferId: crypto.randomUUID(), inReplyTo: null, createdAt: new Date().toISOString(), sender: ref(sender, 'A'), recipient: ref(receiver, 'B') });

/** A document handed over in uneven pieces, so no piece lines up with a chunk, a block or a batch. */
function streamed(id: string, data: Buffer, declared = data.length): SealEntry {
  return {
    name: `attachments/${id}`,
    bytes: declared,
    sha256: sha(data),
    content: async function* () {
      for (let i = 0, step = 333_333; i < data.length; i += step, step = (step * 7) % 1_500_000 + 1) yield data.subarray(i, i + step);
    },
  };
}

describe.skipIf(!haveTools)('sealing in one pass', () => {
  it('writes a file standard tools read, whose signed manifest names the payload exactly; the reader gets every byte back', async () => {
    const documents = [5 * 1024 * 1024 + 3, 65_536 * 17, 0, 1].map((n) => ({ id: crypto.randomUUID(), data: crypto.randomBytes(n) }));
    const records = Buffer.from(JSON.stringify({ schema: 'test', text: 'é'.repeat(1000) }));
    const file = path.join(dir, 'big.homeward');
    const progress: [number, number][] = [];
    const sealed = await sealTransferFile({
      file,
      keys: sender,
      manifest: manifest(),
      entries: [{ name: 'records.json', data: records }, ...documents.map((d) => streamed(d.id, d.data))],
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('big'))).toEqual(['big.homeward']);
    expect(sealed.bytes).toBe(fs.statSync(file).size);

    // Progress: the total from the start, never backwards, ending at the total.
    const total = sealed.manifest.payload.bytes;
    expect(progress[0]).toEqual([0, total]);
    expect(progress.every(([done, t], i) => t === total && done <= total && (i === 0 || done >= progress[i - 1][0]))).toBe(true);
    expect(progress.at(-1)).toEqual([total, total]);

    const out = path.join(dir, 'out');
    fs.mkdirSync(out);
    expect(execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n')).toEqual(['manifest.json', 'manifest.sig', 'payload.age']);
    execFileSync('tar', ['-xf', file, '-C', out]);
    const manifestBytes = fs.readFileSync(path.join(out, 'manifest.json'));
    expect(JSON.parse(manifestBytes.toString('utf8'))).toEqual(sealed.manifest);
    const pem = path.join(out, 'a.pem');
    fs.writeFileSync(pem, signingPublicKeyPem(sender.signingPublicKey));
    expect(execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', pem, '-rawin', '-in', path.join(out, 'manifest.json'), '-sigfile', path.join(out, 'manifest.sig')], { encoding: 'utf8' })).toMatch(/Signature Verified Successfully/);
    const payload = fs.readFileSync(path.join(out, 'payload.age'));
    expect(payload.length).toBe(sealed.manifest.payload.bytes);
    expect(sha(payload)).toBe(sealed.manifest.payload.sha256);

    const identity = path.join(out, 'b.key');
    fs.writeFileSync(identity, `${receiver.ageIdentity}\n`, { mode: 0o600 });
    const inner = path.join(out, 'inner.tar');
    execFileSync('age', ['-d', '-i', identity, '-o', inner, path.join(out, 'payload.age')]);
    expect(execFileSync('tar', ['-tf', inner], { encoding: 'utf8' }).trim().split('\n')).toEqual(['records.json', ...documents.map((d) => `attachments/${d.id}`)]);
    expect(sealed.manifest.contents).toEqual([
      { name: 'records.json', bytes: records.length, sha256: sha(records) },
      ...documents.map((d) => ({ name: `attachments/${d.id}`, bytes: d.data.length, sha256: sha(d.data) })),
    ]);

    const envelope = await readEnvelope(file);
    expect(envelope.fileSha256).toBe(sealed.sha256);
    const got = new Map<string, Buffer>();
    const gotRecords: Buffer[] = [];
    await readPayload(file, envelope, receiver.ageIdentity, {
      records: (bytes) => void gotRecords.push(bytes),
      attachment: async (id, _bytes, chunks) => {
        const parts: Buffer[] = [];
        for await (const chunk of chunks) parts.push(Buffer.from(chunk));
        got.set(id, Buffer.concat(parts));
      },
    });
    expect(gotRecords).toHaveLength(1);
    expect(gotRecords[0].equals(records)).toBe(true);
    for (const d of documents) expect(got.get(d.id)?.equals(d.data), d.id).toBe(true);
  }, 60_000);

  it('refuses a document that is not the size it declared, and leaves no file behind', async () => {
    const file = path.join(dir, 'short.homeward');
    const data = crypto.randomBytes(200_000);
    await expect(sealTransferFile({ file, keys: sender, manifest: manifest(), entries: [{ name: 'records.json', data: Buffer.from('{}') }, streamed(crypto.randomUUID(), data, data.length + 1)] })).rejects.toThrow();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('short'))).toEqual([]);
  });
});

describe('the hashing thread', () => {
  it('hashes ranges of files as they grow, several at once, each to its own SHA-256; a range past the end fails', async () => {
    const a = crypto.randomBytes(threadedHashBytes + 12_345);
    const b = crypto.randomBytes(threadedHashBytes * 2);
    const fa = path.join(dir, 'a.bin');
    const fb = path.join(dir, 'b.bin');
    fs.writeFileSync(fa, Buffer.alloc(0));
    fs.writeFileSync(fb, Buffer.concat([Buffer.alloc(100), b]));
    // a: hashed while it is appended, from offset 0; b: a range inside a larger file.
    const ha = rangeHash(fa, 0, a.length);
    const hb = rangeHash(fb, 100, b.length);
    hb.written(100 + b.length);
    for (let i = 0; i < a.length; i += 1 << 20) {
      fs.appendFileSync(fa, a.subarray(i, i + (1 << 20)));
      ha.written(Math.min(a.length, i + (1 << 20)));
    }
    const abandoned = rangeHash(fb, 0, threadedHashBytes);
    abandoned.written(1000);
    abandoned.close();
    expect(await hb.digest()).toBe(sha(b));
    expect(await ha.digest()).toBe(sha(a));
    await expect(ha.digest()).rejects.toThrow();
    await expect(rangeHash(fb, 200, b.length).digest()).rejects.toThrow(/ends before/);
    // Small ranges are hashed in place, with the same result and the same refusal.
    expect(await rangeHash(fb, 100, 1000).digest()).toBe(sha(b.subarray(0, 1000)));
    await expect(rangeHash(fb, b.length + 50, 100).digest()).rejects.toThrow(/ends before/);
  });
});
