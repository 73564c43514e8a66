// Node-only. The rules a conference's writes must keep: who may be invited (B3.4), what may reach
// the family's screen (B3.6), and when the review falls (B3.11).
import type { Kysely, Transaction } from 'kysely';
import { addMonths } from '../../../shared/cases/fields';
import { AppError } from '../../../shared/contract/errors';
import { presentStatuses, REVIEW_WITHIN_MONTHS, type InviteeStatus } from '../../../shared/conference/schemas';
import type { DB } from '../db/schema';
import { selectableSources, type ConferenceRow, type StoredSelectionItem } from './read';

type Db = Kysely<DB> | Transaction<DB>;

/** The network person an invitee names, checked to belong to the case; null for someone beyond the network. */
export async function inviteeMember(db: Db, caseId: string, memberId: string | null) {
  if (memberId === null) return null;
  const member = await db
    .selectFrom('family_members')
    .select(['id', 'poses_risk', 'restriction', 'must_not_know_location', 'removed_at'])
    .where('id', '=', memberId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!member || member.removed_at !== null) throw new AppError('NOT_FOUND', 'no such person in this family');
  return member;
}

/** A person flagged as a risk to the child (or restricted) is not in the room without a supervisor's safety note. */
export function assertMayAttend(
  member: { poses_risk: number; restriction: string; must_not_know_location: number } | null,
  status: InviteeStatus,
  safetyNote: string | null,
): void {
  if (!member || !presentStatuses.includes(status)) return;
  const flagged = member.poses_risk === 1 || member.restriction !== 'none' || member.must_not_know_location === 1;
  if (flagged && !safetyNote) {
    throw new AppError('SAFETY_NOTE_REQUIRED', 'a supervisor must record how safety is managed before this person is invited', {
      params: { status },
    });
  }
}

/**
 * Each selected item is either the facilitator's own words or quotes a record offered as
 * family-safe; the child's words only when the child agreed. Anything else is refused whole.
 */
export async function assertSelectable(db: Db, row: ConferenceRow, items: Omit<StoredSelectionItem, 'id'>[]): Promise<void> {
  const offered = new Set((await selectableSources(db, row.case_id)).map((s) => `${s.type}:${s.id}`));
  items.forEach((item, index) => {
    if (item.kind === 'child_words' && row.child_agreed_to_share !== 1) {
      throw new AppError('CONFIDENTIAL_ITEM', "the child did not agree that their words be shown", { params: { index, reason: 'childNotAgreed' } });
    }
    if (item.source && !offered.has(`${item.source.type}:${item.source.id}`)) {
      throw new AppError('CONFIDENTIAL_ITEM', 'this record cannot be shown to the family', { params: { index, reason: 'confidential' } });
    }
  });
}

/** The review date: the one agreed, which must fall within three months of the conference; three months by default. */
export function reviewDateFor(conferenceDate: string, agreed: string | null): string {
  const latest = addMonths(conferenceDate, REVIEW_WITHIN_MONTHS);
  if (agreed === null) return latest;
  if (agreed < conferenceDate || agreed > latest) {
    throw new AppError('INVALID_DATE', 'the review must fall within three months of the conference', {
      issues: [{ path: ['agreement', 'reviewDate'], code: 'reviewWithinThreeMonths', message: 'reviewWithinThreeMonths' }],
      params: { field: 'agreement.reviewDate' },
    });
  }
  return agreed;
}
