// Node-only. Contact rows as the contract shapes them, and the ladder rule checked in a transaction.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Contact, Refusal } from '../../../shared/contacts/contract';
import { contactRefusal, unsupervisedVisitGate, type ContactKind } from '../../../shared/contacts/ladder';
import { AppError } from '../../../shared/contract/errors';
import type { DB } from '../db/schema';
import type { ContactRefusalsTable, ContactsTable } from './tables';

type Db = Kysely<DB> | Transaction<DB>;

export function toContact(row: Selectable<ContactsTable> & { recorded_by_name: string | null }): Contact {
  return {
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    withWhom: row.with_whom,
    familyMemberId: row.family_member_id,
    place: row.place,
    status: row.status,
    plannedFor: row.planned_for,
    purpose: row.purpose,
    heldOn: row.held_on,
    durationMinutes: row.duration_minutes,
    outcome: row.outcome,
    childFeedback: row.child_feedback,
    familyFeedback: row.family_feedback,
    observations: row.observations,
    concerns: row.concerns,
    cancelReason: row.cancel_reason,
    cancelledAt: row.cancelled_at,
    recordedByName: row.recorded_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toRefusal(row: Selectable<ContactRefusalsTable> & { recorded_by_name: string | null }): Refusal {
  return {
    id: row.id,
    refusedOn: row.refused_on,
    refusedBy: row.refused_by,
    who: row.who,
    reasons: row.reasons,
    childViews: row.child_views,
    contactId: row.contact_id,
    recordedByName: row.recorded_by_name,
    createdAt: row.created_at,
  };
}

export async function loadContact(db: Db, caseId: string, contactId: string): Promise<Contact> {
  const row = await db
    .selectFrom('contacts')
    .leftJoin('users', 'users.id', 'contacts.recorded_by')
    .selectAll('contacts')
    .select('users.display_name as recorded_by_name')
    .where('contacts.id', '=', contactId)
    .where('contacts.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such contact in this case');
  return toContact(row);
}

/**
 * The Guidelines' rule: longer unsupervised home visits only after a supervised one succeeded.
 * Checked inside the writing transaction so the answer cannot change before the insert.
 */
export async function assertUnsupervisedAllowed(trx: Db, caseId: string): Promise<void> {
  const supervised = await trx
    .selectFrom('contacts')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', '=', 'held')
    .where('kind', '=', 'supervised_visit')
    .where('outcome', '=', 'successful')
    .limit(1)
    .executeTakeFirst();
  if (!supervised) {
    throw new AppError('GATE_BLOCKED', 'an unsupervised home visit needs a successful supervised home visit first', {
      params: { gates: unsupervisedVisitGate },
      issues: [{ path: ['kind'], code: unsupervisedVisitGate, message: unsupervisedVisitGate }],
    });
  }
}

/**
 * Refuses a contact with a family or network member whose restriction forbids it
 * (shared/contacts/ladder.ts `contactRefusal`). Lifting a restriction is a change to the person on
 * the family tab, audited — no gate exception gets round it.
 */
export async function assertContactAllowed(trx: Db, caseId: string, memberId: string | null, kind: ContactKind): Promise<void> {
  if (!memberId) return;
  const person = await trx
    .selectFrom('family_members')
    .select(['poses_risk', 'restriction', 'must_not_know_location'])
    .where('id', '=', memberId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!person) return;
  const refusal = contactRefusal(
    { posesRisk: person.poses_risk === 1, restriction: person.restriction, mustNotKnowLocation: person.must_not_know_location === 1 },
    kind,
  );
  if (refusal) {
    throw new AppError('CONTACT_RESTRICTED', 'this person may not take part in this contact', {
      params: { reason: refusal },
      issues: [{ path: ['familyMemberId'], code: refusal, message: refusal }],
    });
  }
}
