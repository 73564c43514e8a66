// Node-only. Conferences from their rows into the contract's shapes, and the case-file records the
// facilitator may quote on the family's screen (family-safe ones only).
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Conference, Invitee } from '../../../shared/conference/contract';
import { acknowledgedByAll } from '../../../shared/conference/follow-up';
import type { ChecklistItem, SelectionKind } from '../../../shared/conference/schemas';
import { placementFor } from '../../../shared/family/confidential';
import type { Language } from '../../../shared/i18n/languages';
import type { WellbeingDomain } from '../../../shared/plans/schemas';
import type { DB } from '../db/schema';
import type { ConferencesTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;
export type ConferenceRow = Selectable<ConferencesTable>;

export interface StoredSelectionItem {
  id: string;
  kind: SelectionKind;
  text: string;
  source: { type: 'member' | 'objective' | 'placement'; id: string } | null;
}

export interface StoredAgreement {
  childView: string;
  contingency: string;
  disagreements: string;
  acceptedAsSafe: boolean;
}

export const parseSelection = (row: Pick<ConferenceRow, 'selection'>): StoredSelectionItem[] => JSON.parse(row.selection) as StoredSelectionItem[];

export function parseAgreement(row: Pick<ConferenceRow, 'agreement'>): StoredAgreement {
  const stored = JSON.parse(row.agreement) as Partial<StoredAgreement>;
  return { childView: stored.childView ?? '', contingency: stored.contingency ?? '', disagreements: stored.disagreements ?? '', acceptedAsSafe: stored.acceptedAsSafe ?? false };
}

export async function conferenceRow(db: Db, caseId: string, conferenceId: string): Promise<ConferenceRow | undefined> {
  return db.selectFrom('conferences').selectAll().where('id', '=', conferenceId).where('case_id', '=', caseId).executeTakeFirst();
}

export async function readInvitees(db: Db, conferenceId: string): Promise<Invitee[]> {
  const rows = await db
    .selectFrom('conference_invitees')
    .leftJoin('family_members', 'family_members.id', 'conference_invitees.member_id')
    .leftJoin('users', 'users.id', 'conference_invitees.safety_note_by')
    .leftJoin('users as ack_users', 'ack_users.id', 'conference_invitees.ack_by')
    .select([
      'conference_invitees.id',
      'conference_invitees.member_id',
      'conference_invitees.name',
      'conference_invitees.role',
      'conference_invitees.language',
      'conference_invitees.status',
      'conference_invitees.safety_note',
      'users.display_name as safety_by',
      'family_members.poses_risk',
      'conference_invitees.ack_outcome',
      'conference_invitees.ack_reason',
      'conference_invitees.ack_at',
      'ack_users.display_name as ack_by_name',
    ])
    .where('conference_invitees.conference_id', '=', conferenceId)
    .orderBy('conference_invitees.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    name: r.name,
    role: r.role,
    language: r.language as Language,
    status: r.status,
    posesRisk: r.poses_risk === 1,
    safetyNote: r.safety_note,
    safetyNoteBy: r.safety_by ?? null,
    acknowledgement: r.ack_outcome && r.ack_at ? { outcome: r.ack_outcome, reason: r.ack_reason, recordedAt: r.ack_at, recordedBy: r.ack_by_name ?? null } : null,
  }));
}

export interface SelectableSource {
  type: 'member' | 'objective' | 'placement';
  id: string;
  label: string;
}

/**
 * The records a selected item may quote. Left out by construction: anyone who poses a risk, has a
 * contact restriction or must not learn where the child is; a confidential placement; notes, risk
 * assessments (allegations) and other people's data, which are never offered at all.
 */
export async function selectableSources(db: Db, caseId: string): Promise<SelectableSource[]> {
  const members = await db
    .selectFrom('family_members')
    .select(['id', 'given_name', 'family_name'])
    .where('case_id', '=', caseId)
    .where('removed_at', 'is', null)
    .where('poses_risk', '=', 0)
    .where('restriction', '=', 'none')
    .where('must_not_know_location', '=', 0)
    .orderBy('given_name')
    .execute();
  const objectives = await db
    .selectFrom('plan_objectives')
    .innerJoin('plan_versions', 'plan_versions.id', 'plan_objectives.plan_version_id')
    .select(['plan_objectives.id', 'plan_objectives.objective'])
    .where('plan_objectives.case_id', '=', caseId)
    .where('plan_versions.status', '=', 'current')
    .orderBy('plan_objectives.position')
    .execute();
  const care = await db
    .selectFrom('preparation_care')
    .select(['id', 'place', 'confidential'])
    .where('case_id', '=', caseId)
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const out: SelectableSource[] = [
    ...members.map((m) => ({ type: 'member' as const, id: m.id, label: `${m.given_name} ${m.family_name}`.trim() })),
    ...objectives.map((o) => ({ type: 'objective' as const, id: o.id, label: o.objective })),
  ];
  if (care && care.place) {
    const view = placementFor('family', { place: care.place, confidential: care.confidential === 1 });
    if (view.place !== null) out.push({ type: 'placement', id: care.id, label: view.place });
  }
  return out;
}

export async function readConference(db: Db, row: ConferenceRow): Promise<Conference> {
  const commitments = await db
    .selectFrom('conference_commitments')
    .leftJoin('users', 'users.id', 'conference_commitments.done_by')
    .selectAll('conference_commitments')
    .select('users.display_name as done_by_name')
    .where('conference_commitments.conference_id', '=', row.id)
    .orderBy('conference_commitments.position')
    .execute();
  const invitees = await readInvitees(db, row.id);
  const planVersion = row.plan_version_id
    ? ((await db.selectFrom('plan_versions').select('version').where('id', '=', row.plan_version_id).executeTakeFirst())?.version ?? null)
    : null;
  const agreement = parseAgreement(row);
  return {
    id: row.id,
    caseId: row.case_id,
    version: row.version,
    kind: row.kind,
    purpose: row.purpose,
    date: row.date,
    time: row.time,
    venue: row.venue,
    facilitatorName: row.facilitator_name,
    familyLanguage: row.family_language as Language,
    otherLanguages: JSON.parse(row.other_languages) as Language[],
    interpreter: row.interpreter,
    childParticipation: {
      mode: row.child_mode,
      means: row.child_means as Conference['childParticipation']['means'],
      words: row.child_words,
      agreedToShare: row.child_agreed_to_share === 1,
      reason: row.child_reason,
    },
    checklist: JSON.parse(row.checklist) as ChecklistItem[],
    privateMinutes: row.private_minutes,
    invitees,
    selection: parseSelection(row),
    selectable: await selectableSources(db, row.case_id),
    step: row.step,
    stepStartedAt: row.step_started_at,
    privateStartedAt: row.private_started_at,
    privateEndedAt: row.private_ended_at,
    facilitatorNotes: row.facilitator_notes,
    agreement: {
      items: commitments.map((c) => ({
        id: c.id,
        who: c.who,
        what: c.what,
        byWhen: c.by_when,
        domain: c.domain as WellbeingDomain,
        indicator: c.indicator,
        supportNeeded: c.support_needed,
        familyPart: c.family_part,
        disagreement: c.disagreement,
        done: c.done_at !== null,
        doneOn: c.done_on,
        doneBy: c.done_by_name ?? null,
        doneEvidence: c.done_evidence,
      })),
      ...agreement,
      reviewDate: row.review_date,
      recordedAt: row.agreed_at,
      acknowledgedByAll: acknowledgedByAll(row.agreed_at !== null, invitees),
    },
    planVersion,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
