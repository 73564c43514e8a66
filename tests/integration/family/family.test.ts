import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FamilyMemberInput } from '../../../shared/family/contract';
import { expectCode } from '../../fixtures/results';
import { child, setUpNetworkOffice, type NetworkOffice } from './network-fixtures';

let t: NetworkOffice;
beforeAll(async () => {
  t = await setUpNetworkOffice();
});
afterAll(() => t.office.cleanup());

const mother: FamilyMemberInput = {
  kind: 'relative',
  relationship: 'mother',
  givenName: 'Akumu',
  familyName: 'Lamaro',
  sex: 'female',
  estimatedAgeYears: 38,
  isCaregiver: true,
  phone: '+256 772 123 456',
  place: 'Laroo village',
  area: 'Gulu',
  country: 'UG',
};

const brother: FamilyMemberInput = {
  kind: 'sibling',
  relationship: 'sibling',
  givenName: 'Onencan',
  familyName: 'Okwiri',
  sex: 'male',
  dateOfBirth: '2010-01-20',
  livingSituation: 'institution',
  carePlace: "St Jude's children's home, Lira",
  inContact: 'no',
  keepTogether: true,
};

const teacher: FamilyMemberInput = {
  kind: 'important_person',
  role: 'teacher',
  givenName: 'Bosco',
  familyName: 'Ocaya',
  sex: 'male',
  place: 'Laroo primary school',
};

describe("the child's family and network", () => {
  it('adds a caregiver, a sibling in an institution and a teacher, and lists the caregiver first', async () => {
    await t.worker.ok('family.save', { caseId: t.caseId, member: brother });
    await t.worker.ok('family.save', { caseId: t.caseId, member: teacher });
    const saved = await t.worker.ok('family.save', { caseId: t.caseId, member: mother });
    expect(saved.isCaregiver).toBe(true);
    expect(saved.version).toBe(1);

    const members = await t.worker.ok('family.list', { caseId: t.caseId });
    expect(members.map((m) => m.givenName)).toEqual(['Akumu', 'Onencan', 'Bosco']);
    const sibling = members[1];
    expect(sibling).toMatchObject({ kind: 'sibling', livingSituation: 'institution', inContact: 'no', keepTogether: true });
    expect(sibling.ageYears).toBeGreaterThanOrEqual(14);
    expect(members[2]).toMatchObject({ kind: 'important_person', role: 'teacher', relationship: null, livingSituation: null });
  });

  it('clears the fields that do not apply to a kind of person', async () => {
    const aunt = await t.worker.ok('family.save', {
      caseId: t.caseId,
      member: { kind: 'relative', relationship: 'aunt', givenName: 'Lakica', livingSituation: 'street', inContact: 'yes', role: 'friend' },
    });
    expect(aunt).toMatchObject({ relationship: 'aunt', livingSituation: null, inContact: null, role: null });
  });

  it('updates a person by id and refuses a form loaded before someone else changed it', async () => {
    const [first] = await t.worker.ok('family.list', { caseId: t.caseId });
    const updated = await t.worker.ok('family.save', {
      caseId: t.caseId,
      member: { ...mother, id: first.id, version: first.version, phone: '+256 701 000 111', livesWithChild: false },
    });
    expect(updated.version).toBe(first.version + 1);
    expect(updated.phone).toBe('+256 701 000 111');
    await expectCode(
      t.worker.call('family.save', { caseId: t.caseId, member: { ...mother, id: first.id, version: first.version, phone: '0' } }),
      'CONFLICT',
    );
  });

  it('removes a person softly with a reason: gone from the list, still on file', async () => {
    const members = await t.worker.ok('family.list', { caseId: t.caseId });
    const aunt = members.find((m) => m.givenName === 'Lakica')!;
    await t.worker.ok('family.remove', { caseId: t.caseId, memberId: aunt.id, reason: 'Recorded twice by mistake' });
    const after = await t.worker.ok('family.list', { caseId: t.caseId });
    expect(after.find((m) => m.id === aunt.id)).toBeUndefined();
    const withRemoved = await t.worker.ok('family.list', { caseId: t.caseId, includeRemoved: true });
    expect(withRemoved.find((m) => m.id === aunt.id)?.removed).toMatchObject({ reason: 'Recorded twice by mistake', byName: 'Wanjiru Worker' });
    await expectCode(t.worker.call('family.remove', { caseId: t.caseId, memberId: aunt.id, reason: 'again' }), 'NOT_FOUND');
  });

  it('a supervisor reads every case\'s family', async () => {
    const members = await t.supervisor.ok('family.list', { caseId: t.caseId });
    expect(members.length).toBe(3);
  });
});

describe('bad input writes nothing', () => {
  const invalid: [string, unknown][] = [
    ['a person without a name', { ...mother, givenName: '  ' }],
    ['a relative without a relationship', { kind: 'relative', givenName: 'Anyone' }],
    ['a sibling recorded as a mere relative', { kind: 'relative', relationship: 'half_sibling', givenName: 'Anyone' }],
    ['a sibling without where they live', { kind: 'sibling', relationship: 'sibling', givenName: 'Anyone' }],
    ['an important person without a role', { kind: 'important_person', givenName: 'Anyone' }],
    ['an "other" role not described', { kind: 'important_person', role: 'other', givenName: 'Anyone' }],
    ['a deceased caregiver', { ...mother, deceased: true }],
    ['a country that is not ISO-2', { ...mother, country: 'Uganda' }],
    ['a phone number with letters', { ...mother, phone: 'call me maybe' }],
    ['an unknown relationship', { ...mother, relationship: 'landlord' }],
    ['an age of 300', { ...mother, estimatedAgeYears: 300 }],
    ['an update without the version it was loaded with', { ...mother, id: 'x' }],
    ['an unexpected field', { ...mother, secret: 1 }],
  ];
  it.each(invalid)('refuses %s with VALIDATION', async (_label, member) => {
    const before = t.count('family_members');
    await expectCode(t.worker.call('family.save', { caseId: t.caseId, member: member as FamilyMemberInput }), 'VALIDATION');
    expect(t.count('family_members')).toBe(before);
  });

  it('refuses a date of birth in the future with INVALID_DATE', async () => {
    const before = t.count('family_members');
    const error = await expectCode(t.worker.call('family.save', { caseId: t.caseId, member: { ...brother, dateOfBirth: '2999-01-01' } }), 'INVALID_DATE');
    expect(error.params?.field).toBe('member.dateOfBirth');
    expect(t.count('family_members')).toBe(before);
  });

  it('refuses a date that does not exist', async () => {
    await expectCode(t.worker.call('family.save', { caseId: t.caseId, member: { ...brother, dateOfBirth: '2011-02-30' } }), 'VALIDATION');
  });

  it('refuses to remove without a reason', async () => {
    const [first] = await t.worker.ok('family.list', { caseId: t.caseId });
    await expectCode(t.worker.call('family.remove', { caseId: t.caseId, memberId: first.id, reason: '' }), 'VALIDATION');
    expect((await t.worker.ok('family.list', { caseId: t.caseId })).length).toBe(3);
  });

  it('cannot update a person of another case through this one', async () => {
    const otherCase = await t.worker.ok('cases.register', { child: { ...child, givenName: 'Second' } });
    const [first] = await t.worker.ok('family.list', { caseId: t.caseId });
    await expectCode(
      t.worker.call('family.save', { caseId: otherCase.id, member: { ...mother, id: first.id, version: first.version } }),
      'NOT_FOUND',
    );
  });
});

describe('audit', () => {
  it('records each view and change with ids and kinds, never a name or a reason', async () => {
    const entries = t.auditEntries();
    const actions = entries.map((e) => e.action);
    expect(actions).toContain('family.memberAdd');
    expect(actions).toContain('family.memberUpdate');
    expect(actions).toContain('family.memberRemove');
    expect(entries.some((e) => e.action === 'case.view' && e.details?.includes('"part":"family"'))).toBe(true);
    const details = entries.map((e) => e.details ?? '').join('\n');
    for (const text of [child.givenName, child.familyName, 'Akumu', 'Lamaro', 'Onencan', 'Bosco', 'Ocaya', 'Lakica', 'Recorded twice', "St Jude", '772 123']) {
      expect(details).not.toContain(text);
    }
  });

  it('shows the changes on the case timeline, with who the person is to the child', async () => {
    const { events } = await t.worker.ok('cases.timeline', { caseId: t.caseId });
    const removal = events.find((e) => e.type === 'family.memberRemove');
    expect(removal?.details).toMatchObject({ relationship: 'aunt', reason: 'Recorded twice by mistake' });
  });
});
