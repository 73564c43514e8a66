// The family's screen is a restricted connection: paired with a one-time code from the
// facilitator's session, it may call the family-view channels and nothing else; no other
// connection may call those; and what it receives is the facilitator's selection only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { channelNames, channels } from '../../../shared/contract';
import { familyViewOnlyChannels, sampleInput } from '../../fixtures/channels';
import { workerPassword } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';
import { agreementInput, conferenceOffice, invite, ref, type ConferenceOffice } from './helpers';

let o: ConferenceOffice;
let family: InProcessClient;

beforeAll(async () => {
  o = await conferenceOffice();
  await invite(o);
  await o.worker.ok('conference.saveInvitee', { ...ref(o), invitee: { memberId: o.uncle.id, name: 'Dominic Okot', language: 'en', status: 'proposed' } });
  await o.worker.ok('preparation.setCareArrangement', { caseId: o.caseId, arrangement: 'foster_care', place: 'Safe house, Plot 9 Lira road', since: '2025-09-01', confidential: true });
  await o.worker.ok('conference.saveSelection', {
    ...ref(o),
    items: [
      { kind: 'strength', text: 'Rose has cared for Amélie before', source: { type: 'member', id: o.grandmother.id } },
      { kind: 'worry', text: 'School fees are not paid' },
      { kind: 'question', text: 'Who will take Amélie to school?' },
      { kind: 'child_words', text: 'I want to live with my grandmother' },
    ],
  });
  await o.worker.ok('conference.saveNotes', { ...ref(o), notes: 'Uncle Dominic must not learn the safe house address' });
  const { token } = await o.worker.ok('conference.openFamilyView', ref(o));
  family = o.client();
  await family.ok('conference.pairFamilyView', { token });
});
afterAll(() => o.cleanup());

const otherChannels = channelNames.filter((name) => channels[name].access !== 'familyView');

describe('the family view’s connection', () => {
  it('there are family-view channels, and everything else is "other"', () => {
    expect(familyViewOnlyChannels).toEqual(['conference.familyScreen']);
    expect(otherChannels.length).toBeGreaterThan(100);
  });

  it.each(otherChannels)('is refused %s (FORBIDDEN)', async (name) => {
    const error = await expectCode(family.call(name, sampleInput(name) as never), 'FORBIDDEN');
    expect(error.params).toEqual({ channel: name });
  });

  it('cannot sign in as a member of staff, and a used pairing code is worth nothing', async () => {
    await expectCode(family.call('session.login', { username: 'wanjiru', password: workerPassword }), 'FORBIDDEN');
    const { token } = await o.worker.ok('conference.openFamilyView', ref(o));
    const second = o.client();
    await second.ok('conference.pairFamilyView', { token });
    await expectCode(o.client().call('conference.pairFamilyView', { token }), 'FORBIDDEN');
    second.close();
  });

  it('no ordinary connection reaches a family-view channel: not the facilitator, not a stranger', async () => {
    for (const name of familyViewOnlyChannels) {
      await expectCode(o.worker.call(name, sampleInput(name) as never), 'FORBIDDEN');
      await expectCode(o.supervisor.call(name, sampleInput(name) as never), 'FORBIDDEN');
      await expectCode(o.client().call(name, sampleInput(name) as never), 'FORBIDDEN');
    }
  });

  it('a code from a worker the case is not assigned to is refused and audited', async () => {
    await expectCode(o.other.call('conference.openFamilyView', ref(o)), 'OUT_OF_SCOPE');
  });

  it('pairing is audited against the case, as the facilitator', () => {
    const entries = o.auditDetails(o.caseId);
    expect(entries.some((d) => d.startsWith('conference.familyViewOpened'))).toBe(true);
    expect(entries.some((d) => d.startsWith('conference.familyViewPaired'))).toBe(true);
  });
});

describe('what the family sees', () => {
  const screen = async (known = -1) => family.ok('conference.familyScreen', { knownRevision: known });

  it('only the current step and the facilitator’s choice for it, in the family’s language', async () => {
    await o.worker.ok('conference.setStep', { ...ref(o), step: 'information' });
    const s = await screen();
    if (!s.changed) throw new Error('expected a screen');
    expect(s.screen).toMatchObject({ language: 'ar', step: 'information' });
    expect(s.screen.shown.map((x) => x.kind)).toEqual(['strength', 'worry', 'child_words']);
    // Polling with the revision it holds costs nothing until the facilitator changes something.
    expect(await screen(s.screen.revision)).toEqual({ changed: false });
  });

  it('private family time: the questions and a timer, while the facilitator’s session is locked', async () => {
    await o.worker.ok('conference.setStep', { ...ref(o), step: 'private_time' });
    await o.worker.ok('session.lock', {});
    const s = await screen();
    if (!s.changed) throw new Error('expected a screen');
    expect(s.screen.step).toBe('private_time');
    expect(s.screen.shown).toEqual([{ kind: 'question', text: 'Who will take Amélie to school?' }]);
    expect(Date.parse(s.screen.privateEndsAt!) - Date.parse('2025-09-01T08:00:00.000Z')).toBe(30 * 60_000);
    await expectCode(o.worker.call('conference.get', ref(o)), 'SESSION_LOCKED');
    await o.worker.ok('session.unlock', { password: workerPassword });
  });

  it('nothing confidential ever reaches it: not the risk person, the safe house, the notes or the allegation', async () => {
    await o.worker.ok('conference.saveAgreement', { ...ref(o), agreement: agreementInput() });
    const seen: string[] = [];
    for (const step of ['welcome', 'information', 'private_time', 'family_plan', 'agreement'] as const) {
      await o.worker.ok('conference.setStep', { ...ref(o), step });
      seen.push(JSON.stringify(await screen()));
    }
    const all = seen.join('\n');
    expect(all).toContain('Visit every Sunday');
    for (const secret of ['Dominic', 'Okot', 'Plot 9', 'Safe house', 'safe house', 'beaten', 'Hassan', 'Joseph', 'Lira', 'father thinks']) {
      expect(all, secret).not.toContain(secret);
    }
  });

  it('ends when the facilitator signs out', async () => {
    await o.worker.ok('session.logout', {});
    await expectCode(family.call('conference.familyScreen', { knownRevision: -1 }), 'NOT_AUTHENTICATED');
  });
});

describe('the change reaches the family’s screen as a push', () => {
  it('a waiting poll is answered the moment the facilitator moves to another step', async () => {
    const o2 = await conferenceOffice();
    try {
      const { token } = await o2.worker.ok('conference.openFamilyView', ref(o2));
      const screen = o2.client();
      await screen.ok('conference.pairFamilyView', { token });
      const first = await screen.ok('conference.familyScreen', { knownRevision: -1 });
      if (!first.changed) throw new Error('expected a screen');
      const started = Date.now();
      const waiting = screen.ok('conference.familyScreen', { knownRevision: first.screen.revision, waitMs: 10_000 });
      await o2.worker.ok('conference.setStep', { ...ref(o2), step: 'welcome' });
      const pushed = await waiting;
      expect(pushed.changed && pushed.screen.step).toBe('welcome');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      o2.cleanup();
    }
  });
});
