// Every conference channel refuses a case worker the case is not assigned to, writes nothing, and
// records the attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelInput, type ChannelName } from '../../../shared/contract';
import { errorCode } from '../plans/helpers';
import { agreementInput, conferenceInput, conferenceOffice, invite, ref, type ConferenceOffice } from './helpers';

let o: ConferenceOffice;
let inviteeId: string;

/**
 * Not case-scoped: My work's query and the register (both filter to the caller's own cases in their
 * query: register.test.ts proves it) and the family screen's two channels.
 */
type ScopedChannel = Exclude<Extract<ChannelName, `conference.${string}`>, 'conference.dueCommitments' | 'conference.register' | 'conference.pairFamilyView' | 'conference.familyScreen'>;

const inputs = (): { [N in ScopedChannel]: ChannelInput<N> } => ({
  'conference.list': { caseId: o.caseId },
  'conference.get': ref(o),
  'conference.save': { caseId: o.caseId, conference: conferenceInput() },
  'conference.saveInvitee': { ...ref(o), invitee: { memberId: null, name: 'Imam Yusuf', language: 'ar', status: 'invited' } },
  'conference.removeInvitee': { ...ref(o), inviteeId },
  'conference.recordSafetyNote': { ...ref(o), inviteeId, note: 'Seated apart' },
  'conference.saveSelection': { ...ref(o), items: [{ kind: 'worry', text: 'School fees' }] },
  'conference.setStep': { ...ref(o), step: 'welcome' },
  'conference.saveNotes': { ...ref(o), notes: 'Notes' },
  'conference.saveAgreement': { ...ref(o), agreement: agreementInput() },
  'conference.recordAcknowledgement': { ...ref(o), acknowledgement: { inviteeId, outcome: 'acknowledged' } },
  'conference.markCommitmentDone': { ...ref(o), done: { itemId: 'no-such-commitment', doneOn: '2025-09-01', evidence: 'Seen' } },
  'conference.makePlanDraft': ref(o),
  'conference.openFamilyView': ref(o),
  'conference.familyCopyPdf': ref(o),
  'conference.invitationPdf': { ...ref(o), inviteeId },
});

beforeAll(async () => {
  o = await conferenceOffice();
  inviteeId = (await invite(o)).invitees[0].id;
});
afterAll(() => o.cleanup());

const notScoped = ['conference.dueCommitments', 'conference.register', 'conference.pairFamilyView', 'conference.familyScreen'];
const scoped = channelNames.filter((n): n is ScopedChannel => n.startsWith('conference.') && !notScoped.includes(n));
const tables = ['conferences', 'conference_invitees', 'conference_commitments', 'plan_versions', 'case_events'];
const counts = () => Object.fromEntries(tables.map((t) => [t, o.count(t, o.caseId)]));

describe('record scope on conferences', () => {
  it('every scoped conference channel has a sample here', () => {
    expect(Object.keys(inputs()).sort()).toEqual([...scoped].sort());
  });

  it.each(scoped)('an unassigned case worker is refused on %s and nothing is written', async (name) => {
    const before = counts();
    const input = inputs()[name];
    expect(channels[name].input.safeParse(input).success).toBe(true);
    const result = await o.other.call(name, input as never);
    // The safety note is a supervisor's permission: refused before scope is even looked at.
    expect(errorCode(result)).toBe(channels[name].access === 'case.approve' ? 'FORBIDDEN' : 'OUT_OF_SCOPE');
    expect(counts()).toEqual(before);
  });

  it('the refusals are in the audit log', () => {
    const denied = o.auditDetails(o.caseId).filter((d) => d.startsWith('case.accessDenied'));
    expect(denied.length).toBe(scoped.filter((n) => channels[n].access !== 'case.approve').length);
  });

  it('the unassigned worker’s register and My work hold nothing of the case', async () => {
    expect((await o.other.ok('conference.register', {})).total).toBe(0);
    expect(await o.other.ok('conference.dueCommitments', { until: '2030-01-01' })).toEqual([]);
  });

  it('an administrator reaches none of it', async () => {
    const admin = await o.login('admin', (await import('../../fixtures/core')).adminPassword);
    expect(errorCode(await admin.call('conference.get', ref(o)))).toBe('FORBIDDEN');
  });

  it('every view and change the assigned worker makes is audited against the case', async () => {
    await o.worker.ok('conference.get', ref(o));
    await o.worker.ok('conference.saveNotes', { ...ref(o), notes: 'Started late' });
    const entries = o.auditDetails(o.caseId);
    expect(entries.some((d) => d.startsWith('case.view') && d.includes('"conference"'))).toBe(true);
    expect(entries.some((d) => d.startsWith('conference.notesSaved'))).toBe(true);
    // The audit holds ids and sizes, never the notes' text.
    expect(entries.join('\n')).not.toContain('Started late');
  });
});
