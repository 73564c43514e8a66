// The short torture run inside `npm test`: about 20 kill -9 trials across every operation module
// (random kills and injected fault points), each followed by the full checks. `npm run torture`
// runs 300.
import { expect, it } from 'vitest';
import { formatReport, runTorture } from './runner';

it('20 trials of kill -9 during writes, key rotation, user changes, password changes (and every other op) leave an office that opens whole', async () => {
  const report = await runTorture({ trials: 20, cases: 40 });
  const text = formatReport(report);
  console.log(text);
  expect(report.failures, text).toEqual([]);
  const kills = Object.values(report.byOp).reduce((n, s) => n + s.randomKills + s.faultKills, 0);
  // Most trials must actually be cut (a suite whose kills always come too late proves nothing).
  expect(kills).toBeGreaterThanOrEqual(8);
}, 180_000);
