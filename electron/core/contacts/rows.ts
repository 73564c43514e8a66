// Node-only. Contact rows as the contract shapes them, and the ladder rule checked in a transaction.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Contact, Refusal } from '../../../shared/contacts/contract';
import { unsupervisedVisitGate } from '../../../shared/contacts/ladder';
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
