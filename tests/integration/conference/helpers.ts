// Shared set-up for the conference tests: the plans tests' office on a clock (a case with an
// approved BID, so a plan can take effect), a network with one person who poses a risk, and a
// planned conference.
import type { InProcessClient } from '../../../electron/core/client';
import type { ChannelInput } from '../../../shared/contract';
import { officeOnClock } from '../plans/helpers';

export const conferenceInput = (overrides: Partial<ChannelInput<'conference.save'>['conference']> = {}): ChannelInput<'conference.save'>['conference'] => ({
  purpose: 'plan',
  date: '2025-10-10',
  time: '10:00',
  venue: 'Pece community hall',
  facilitatorName: 'Joseph Opio',
  familyLanguage: 'ar',
  otherLanguages: ['en'],
  interpreter: 'Hassan Ali',
  childParticipation: { mode: 'attends_part', words: 'I want to live with my grandmother', agreedToShare: true },
  checklist: ['childPrepared', 'venueConfirmed'],
  ...overrides,
});

export const agreementInput = (): ChannelInput<'conference.saveAgreement'>['agreement'] => ({
  items: [
    {
      who: 'Grace Okello (mother)',
      what: 'Walk Amélie to Pece primary school every morning',
      byWhen: '2025-11-01',
      domain: 'education_skills',
      indicator: 'Attendance register signed by the head teacher',
      supportNeeded: 'School uniform',
      familyPart: 'Half the cost',
    },
    {
      who: 'Uncle Peter',
      what: 'Visit every Sunday',
      byWhen: '2025-10-20',
      domain: 'family_relationships',
      indicator: 'Visit diary kept by the grandmother',
      disagreement: 'The father thinks monthly is enough',
    },
  ],
  childView: 'Amélie likes the plan but wants to keep her friends',
  contingency: 'If the visits stop, the grandmother calls the social worker',
  disagreements: 'Frequency of visits',
  acceptedAsSafe: true,
  reviewDate: null,
});

export async function conferenceOffice() {
  const o = await officeOnClock('2025-09-01T08:00:00.000Z');
  const caseId = (await o.register()).id;
  const member = (caseIdArg: string, values: ChannelInput<'family.save'>['member']) => o.worker.ok('family.save', { caseId: caseIdArg, member: values });
  const grandmother = await member(caseId, { kind: 'relative', relationship: 'grandmother', givenName: 'Rose', familyName: 'Akello', isCaregiver: true, place: 'Lira, Ojwina ward' });
  const uncle = await member(caseId, {
    kind: 'relative',
    relationship: 'uncle',
    givenName: 'Dominic',
    familyName: 'Okot',
    posesRisk: true,
    restriction: 'supervised_only',
    mustNotKnowLocation: true,
    notes: 'Alleged to have beaten the child in 2023',
  });
  const planned = await o.worker.ok('conference.save', { caseId, conference: conferenceInput() });
  return { ...o, caseId, grandmother, uncle, conferenceId: planned.id };
}

export type ConferenceOffice = Awaited<ReturnType<typeof conferenceOffice>>;

export const ref = (o: ConferenceOffice) => ({ caseId: o.caseId, conferenceId: o.conferenceId });

export async function invite(o: ConferenceOffice, client: InProcessClient = o.worker) {
  return client.ok('conference.saveInvitee', { ...ref(o), invitee: { memberId: o.grandmother.id, name: 'Rose Akello', role: 'grandmother', language: 'ar', status: 'invited' } });
}
