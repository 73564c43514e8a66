// Seal progress: while transfer.send seals a case with 9 MB of documents, the sender's own
// connection reads how far it has come (answered at once, outside the call queue the seal holds);
// before and after, nothing is sealing. Another office's user, or an administrator, learns nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseToSend, defaultSelection, sendDetails, setUpPair, type Pair } from './fixture';

let pair: Pair;
let caseId: string;

beforeAll(async () => {
  pair = await setUpPair();
  ({ caseId } = await caseToSend(pair.gulu, 9 * 1024 * 1024));
}, 120_000);
afterAll(() => pair?.cleanup());

it('the sender sees the seal advance, and only the sender', async () => {
  const worker = pair.gulu.worker;
  expect(await worker.ok('transfer.sealProgress', {})).toEqual({ sealing: false, doneBytes: 0, totalBytes: 0 });
  let settled = false;
  const sending = worker.ok('transfer.send', { caseId, details: sendDetails(pair.gulu.partnerId), selection: defaultSelection }).finally(() => {
    settled = true;
  });
  const seen: { sealing: boolean; doneBytes: number; totalBytes: number }[] = [];
  const others: unknown[] = [];
  while (!settled) {
    seen.push(await worker.ok('transfer.sealProgress', {}));
    others.push(await pair.gulu.other.ok('transfer.sealProgress', {}));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await sending;
  const during = seen.filter((s) => s.sealing);
  expect(during.length).toBeGreaterThan(0);
  expect(during.some((s) => s.doneBytes > 0 && s.doneBytes < s.totalBytes)).toBe(true);
  for (const s of during) {
    expect(s.totalBytes).toBeGreaterThanOrEqual(9 * 1024 * 1024);
    expect(s.doneBytes).toBeLessThanOrEqual(s.totalBytes);
  }
  // Monotonic: the figure never goes back.
  expect(during.map((s) => s.doneBytes)).toEqual([...during.map((s) => s.doneBytes)].sort((a, b) => a - b));
  for (const o of others) expect(o).toEqual({ sealing: false, doneBytes: 0, totalBytes: 0 });
  expect(await worker.ok('transfer.sealProgress', {})).toEqual({ sealing: false, doneBytes: 0, totalBytes: 0 });
  expect((await pair.gulu.office.admin.call('transfer.sealProgress', {})).ok).toBe(false);
}, 120_000);
