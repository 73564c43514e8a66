// After the meeting, against a real encrypted office: each person present answers the agreement
// (acknowledged by all only when everyone present has an answer), the family's screen shows who
// acknowledged but never why someone did not, and commitments are marked done with the day and the
// evidence — audited, on the timeline, and gone from My work once done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { expectCode } from '../../fixtures/results';
import { agreementInput, conferenceOffice, invite, ref, type ConferenceOffice } from './helpers';

let o: ConferenceOffice;
let rose: string;
let imam: string;
let family: InProcessClient;

const attend = (id: string, name: string, memberId: string | null) =>
  o.worker.ok('conference.saveInvitee', { ...ref(o), invitee: { id, memberId, name, language: 'ar', status: 'attended' } });
const answer = (inviteeId: string, outcome: 'acknowledged' | 'declined' | 'absent', reason = '') =>
  o.worker.call('conference.recordAcknowledgement', { ...ref(o), acknowledgement: { inviteeId, outcome, reason } });

beforeAll(async () => {
  o = await conferenceOffice();
  rose = (await invite(o)).invitees[0].id;
  const c = await o.worker.ok('conference.saveInvitee', { ...ref(o), invitee: { memberId: null, name: 'Imam Yusuf', role: 'religious leader', language: 'ar', status: 'invited' } });
  imam = c.invitees.find((i) => i.name === 'Imam Yusuf')!.id;
  const { token } = await o.worker.ok('conference.openFamilyView', ref(o));
  family = o.client();
  await family.ok('conference.pairFamilyView', { token });
});
afterAll(() => o.cleanup());

describe('acknowledging the agreement', () => {
  it('needs an agreement, and a person recorded as present', async () => {
    await expectCode(answer(rose, 'acknowledged'), 'CONFLICT');
    await o.worker.ok('conference.saveAgreement', { ...ref(o), agreement: agreementInput() });
    const error = await expectCode(answer(rose, 'acknowledged'), 'CONFLICT');
    expect(error.params).toEqual({ reason: 'notPresent' });
  });

  it('declining or being absent needs a reason', async () => {
    await attend(rose, 'Rose Akello', o.grandmother.id);
    await attend(imam, 'Imam Yusuf', null);
    await expectCode(answer(imam, 'declined'), 'VALIDATION');
    await expectCode(answer(imam, 'absent', '   '), 'VALIDATION');
  });

  it('is "acknowledged by all" only once everyone present has an answer', async () => {
    const first = await o.worker.ok('conference.recordAcknowledgement', { ...ref(o), acknowledgement: { inviteeId: rose, outcome: 'acknowledged' } });
    expect(first.agreement.acknowledgedByAll).toBe(false);
    expect(first.invitees.find((i) => i.id === rose)!.acknowledgement).toMatchObject({ outcome: 'acknowledged', reason: '', recordedBy: 'Wanjiru Worker' });
    const all = await o.worker.ok('conference.recordAcknowledgement', { ...ref(o), acknowledgement: { inviteeId: imam, outcome: 'declined', reason: 'Wants the father to be asked first' } });
    expect(all.agreement.acknowledgedByAll).toBe(true);
    expect(all.invitees.find((i) => i.id === imam)!.acknowledgement).toMatchObject({ outcome: 'declined', reason: 'Wants the father to be asked first' });
  });

  it('is audited against the case with the outcome, never the reason, and is on the timeline', () => {
    const entries = o.auditDetails(o.caseId).filter((d) => d.startsWith('conference.acknowledgementRecorded'));
    expect(entries).toHaveLength(2);
    expect(entries[1]).toContain('"acknowledgedByAll":true');
    expect(entries.join('\n')).not.toContain('father');
  });

  it('the family’s screen shows who acknowledged at the agreement step, never the reasons', async () => {
    await o.worker.ok('conference.setStep', { ...ref(o), step: 'agreement' });
    const s = await family.ok('conference.familyScreen', { knownRevision: -1 });
    if (!s.changed) throw new Error('expected a screen');
    expect(s.screen.acknowledgements).toEqual([
      { name: 'Rose Akello', answer: 'acknowledged' },
      { name: 'Imam Yusuf', answer: 'notAcknowledged' },
    ]);
    expect(JSON.stringify(s.screen)).not.toContain('father');
  });

  it('someone no longer recorded as present loses their answer; a changed agreement is answered again', async () => {
    const c = await o.worker.ok('conference.saveInvitee', { ...ref(o), invitee: { id: imam, memberId: null, name: 'Imam Yusuf', language: 'ar', status: 'declined' } });
    expect(c.invitees.find((i) => i.id === imam)!.acknowledgement).toBeNull();
    expect(c.agreement.acknowledgedByAll).toBe(true);
    const changed = await o.worker.ok('conference.saveAgreement', { ...ref(o), agreement: agreementInput() });
    expect(changed.invitees.every((i) => i.acknowledgement === null)).toBe(true);
    expect(changed.agreement.acknowledgedByAll).toBe(false);
  });
});

describe('marking commitments done', () => {
  const items = async () => (await o.worker.ok('conference.get', ref(o))).agreement.items;
  const mark = async (itemId: string, doneOn: string, evidence = 'Register signed by the head teacher, seen on 2 Nov') =>
    o.worker.call('conference.markCommitmentDone', { ...ref(o), done: { itemId, doneOn, evidence } });

  it('only between the conference and today, with evidence', async () => {
    await o.travelTo('2025-11-05T09:00:00.000Z');
    const [school] = await items();
    await expectCode(mark(school.id, '2025-11-06'), 'INVALID_DATE');
    await expectCode(mark(school.id, '2025-10-09'), 'INVALID_DATE');
    await expectCode(mark(school.id, '2025-11-02', ''), 'VALIDATION');
  });

  it('records the day, who recorded it and the evidence; audited (no evidence text) and on the timeline', async () => {
    const [school] = await items();
    const events = o.count('case_events', o.caseId);
    const done = await o.worker.ok('conference.markCommitmentDone', { ...ref(o), done: { itemId: school.id, doneOn: '2025-11-02', evidence: 'Register signed by the head teacher' } });
    expect(done.agreement.items[0]).toMatchObject({ done: true, doneOn: '2025-11-02', doneBy: 'Wanjiru Worker', doneEvidence: 'Register signed by the head teacher' });
    expect(done.agreement.items[1].done).toBe(false);
    expect(o.count('case_events', o.caseId)).toBe(events + 1);
    const audit = o.auditDetails(o.caseId).filter((d) => d.startsWith('conference.commitmentDone'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toContain(school.id);
    expect(audit[0]).not.toContain('head teacher');
    await expectCode(mark(school.id, '2025-11-03'), 'CONFLICT');
  });

  it('a done commitment leaves My work; the overdue one stays there', async () => {
    const due = await o.worker.ok('conference.dueCommitments', { until: '2025-11-19' });
    expect(due.map((d) => [d.what, d.overdue])).toEqual([['Visit every Sunday', true]]);
    // On the case, too: its conference list says what is still open and what is overdue.
    const [listed] = await o.worker.ok('conference.list', { caseId: o.caseId });
    expect(listed).toMatchObject({ openCommitments: 1, overdueCommitments: 1 });
  });

  it('once follow-up has begun the agreement is the record: it is not re-written', async () => {
    const error = await expectCode(o.worker.call('conference.saveAgreement', { ...ref(o), agreement: agreementInput() }), 'CONFLICT');
    expect(error.params).toEqual({ reason: 'followUpStarted' });
  });

  it('an unassigned worker cannot mark one done', async () => {
    const [, visits] = await items();
    await expectCode(o.other.call('conference.markCommitmentDone', { ...ref(o), done: { itemId: visits.id, doneOn: '2025-11-01', evidence: 'Said so' } }), 'OUT_OF_SCOPE');
    expect((await items())[1].done).toBe(false);
  });
});
