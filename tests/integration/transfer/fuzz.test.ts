// Fuzz: a valid transfer file mutated at random (bit flips, truncation, splices, random bytes),
// opened and accepted at an office that already imported the original. Every run must end in a
// known TRANSFER_* refusal (or, for a mutation that touched only unsigned tar padding, "already
// imported"), never a crash or an internal error, and no row may change. FUZZ_RUNS sets the count:
// 1 000 in `npm test`, 10 000 with `npm run fuzz:transfer`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkFile, readCase } from '../../../electron/core/transfer/inspect';
import { errorCodes } from '../../../shared/contract/errors';
import { removeTemp, writeTemp } from './craft';
import { caseToSend, defaultSelection, download, sendDetails, setUpPair, upload, type Pair } from './fixture';

const runs = Number(process.env.FUZZ_RUNS ?? 1000);
let pair: Pair;
let original: Buffer;

beforeAll(async () => {
  pair = await setUpPair();
  const sent = await caseToSend(pair.gulu, 2000);
  const result = await pair.gulu.worker.ok('transfer.send', { caseId: sent.caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection });
  original = await download(pair.gulu.worker, result.transferId, 'package');
  const uploadId = await upload(pair.kampala.supervisor, original);
  await pair.kampala.supervisor.ok('transfer.accept', { uploadId, assignTo: pair.kampala.office.users.worker.id });
});
afterAll(() => {
  pair?.cleanup();
  removeTemp();
});

/** A small deterministic generator, so a failing run can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

function mutate(source: Buffer, seed: number): Buffer {
  const r = rng(seed);
  const kind = r(4);
  const copy = Buffer.from(source);
  if (kind === 0) {
    for (let i = 0, n = 1 + r(8); i < n; i++) copy[r(copy.length)] ^= 1 << r(8);
    return copy;
  }
  if (kind === 1) return copy.subarray(0, r(copy.length));
  if (kind === 2) {
    const from = r(copy.length);
    const length = 1 + r(2048);
    const at = r(copy.length);
    return Buffer.concat([copy.subarray(0, at), copy.subarray(from, from + length), copy.subarray(at)]);
  }
  const at = r(copy.length);
  const random = crypto.randomBytes(1 + r(512));
  random.copy(copy, at);
  return copy;
}

function snapshot(): string {
  const raw = pair.kampala.office.core.store.get().raw;
  const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_search%' AND name NOT LIKE '%_words%' AND name != 'audit_log'").all() as { name: string }[]).map((t) => t.name);
  return tables.map((t) => `${t}:${(raw.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n}`).join(',');
}

it(`${runs} mutated files: no crash, every refusal a known code, nothing written`, async () => {
  const db = pair.kampala.office.core.store.get().db;
  const before = snapshot();
  const outcomes = new Map<string, number>();
  const known = new Set<string>(errorCodes.filter((c) => c.startsWith('TRANSFER_')));
  for (let i = 1; i <= runs; i++) {
    const bytes = mutate(original, i);
    let outcome: string;
    // Most runs go through the file checks directly (fast); every 25th through the channels,
    // upload → open → accept, as a user would.
    if (i % 25 === 0) {
      const uploadId = await upload(pair.kampala.supervisor, bytes.length > 0 ? bytes : Buffer.alloc(1));
      const opened = await pair.kampala.supervisor.call('transfer.open', { uploadId });
      const accepted = await pair.kampala.supervisor.call('transfer.accept', { uploadId, assignTo: pair.kampala.office.users.worker.id });
      expect(opened.ok, `seed ${i}`).toBe(false);
      expect(accepted.ok, `seed ${i}`).toBe(false);
      outcome = accepted.ok ? 'ok' : accepted.error.code;
    } else {
      const file = writeTemp(bytes);
      try {
        const checked = await checkFile(db, file);
        await readCase(db, file, checked);
        outcome = 'verified';
      } catch (error) {
        outcome = (error as { code?: string }).code ?? `crash: ${String(error)}`;
      } finally {
        fs.rmSync(file, { force: true });
      }
    }
    // A mutation of unsigned tar padding leaves a file that verifies: it is the imported original.
    if (outcome !== 'verified') expect(known.has(outcome), `seed ${i}: ${outcome}`).toBe(true);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  expect(snapshot()).toBe(before);
  console.log(`fuzz: ${runs} runs`, Object.fromEntries(outcomes));
}, 600_000);
