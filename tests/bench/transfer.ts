// Transfer throughput: sealing (tar + age + signature) and opening (verify + decrypt + check) a
// case file with 50 MB of attachments (five 10 MB documents), beside Debian's `age` encrypting and
// decrypting the same bytes. Run: npm run bench:transfer (separate from tests/bench/run.ts).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readEnvelope, readPayload, sealTransferFile } from '../../electron/core/transfer/container';
import { generateOfficeKeys, type OfficeKeys } from '../../electron/core/transfer/keys';

const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'homeward-bench-transfer-'));
const mb = (bytes: number, ms: number) => `${((bytes / 1024 / 1024) / (ms / 1000)).toFixed(1)} MB/s`;
const toKeys = (k: ReturnType<typeof generateOfficeKeys>): OfficeKeys => ({
  ageIdentity: k.age_identity,
  ageRecipient: k.age_recipient,
  signingKey: crypto.createPrivateKey({ key: Buffer.from(k.signing_private_key, 'base64'), format: 'der', type: 'pkcs8' }),
  signingPublicKey: k.signing_public_key,
});

async function main() {
  const sender = toKeys(generateOfficeKeys());
  const receiver = toKeys(generateOfficeKeys());
  // Each with its SHA-256 as stored when the document was added (transfer.send passes it on).
  const documents = Array.from({ length: 5 }, () => {
    const data = crypto.randomBytes(10 * 1024 * 1024);
    return { id: crypto.randomUUID(), data, sha256: crypto.createHash('sha256').update(data).digest('hex') };
  });
  const records = Buffer.from(JSON.stringify({ bench: true }));
  const total = documents.reduce((n, d) => n + d.data.length, records.length);
  const ref = (k: OfficeKeys, code: string) => ({ code, name: code, country: 'UG', signingKey: k.signingPublicKey, ageRecipient: k.ageRecipient });
  const file = path.join(dir, 'bench.homeward');
  const best = async (runs: number, work: () => Promise<void> | void) => {
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await work();
      min = Math.min(min, performance.now() - t);
    }
    return min;
  };
  const seal = await best(3, async () => {
    await sealTransferFile({
      file,
      keys: sender,
      manifest: { kind: 'case', transferId: crypto.randomUUID(), inReplyTo: null, createdAt: new Date().toISOString(), sender: ref(sender, 'A'), recipient: ref(receiver, 'B') },
      entries: [
        { name: 'records.json', bytes: records.length, content: () => records },
        ...documents.map((d) => ({ name: `attachments/${d.id}`, bytes: d.data.length, sha256: d.sha256, content: async function* () { for (let i = 0; i < d.data.length; i += 65536) yield d.data.subarray(i, i + 65536); } })),
      ],
    });
  });
  const open = await best(3, async () => {
    const envelope = await readEnvelope(file);
    await readPayload(file, envelope, receiver.ageIdentity, {
      records: () => undefined,
      attachment: async (_id, _bytes, chunks) => {
        for await (const _ of chunks) void _;
      },
    });
  });
  // The same bytes through the age command: a plain tar of the documents, encrypted and decrypted.
  const plain = path.join(dir, 'plain.bin');
  fs.writeFileSync(plain, Buffer.concat([records, ...documents.map((d) => d.data)]));
  const identity = path.join(dir, 'b.key');
  fs.writeFileSync(identity, `${receiver.ageIdentity}\n`, { mode: 0o600 });
  const sealed = path.join(dir, 'plain.age');
  const ageSeal = await best(3, () => void execFileSync('age', ['-r', receiver.ageRecipient, '-o', sealed, plain]));
  const ageOpen = await best(3, () => void execFileSync('age', ['-d', '-i', identity, '-o', path.join(dir, 'out.bin'), sealed]));
  const load = os.loadavg()[0].toFixed(1);
  console.log(`transfer: ${(total / 1024 / 1024).toFixed(0)} MB of attachments (load average ${load} on ${os.cpus().length} cores)`);
  console.log(`  seal  Homeward ${mb(total, seal)} (${seal.toFixed(0)} ms)   age ${mb(total, ageSeal)} (${ageSeal.toFixed(0)} ms)   ratio ${(ageSeal / seal).toFixed(2)}`);
  console.log(`  open  Homeward ${mb(total, open)} (${open.toFixed(0)} ms)   age ${mb(total, ageOpen)} (${ageOpen.toFixed(0)} ms)   ratio ${(ageOpen / open).toFixed(2)}`);
  console.log(`  peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB (the 50 MB of documents themselves are held by this benchmark)`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
