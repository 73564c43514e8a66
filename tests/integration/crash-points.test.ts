// Real crashes at every named step: a child process runs the operation and SIGKILLs itself at the
// fault point (no cleanup, no exit handlers), then the office is checked as the torture suite does
// (opens with a slot key, integrity, audit chain, slots = users, cross-record invariants, each
// op's own check). One trial per fault point of rotation, user creation/removal, password change and reset.
import { expect, it } from 'vitest';
import { faultPoints } from '../../electron/core/vault/faults';
import { formatReport, runTorture } from '../torture/runner';

it('a crash at each fault point of rotation, user creation and removal, password change and reset leaves the office whole', async () => {
  const report = await runTorture({ trials: 0, everyFaultPoint: true, only: ['rotation', 'users', 'password', 'reset'], cases: 10 });
  const text = formatReport(report);
  console.log(text);
  expect(report.failures, text).toEqual([]);
  const points = Object.values(faultPoints).flat().length;
  expect(report.trials).toBe(points);
  expect(Object.values(report.byOp).reduce((n, s) => n + s.faultKills, 0)).toBe(points);
}, 240_000);

it('kill -9 at random moments during rotations of a larger database, repeated, never loses the office', async () => {
  const report = await runTorture({ trials: 4, only: ['rotation'], cases: 10 });
  const text = formatReport(report);
  console.log(text);
  expect(report.failures, text).toEqual([]);
}, 240_000);
