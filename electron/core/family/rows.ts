// Node-only. Family members between the form's shape and the table's columns.
import type { Selectable } from 'kysely';
import { ageInYears } from '../../../shared/cases/fields';
import type { FamilyMember, FamilyMemberValues } from '../../../shared/family/contract';
import type { FamilyMembersTable } from './tables';

export type MemberDbRow = Selectable<FamilyMembersTable>;

/** The columns a form sets. Fields that do not apply to the person's kind are cleared. */
export function memberColumns(m: FamilyMemberValues) {
  const sibling = m.kind === 'sibling';
  const important = m.kind === 'important_person';
  return {
    kind: m.kind,
    relationship: important ? null : m.relationship,
    role: important ? m.role : null,
    role_other: important && m.role === 'other' ? m.roleOther : '',
    given_name: m.givenName,
    family_name: m.familyName,
    sex: m.sex,
    date_of_birth: m.dateOfBirth,
    estimated_age: m.dateOfBirth ? null : m.estimatedAgeYears,
    is_caregiver: m.isCaregiver ? 1 : 0,
    lives_with_child: m.livesWithChild ? 1 : 0,
    deceased: m.deceased ? 1 : 0,
    phone: m.phone,
    other_contact: m.otherContact,
    place: m.place,
    area: m.area,
    country: m.country,
    living_situation: sibling ? m.livingSituation : null,
    care_place: sibling ? m.carePlace : '',
    in_contact: sibling ? m.inContact : null,
    keep_together: sibling && m.keepTogether !== null ? (m.keepTogether ? 1 : 0) : null,
    poses_risk: m.posesRisk ? 1 : 0,
    restriction: m.restriction,
    must_not_know_location: m.mustNotKnowLocation ? 1 : 0,
    notes: m.notes,
  };
}
export type MemberColumns = ReturnType<typeof memberColumns>;

/** An estimated age ages with the person from the day it was recorded. */
function ageOf(row: MemberDbRow, today: string): number | null {
  if (row.date_of_birth) return Math.max(0, ageInYears(row.date_of_birth, today));
  if (row.estimated_age === null) return null;
  return row.estimated_age + Math.max(0, ageInYears(row.created_at.slice(0, 10), today));
}

export function toMember(row: MemberDbRow & { removed_by_name?: string | null }, today: string): FamilyMember {
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    relationship: row.relationship as FamilyMember['relationship'],
    role: row.role as FamilyMember['role'],
    roleOther: row.role_other,
    givenName: row.given_name,
    familyName: row.family_name,
    sex: row.sex,
    dateOfBirth: row.date_of_birth,
    estimatedAgeYears: row.estimated_age,
    ageYears: ageOf(row, today),
    isCaregiver: row.is_caregiver === 1,
    livesWithChild: row.lives_with_child === 1,
    deceased: row.deceased === 1,
    phone: row.phone,
    otherContact: row.other_contact,
    place: row.place,
    area: row.area,
    country: row.country,
    livingSituation: row.living_situation as FamilyMember['livingSituation'],
    carePlace: row.care_place,
    inContact: row.in_contact,
    keepTogether: row.keep_together === null ? null : row.keep_together === 1,
    posesRisk: row.poses_risk === 1,
    restriction: row.restriction,
    mustNotKnowLocation: row.must_not_know_location === 1,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    removed: row.removed_at
      ? { at: row.removed_at, reason: row.removed_reason ?? '', byName: row.removed_by_name ?? null }
      : null,
  };
}
