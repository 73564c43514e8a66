// npm run bench (called from run.ts) or alone: npm run bench:transfer [-- --rounds 9]
// Transfer throughput: sealing (tar + age + hash + signature) and opening (signature, payload hash,
// decrypt, every content hash) a case file with 50 MB of attachments (five 10 MB documents),
// beside Debian's `age` encrypting and decrypting the same 50 MB. Measured interleaved — each
// round runs age and Homeward back to back, alternating which goes first — so both meet the same
// load on a shared machine; the figures are medians over the rounds and the ratio is the median
// of each round's own ratio. Files live in /dev/shm (memory) so the disk does not decide. Prints
// figures; asserts nothing (the goal, seal ≥ 0.5× age, is judged in goals.ts).
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readEnvelope, readPayload } from '../../electron/core/transfer/container';
import { generateOfficeKeys, officeKeysFrom, type OfficeKeys } from '../../electron/core/transfer/keys';
import { sealTransferFile } from '../../electron/core/transfer/seal';
import type { Figure, TransferFigures } from './goals';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load1 = () => Math.round(os.loadavg()[0] * 10) / 10;

async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export async function benchTransfer(rounds = 9, log: (line: string) => void = console.log): Promise<{ figures: Figure[]; transfer: TransferFigures } | null> {
  if (!fs.existsSync('/usr/bin/age')) {
    log('transfer: the age command is not installed (apt install age): not measured');
    return null;
  }
  const dir = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'homeward-bench-transfer-'));
  try {
    const sender = officeKeysFrom(generateOfficeKeys());
    const receiver = officeKeysFrom(generateOfficeKeys());
    // Each with its SHA-256 as stored when the document was added (transfer.send passes it on).
    const documents = Array.from({ length: 5 }, () => {
      const data = crypto.randomBytes(10 * 1024 * 1024);
      return { id: crypto.randomUUID(), data, sha256: crypto.createHash('sha256').update(data).digest('hex') };
    });
    const records = Buffer.from(JSON.stringify({ bench: true }));
    const total = documents.reduce((n, d) => n + d.data.length, records.length);
    const ref = (k: OfficeKeys, code: string) => ({ code, name: code, country: 'UG', signingKey: k.signingPublicKey, ageRecipient: k.ageRecipient });
    const file = path.join(dir, 'bench.homeward');
    // The same bytes for the age command, in a file as it reads them.
    const plain = path.join(dir, 'plain.bin');
    fs.writeFileSync(plain, Buffer.concat([records, ...documents.map((d) => d.data)]));
    const identity = path.join(dir, 'b.key');
    fs.writeFileSync(identity, `${receiver.ageIdentity}\n`, { mode: 0o600 });
    const sealedByAge = path.join(dir, 'plain.age');

    const oursSeal = () =>
      sealTransferFile({
        file,
        keys: sender,
        manifest: { kind: 'case', transferId: crypto.randomUUID(), inReplyTo: null, createdAt: new Date().toISOString(), sender: ref(sender, 'A'), recipient: ref(receiver, 'B') },
        entries: [
          { name: 'records.json', data: records },
          // As transfer.send hands a stored document over: 1 MiB views of it.
          ...documents.map((d) => ({ name: `attachments/${d.id}`, bytes: d.data.length, sha256: d.sha256, content: async function* () { for (let i = 0; i < d.data.length; i += 1048576) yield d.data.subarray(i, i + 1048576); } })),
        ],
      });
    const oursOpen = async () => {
      const envelope = await readEnvelope(file);
      await readPayload(file, envelope, receiver.ageIdentity, {
        records: () => undefined,
        attachment: async (_id, _bytes, chunks) => {
          for await (const _ of chunks) void _;
        },
      });
    };
    const ageSeal = () => execFileSync('age', ['-r', receiver.ageRecipient, '-o', sealedByAge, plain]);
    const ageOpen = () => execFileSync('age', ['-d', '-i', identity, '-o', path.join(dir, 'out.bin'), sealedByAge]);

    // One round of each, not counted: files exist, code is compiled, the page cache is warm.
    await oursSeal();
    await oursOpen();
    ageSeal();
    ageOpen();
    const loadStart = load1();
    const t = { oursSeal: [] as number[], ageSeal: [] as number[], oursOpen: [] as number[], ageOpen: [] as number[] };
    const sealRatios: number[] = [];
    const openRatios: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const ageFirst = round % 2 === 0;
      const pair = async (ours: () => Promise<unknown>, theirs: () => unknown) => {
        const a = ageFirst ? await timed(theirs) : 0;
        const o = await timed(ours);
        return { o, a: ageFirst ? a : await timed(theirs) };
      };
      const seal = await pair(oursSeal, ageSeal);
      const open = await pair(oursOpen, ageOpen);
      t.oursSeal.push(seal.o);
      t.ageSeal.push(seal.a);
      t.oursOpen.push(open.o);
      t.ageOpen.push(open.a);
      sealRatios.push(seal.a / seal.o);
      openRatios.push(open.a / open.o);
    }
    const loadEnd = load1();
    const mbps = (ms: number) => total / 1048576 / (ms / 1000);
    const transfer: TransferFigures = {
      megabytes: Math.round(total / 1048576),
      rounds,
      load: [loadStart, loadEnd],
      seal: { oursMBps: mbps(median(t.oursSeal)), ageMBps: mbps(median(t.ageSeal)), ratio: median(sealRatios) },
      open: { oursMBps: mbps(median(t.oursOpen)), ageMBps: mbps(median(t.ageOpen)), ratio: median(openRatios) },
    };
    const figure = (name: string, samples: number[], note: string, goal?: string): Figure => {
      const s = [...samples].sort((a, b) => a - b);
      return { path: name, cold: null, p50: median(s), p95: s[Math.min(s.length - 1, Math.floor(0.95 * s.length))], max: s[s.length - 1], n: s.length, goal, note };
    };
    const mb = transfer.megabytes;
    const figures = [
      figure(`transfer: seal ${mb} MB (Homeward: tar + age + hash + signature)`, t.oursSeal, `${transfer.seal.oursMBps.toFixed(0)} MB/s`),
      figure(`transfer: seal ${mb} MB (age -r, the same bytes)`, t.ageSeal, `${transfer.seal.ageMBps.toFixed(0)} MB/s`),
      figure(`transfer: open ${mb} MB (Homeward: signature + hashes + decrypt)`, t.oursOpen, `${transfer.open.oursMBps.toFixed(0)} MB/s`),
      figure(`transfer: open ${mb} MB (age -d, the same bytes)`, t.ageOpen, `${transfer.open.ageMBps.toFixed(0)} MB/s`),
    ];
    log(`transfer: ${mb} MB of attachments, ${rounds} interleaved rounds (load average ${loadStart} → ${loadEnd} on ${os.cpus().length} cores)`);
    for (const [what, f] of [['seal', transfer.seal], ['open', transfer.open]] as const) {
      log(`  ${what}  Homeward ${f.oursMBps.toFixed(0)} MB/s   age ${f.ageMBps.toFixed(0)} MB/s   ratio ${f.ratio.toFixed(2)} (median of the rounds' ratios)`);
    }
    log(`  per round, seal ratio: ${sealRatios.map((r) => r.toFixed(2)).join(' ')}; open ratio: ${openRatios.map((r) => r.toFixed(2)).join(' ')}`);
    log(`  peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB (the 50 MB of documents are held by this benchmark)`);
    return { figures, transfer };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '9' } } });
  await benchTransfer(Number(values.rounds));
}
