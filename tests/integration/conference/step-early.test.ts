// A step reaches the family's screen at the facilitator's click, not after the calls queued before
// it (core.ts presentStepEarly): the screen is built from memory, the call then writes the step in
// its turn with every check — and when that call is refused, the screen goes back to what is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { expectCode } from '../../fixtures/results';
import { conferenceOffice, ref, type ConferenceOffice } from './helpers';

let o: ConferenceOffice;
let family: InProcessClient;

async function revision(): Promise<number> {
  const s = await family.ok('conference.familyScreen', { knownRevision: -1 });
  if (!s.changed) throw new Error('expected a screen');
  return s.screen.revision;
}

beforeAll(async () => {
  o = await conferenceOffice();
  const { token } = await o.worker.ok('conference.openFamilyView', ref(o));
  family = o.client();
  await family.ok('conference.pairFamilyView', { token });
});
afterAll(() => o.cleanup());

describe('a step on the family’s screen', () => {
  it('shows before the reads queued ahead of the click have run', async () => {
    const order: string[] = [];
    const waiting = family.ok('conference.familyScreen', { knownRevision: await revision(), waitMs: 10_000 }).then((s) => {
      order.push(`family:${s.changed ? s.screen.step : 'unchanged'}`);
    });
    // The facilitator's page reloading a case file and its conferences after a save: 30 calls in the queue.
    const reads = Array.from({ length: 30 }, () => o.worker.ok('conference.get', ref(o)).then(() => void order.push('read')));
    const step = o.worker.ok('conference.setStep', { ...ref(o), step: 'welcome' }).then(() => void order.push('stored'));
    await Promise.all([waiting, step, ...reads]);
    expect(order[0]).toBe('family:welcome');
    expect(order.at(-1)).toBe('stored');
    expect((await o.worker.ok('conference.get', ref(o))).step).toBe('welcome');
  });

  it('only for the connection that paired a family view of this conference', async () => {
    const order: string[] = [];
    const waiting = family.ok('conference.familyScreen', { knownRevision: await revision(), waitMs: 10_000 }).then((s) => {
      order.push(`family:${s.changed ? s.screen.step : 'unchanged'}`);
    });
    const reads = Array.from({ length: 30 }, () => o.worker.ok('conference.get', ref(o)).then(() => void order.push('read')));
    // The supervisor may change the case but paired no family view: the step shows once written, in its turn.
    const step = o.supervisor.ok('conference.setStep', { ...ref(o), step: 'information' }).then(() => void order.push('stored'));
    await Promise.all([waiting, step, ...reads]);
    expect(order.indexOf('family:information')).toBeGreaterThan(order.lastIndexOf('read'));
  });

  it('goes back to the stored step when the call is refused in its turn (here: the session locked after inactivity)', async () => {
    const seen: (string | null)[] = [];
    const waiting = family.ok('conference.familyScreen', { knownRevision: await revision(), waitMs: 10_000 }).then((s) => {
      if (s.changed) seen.push(s.screen.step);
    });
    o.clock.set('2025-09-01T12:00:00.000Z');
    await expectCode(o.worker.call('conference.setStep', { ...ref(o), step: 'private_time' }), 'SESSION_LOCKED');
    await waiting;
    // The click showed at once; the refusal put the stored step back.
    expect(seen).toEqual(['private_time']);
    const now = await family.ok('conference.familyScreen', { knownRevision: -1 });
    expect(now.changed && now.screen.step).toBe('information');
    await o.worker.ok('session.unlock', { password: (await import('../../fixtures/core')).workerPassword });
    expect((await o.worker.ok('conference.get', ref(o))).step).toBe('information');
  });
});
