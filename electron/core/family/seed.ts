// Node-only. Generated family networks: every case has a caregiver (living with the child once
// the child is home), one or two more relatives, sometimes siblings — some in care elsewhere,
// whom the Guidelines ask to keep in contact — and sometimes a teacher or a religious leader.
// While a case is still being traced the family's whereabouts may be unknown.
// Only the contributor is exported: the generator runs every exported function.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Relationship } from '../../../shared/family/contract';
import type { Language } from '../../../shared/i18n/languages';
import { namePools } from '../cases/seed-names';
import type { SeedCase, SeedContext, SeedContributor } from '../cases/seed-types';
import type { RawDatabase } from '../db/open';
import { networkPhrases } from './seed-phrases';

const DAY = 86_400_000;

/** A prepared statement run with positional or named parameters. */
type Statement = Database.Statement<unknown[]>;

interface Statements {
  member: Statement;
  event: Statement;
}

const prepared = new WeakMap<RawDatabase, Statements>();

function statements(raw: RawDatabase): Statements {
  let s = prepared.get(raw);
  if (!s) {
    s = {
      member: raw.prepare<unknown[]>(`
        INSERT INTO family_members (id, case_id, kind, relationship, role, role_other, given_name, family_name, sex,
          date_of_birth, estimated_age, is_caregiver, lives_with_child, deceased, phone, other_contact, place, area, country,
          living_situation, care_place, in_contact, keep_together, notes, created_at, created_by, updated_at, updated_by, version)
        VALUES (@id, @case_id, @kind, @relationship, @role, '', @given_name, @family_name, @sex,
          @date_of_birth, @estimated_age, @is_caregiver, @lives_with_child, @deceased, @phone, '', @place, @area, NULL,
          @living_situation, @care_place, @in_contact, @keep_together, '', @at, @by, @at, @by, 1)`),
      event: raw.prepare<unknown[]>('INSERT INTO case_events (case_id, at, user_id, type, details) VALUES (?, ?, ?, ?, ?)'),
    };
    prepared.set(raw, s);
  }
  return s;
}

const dialling: Record<Language, string> = { en: '+256 7', fr: '+257 7', es: '+504 9', pt: '+258 8', ar: '+249 9' };

const female = new Set<Relationship>(['mother', 'stepmother', 'grandmother', 'aunt']);

interface MemberSeed {
  kind: 'relative' | 'sibling' | 'important_person';
  relationship?: Relationship;
  role?: 'teacher' | 'religious_leader' | 'community_volunteer';
  sex: 'female' | 'male';
  familyName?: string;
  age: number;
  caregiver?: boolean;
  livesWithChild?: boolean;
  deceased?: boolean;
  phone?: string;
  place: string;
  area: string;
  livingSituation?: string;
  carePlace?: string;
  inContact?: 'yes' | 'no' | 'unknown';
  keepTogether?: boolean;
}

function seedNetwork(ctx: SeedContext, s: Statements, c: SeedCase): void {
  const { rng, pick, now } = ctx;
  const phrases = networkPhrases[c.language];
  const home = c.spontaneous || c.stage === 'follow_up' || c.stage === 'closure';
  // Cases still in tracing may not have found the family yet: names from the child, no address.
  const traced = c.stage !== 'tracing_assessment' || rng() < 0.5;
  const homePlace = traced ? pick(namePools[c.language].places) : '';
  const homeArea = traced ? c.area : '';
  const phone = () =>
    traced && rng() < 0.6 ? `${dialling[c.language]}${String(Math.floor(rng() * 100)).padStart(2, '0')} ${String(Math.floor(rng() * 1000)).padStart(3, '0')} ${String(Math.floor(rng() * 1000)).padStart(3, '0')}` : '';
  const registered = Date.parse(c.registeredAt);
  const firstMonth = new Date(Math.min(now.getTime(), registered + 30 * DAY)).toISOString();

  // No two people of one family (the child included) share a given name.
  const used = new Set([c.givenName]);
  const nameFor = (sex: 'female' | 'male') => {
    let name = ctx.personName(c.language, sex);
    for (let tries = 0; tries < 4 && used.has(name.givenName); tries += 1) name = ctx.personName(c.language, sex);
    used.add(name.givenName);
    return name;
  };

  const insert = (m: MemberSeed) => {
    const id = ctx.uuid();
    const name = nameFor(m.sex);
    const familyName = m.familyName ?? name.familyName;
    const at = new Date(Math.min(now.getTime(), Math.max(registered, Date.parse(`${ctx.dateBetween(c.registeredAt, firstMonth)}T10:00:00.000Z`)))).toISOString();
    // Siblings' birth dates are often known from the child's own documents.
    const dob = m.kind === 'sibling' && rng() < 0.4
      ? new Date(registered - (m.age * 365.25 + rng() * 300) * DAY).toISOString().slice(0, 10)
      : null;
    s.member.run({
      id,
      case_id: c.id,
      kind: m.kind,
      relationship: m.relationship ?? null,
      role: m.role ?? null,
      given_name: name.givenName,
      family_name: familyName,
      sex: m.sex,
      date_of_birth: dob,
      estimated_age: dob ? null : m.age,
      is_caregiver: m.caregiver ? 1 : 0,
      lives_with_child: m.livesWithChild ? 1 : 0,
      deceased: m.deceased ? 1 : 0,
      phone: m.phone ?? '',
      place: m.place,
      area: m.area,
      living_situation: m.livingSituation ?? null,
      care_place: m.carePlace ?? '',
      in_contact: m.inContact ?? null,
      keep_together: m.keepTogether === undefined ? null : m.keepTogether ? 1 : 0,
      at,
      by: c.workerId,
    });
    s.event.run(
      c.id,
      at,
      c.workerId,
      'family.memberAdd',
      JSON.stringify({ memberId: id, kind: m.kind, relationship: m.relationship ?? null, role: m.role ?? null, name: `${name.givenName} ${familyName}`.trim() }),
    );
  };

  const roll = rng();
  const caregiver: Relationship = roll < 0.55 ? 'mother' : roll < 0.75 ? 'grandmother' : roll < 0.85 ? 'father' : roll < 0.95 ? 'aunt' : 'uncle';
  const parentAge = c.ageYears + 18 + Math.floor(rng() * 17);
  const ageOf = (r: Relationship) => (r === 'grandmother' || r === 'grandfather' ? parentAge + 20 + Math.floor(rng() * 10) : parentAge);
  insert({
    kind: 'relative',
    relationship: caregiver,
    sex: female.has(caregiver) ? 'female' : 'male',
    familyName: caregiver === 'father' || caregiver === 'uncle' || rng() < 0.5 ? c.familyName || undefined : undefined,
    age: ageOf(caregiver),
    caregiver: true,
    livesWithChild: home,
    phone: phone(),
    place: homePlace,
    area: homeArea,
  });
  // One or two more relatives; a parent who is not the caregiver has sometimes died.
  const others = (['father', 'mother', 'grandmother', 'uncle', 'aunt'] as const).filter((r) => r !== caregiver);
  const extra = 1 + (rng() < 0.35 ? 1 : 0);
  for (let i = 0; i < extra; i += 1) {
    const relationship = others[i === 0 ? 0 : 2 + Math.floor(rng() * (others.length - 2))];
    const deceased = (relationship === 'father' || relationship === 'mother') && rng() < 0.15;
    insert({
      kind: 'relative',
      relationship,
      sex: female.has(relationship) ? 'female' : 'male',
      familyName: relationship === 'father' ? c.familyName || undefined : undefined,
      age: ageOf(relationship),
      deceased,
      livesWithChild: home && !deceased && relationship !== 'uncle' && rng() < 0.5,
      phone: deceased ? '' : phone(),
      place: deceased ? '' : rng() < 0.7 ? homePlace : traced ? pick(namePools[c.language].places) : '',
      area: deceased ? '' : homeArea,
    });
  }
  // Siblings: most at home, some in care or on the street — contact kept where possible.
  const siblings = rng() < 0.45 ? 0 : rng() < 0.65 ? 1 : 2;
  for (let i = 0; i < siblings; i += 1) {
    const where = rng();
    const livingSituation = where < 0.6 ? 'with_family' : where < 0.72 ? 'kinship_care' : where < 0.82 ? 'institution' : where < 0.88 ? 'foster_care' : where < 0.93 ? 'street' : 'unknown';
    const away = livingSituation !== 'with_family';
    insert({
      kind: 'sibling',
      relationship: rng() < 0.8 ? 'sibling' : 'half_sibling',
      sex: rng() < 0.5 ? 'female' : 'male',
      familyName: c.familyName || undefined,
      age: Math.max(0, c.ageYears + Math.floor(rng() * 13) - 6),
      livesWithChild: home && !away,
      place: away ? '' : homePlace,
      area: away ? '' : homeArea,
      livingSituation,
      carePlace: ['kinship_care', 'institution', 'foster_care'].includes(livingSituation) ? pick(phrases.carePlaces) : '',
      inContact: livingSituation === 'unknown' ? 'unknown' : away ? (rng() < 0.6 ? 'yes' : 'no') : 'yes',
      keepTogether: rng() < 0.9,
    });
  }
  // Someone outside the family who will notice how the child is doing.
  if (traced && rng() < 0.2) {
    const role = c.ageYears >= 6 && rng() < 0.6 ? 'teacher' : rng() < 0.5 ? 'religious_leader' : 'community_volunteer';
    insert({
      kind: 'important_person',
      role,
      sex: rng() < 0.5 ? 'female' : 'male',
      age: 30 + Math.floor(rng() * 30),
      phone: phone(),
      place: role === 'teacher' ? pick(phrases.schools) : role === 'religious_leader' ? pick(phrases.worship) : homePlace,
      area: homeArea,
    });
  }
}

export const seedFamily: SeedContributor = (ctx, cases) => {
  const s = statements(ctx.raw);
  for (const c of cases) seedNetwork(ctx, s, c);
};
