// Environment-free. The child's family and network: relatives (with the caregiver flag), siblings
// and where they live (the Guidelines ask to keep siblings together and in contact), and other
// people who matter to the child (a teacher, a religious leader, a community volunteer).
import { z } from 'zod';
import { contactRestrictions } from '../contacts/ladder';
import { defineChannels } from '../contract/channel';
import { idSchema, isoDate, sexes, shortText } from '../cases/fields';

export const memberKinds = ['relative', 'sibling', 'important_person'] as const;
export type MemberKind = (typeof memberKinds)[number];

export const relationships = [
  'mother',
  'father',
  'stepmother',
  'stepfather',
  'grandmother',
  'grandfather',
  'aunt',
  'uncle',
  'sibling',
  'half_sibling',
  'cousin',
  'other_relative',
] as const;
export type Relationship = (typeof relationships)[number];
export const siblingRelationships = ['sibling', 'half_sibling'] as const satisfies readonly Relationship[];

export const importantPersonRoles = [
  'teacher',
  'religious_leader',
  'community_volunteer',
  'neighbour',
  'friend',
  'health_worker',
  'other',
] as const;
export type ImportantPersonRole = (typeof importantPersonRoles)[number];

/** Where a sibling lives now. */
export const siblingLivingSituations = [
  'with_family',
  'kinship_care',
  'foster_care',
  'institution',
  'street',
  'independent',
  'unknown',
  'other',
] as const;
export type SiblingLivingSituation = (typeof siblingLivingSituations)[number];

export const contactStatuses = ['yes', 'no', 'unknown'] as const;
export type ContactStatus = (typeof contactStatuses)[number];

const nameText = z.string().trim().max(100);
/** Digits, spaces and the usual phone punctuation; empty when unknown. */
const phoneText = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+()\-.\s/]*$/u, { message: 'phone' });
/** ISO 3166-1 alpha-2, upper case. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/u, { message: 'country' });

const isSiblingRelationship = (r: Relationship | null): boolean =>
  r !== null && (siblingRelationships as readonly string[]).includes(r);

/**
 * One person of the child's network, as a form sends it. `id` and `version` are given when an
 * existing person is updated. Which fields matter depends on `kind`: a relative and a sibling have a
 * relationship, a sibling also where they live and whether they are in contact with the child, an
 * important person a role.
 */
export const familyMemberInput = z
  .object({
    id: idSchema.optional(),
    version: z.number().int().min(1).optional(),
    kind: z.enum(memberKinds),
    relationship: z.enum(relationships).nullable().default(null),
    role: z.enum(importantPersonRoles).nullable().default(null),
    roleOther: shortText.default(''),
    givenName: nameText.min(1),
    familyName: nameText.default(''),
    sex: z.enum(sexes).default('unknown'),
    dateOfBirth: isoDate.nullable().default(null),
    estimatedAgeYears: z.number().int().min(0).max(120).nullable().default(null),
    isCaregiver: z.boolean().default(false),
    livesWithChild: z.boolean().default(false),
    deceased: z.boolean().default(false),
    phone: phoneText.default(''),
    otherContact: shortText.default(''),
    place: shortText.default(''),
    area: shortText.default(''),
    country: countryCode.nullable().default(null),
    livingSituation: z.enum(siblingLivingSituations).nullable().default(null),
    carePlace: shortText.default(''),
    inContact: z.enum(contactStatuses).nullable().default(null),
    keepTogether: z.boolean().nullable().default(null),
    /** Poses a risk to the child (alleged abuser, trafficker's contact…), G:L191, L238. */
    posesRisk: z.boolean().default(false),
    restriction: z.enum(contactRestrictions).default('none'),
    mustNotKnowLocation: z.boolean().default(false),
    notes: z.string().trim().max(5000).default(''),
  })
  .strict()
  .superRefine((m, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (m.id !== undefined && m.version === undefined) issue('version', 'required');
    if (m.kind === 'important_person') {
      if (m.role === null) issue('role', 'required');
    } else if (m.relationship === null) {
      issue('relationship', 'required');
    } else if (m.kind === 'sibling' && !isSiblingRelationship(m.relationship)) {
      issue('relationship', 'siblingRelationship');
    } else if (m.kind === 'relative' && isSiblingRelationship(m.relationship)) {
      // A brother or sister is recorded as a sibling, so where they live is never left out.
      issue('kind', 'siblingIsSibling');
    }
    if (m.kind === 'important_person' && m.role === 'other' && m.roleOther === '') issue('roleOther', 'required');
    if (m.kind === 'sibling' && m.livingSituation === null) issue('livingSituation', 'required');
    if (m.deceased && (m.isCaregiver || m.livesWithChild)) issue('deceased', 'deceasedCaregiver');
    // A restriction says what protects the child from this person: it needs the risk named.
    if ((m.restriction !== 'none' || m.mustNotKnowLocation) && !m.posesRisk) issue('posesRisk', 'restrictionNeedsRisk');
  });
export type FamilyMemberInput = z.input<typeof familyMemberInput>;
export type FamilyMemberValues = z.output<typeof familyMemberInput>;

export const familyMemberSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  kind: z.enum(memberKinds),
  relationship: z.enum(relationships).nullable(),
  role: z.enum(importantPersonRoles).nullable(),
  roleOther: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  sex: z.enum(sexes),
  dateOfBirth: z.string().nullable(),
  estimatedAgeYears: z.number().int().nullable(),
  /** From the date of birth when known, else the estimate as given. */
  ageYears: z.number().int().nullable(),
  isCaregiver: z.boolean(),
  livesWithChild: z.boolean(),
  deceased: z.boolean(),
  phone: z.string(),
  otherContact: z.string(),
  place: z.string(),
  area: z.string(),
  country: z.string().nullable(),
  livingSituation: z.enum(siblingLivingSituations).nullable(),
  carePlace: z.string(),
  inContact: z.enum(contactStatuses).nullable(),
  keepTogether: z.boolean().nullable(),
  posesRisk: z.boolean(),
  restriction: z.enum(contactRestrictions),
  mustNotKnowLocation: z.boolean(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  removed: z.object({ at: z.string(), reason: z.string(), byName: z.string().nullable() }).nullable(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

export const familyChannels = defineChannels({
  'family.list': {
    access: 'case.read',
    input: z.object({ caseId: idSchema, includeRemoved: z.boolean().default(false) }).strict(),
    output: z.array(familyMemberSchema),
  },
  /** Adds a person (no id) or updates one (id and the version the form was loaded with). */
  'family.save': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, member: familyMemberInput }).strict(),
    output: familyMemberSchema,
  },
  /** Takes a person off the network; the record and the reason stay on file. */
  'family.remove': {
    access: 'case.write',
    input: z.object({ caseId: idSchema, memberId: idSchema, reason: z.string().trim().min(1).max(2000) }).strict(),
    output: z.object({ removed: z.literal(true) }),
  },
});
