// The Conferences section's register, against a real encrypted office: upcoming, in progress and
// held, filtered by case, dates and facilitator, and scoped like the cases themselves — a case
// worker sees the conferences of their own cases only, a supervisor the office's, an administrator none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, openRawWithKey } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';
import { agreementInput, conferenceInput, conferenceOffice, type ConferenceOffice } from './helpers';

let o: ConferenceOffice;
let otherCase: { id: string; number: string };
let meetingId: string;
let heldId: string;

beforeAll(async () => {
  o = await conferenceOffice();
  // The worker's case: the planned conference (10 October), a meeting in progress, one held.
  meetingId = (await o.worker.ok('conference.save', { caseId: o.caseId, conference: conferenceInput({ kind: 'meeting', date: '2025-09-20', facilitatorName: 'Grace Auma' }) })).id;
  await o.worker.ok('conference.setStep', { caseId: o.caseId, conferenceId: meetingId, step: 'welcome' });
  heldId = (await o.worker.ok('conference.save', { caseId: o.caseId, conference: conferenceInput({ date: '2025-09-05', purpose: 'crisis' }) })).id;
  await o.worker.ok('conference.saveAgreement', { caseId: o.caseId, conferenceId: heldId, agreement: agreementInput() });
  // Another worker's case and conference.
  otherCase = await o.register(o.other, { givenName: 'Kato', familyName: 'Opiyo' });
  await o.other.ok('conference.save', { caseId: otherCase.id, conference: conferenceInput({ date: '2025-09-15', facilitatorName: 'Omar Hassan' }) });
});
afterAll(() => o.cleanup());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('the conference register', () => {
  it('a case worker sees the conferences of their own cases, and nothing of another worker’s', async () => {
    const mine = await o.worker.ok('conference.register', {});
    expect(mine.total).toBe(3);
    expect(mine.rows.every((r) => r.caseId === o.caseId)).toBe(true);
    const theirs = await o.other.ok('conference.register', {});
    expect(theirs.rows.map((r) => r.caseId)).toEqual([otherCase.id]);
    expect(theirs.rows[0]).toMatchObject({ childName: 'Kato Opiyo', caseNumber: otherCase.number, status: 'upcoming' });
  });

  it('a supervisor sees the office’s; an administrator none of it', async () => {
    expect((await o.supervisor.ok('conference.register', {})).total).toBe(4);
    const admin = await o.login('admin', adminPassword);
    await expectCode(admin.call('conference.register', {}), 'FORBIDDEN');
  });

  it('upcoming (soonest first), in progress and held', async () => {
    const upcoming = await o.supervisor.ok('conference.register', { status: 'upcoming' });
    expect(upcoming.rows.map((r) => r.date)).toEqual(['2025-09-15', '2025-10-10']);
    const running = await o.worker.ok('conference.register', { status: 'in_progress' });
    expect(running.rows).toEqual([expect.objectContaining({ id: meetingId, kind: 'meeting', status: 'in_progress', step: 'welcome' })]);
    const held = await o.worker.ok('conference.register', { status: 'held' });
    expect(held.rows).toEqual([expect.objectContaining({ id: heldId, purpose: 'crisis', status: 'held', openCommitments: 2, overdueCommitments: 0 })]);
  });

  it('filters by the case (number or the child’s name, accents folded), dates and facilitator', async () => {
    expect((await o.supervisor.ok('conference.register', { caseText: otherCase.number })).rows.map((r) => r.caseId)).toEqual([otherCase.id]);
    expect((await o.supervisor.ok('conference.register', { caseText: 'amelie' })).total).toBe(3);
    expect(ids((await o.worker.ok('conference.register', { from: '2025-09-10', to: '2025-09-30' })).rows)).toEqual([meetingId]);
    expect(ids((await o.supervisor.ok('conference.register', { facilitator: 'grace' })).rows)).toEqual([meetingId]);
  });

  it('counts overdue commitments as the days pass', async () => {
    await o.travelTo('2025-10-25T08:00:00.000Z');
    const held = await o.worker.ok('conference.register', { status: 'held' });
    expect(held.rows[0]).toMatchObject({ openCommitments: 2, overdueCommitments: 1 });
  });

  it('each look at it is audited, without case content', () => {
    const raw = openRawWithKey(o.core);
    const entries = (raw.prepare(`SELECT details FROM audit_log WHERE action = 'conference.registerViewed'`).all() as { details: string }[]).map((r) => r.details);
    raw.close();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.join('\n')).not.toContain('Kato');
  });
});
