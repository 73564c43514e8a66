// Node-only. What the family's screen shows, built from memory. A conference's "basis" (its row,
// the agreement's commitments and the people present) is read from the database once per change
// of the conference; every screen — the stored step's, or a step the facilitator has just clicked —
// is then built from it without a query, so showing a step never waits for the database.
import type { Kysely } from 'kysely';
import type { FamilyScreen } from '../../../shared/conference/family-view';
import { stepsFor, type ConferenceStep, type SelectionKind } from '../../../shared/conference/schemas';
import type { Language } from '../../../shared/i18n/languages';
import type { DB } from '../db/schema';
import { parseSelection, type ConferenceRow } from './read';

export interface ScreenBasis {
  row: ConferenceRow;
  commitments: { who: string; what: string; by_when: string; support_needed: string; family_part: string }[];
  present: { name: string; answer: 'acknowledged' | 'waiting' | 'notAcknowledged' }[];
}

/** What each step shows of the facilitator's selection. */
const shownAt: Record<ConferenceStep, readonly SelectionKind[]> = {
  welcome: [],
  information: ['strength', 'worry', 'child_words'],
  private_time: ['question'],
  family_plan: ['question', 'strength'],
  agreement: [],
};

export async function readBasis(db: Kysely<DB>, conferenceId: string): Promise<ScreenBasis | null> {
  const row = await db.selectFrom('conferences').selectAll().where('id', '=', conferenceId).executeTakeFirst();
  if (!row) return null;
  const commitments = await db
    .selectFrom('conference_commitments')
    .select(['who', 'what', 'by_when', 'support_needed', 'family_part'])
    .where('conference_id', '=', conferenceId)
    .orderBy('position')
    .execute();
  const present = await db
    .selectFrom('conference_invitees')
    .select(['name', 'ack_outcome'])
    .where('conference_id', '=', conferenceId)
    .where('status', '=', 'attended')
    .orderBy('position')
    .execute();
  return { row, commitments, present: present.map((p) => ({ name: p.name, answer: p.ack_outcome === null ? 'waiting' : p.ack_outcome === 'acknowledged' ? 'acknowledged' : 'notAcknowledged' })) };
}

/** The screen for `row` (the stored one, or the stored one moved to another step). */
export function buildScreen(basis: ScreenBasis, row: ConferenceRow, revision: number): FamilyScreen {
  const step = row.step;
  const kinds = step ? shownAt[step] : [];
  const atAgreement = step === 'agreement';
  // The child's words are checked again here: the child may have withdrawn their agreement.
  const shown = parseSelection(row)
    .filter((item) => kinds.includes(item.kind) && (item.kind !== 'child_words' || row.child_agreed_to_share === 1))
    .map((item) => ({ kind: item.kind, text: item.text }));
  const privateEndsAt =
    step === 'private_time' && row.private_started_at ? new Date(Date.parse(row.private_started_at) + row.private_minutes * 60_000).toISOString() : null;
  return {
    revision,
    language: row.family_language as Language,
    kind: row.kind,
    purpose: row.purpose,
    steps: [...stepsFor(row.kind)],
    step,
    privateEndsAt,
    shown,
    agreement: atAgreement
      ? basis.commitments.map((c) => ({ who: c.who, what: c.what, byWhen: c.by_when, supportNeeded: c.support_needed, familyPart: c.family_part }))
      : [],
    // Who has acknowledged, once there is an agreement to acknowledge; never why someone did not.
    acknowledgements: atAgreement && row.agreed_at !== null ? basis.present : [],
  };
}

/** The stored row as the facilitator's click moves it (what conference.setStep will write). */
export function movedTo(row: ConferenceRow, step: ConferenceStep, at: string): ConferenceRow {
  const entersPrivate = step === 'private_time';
  return { ...row, step, step_started_at: at, private_started_at: entersPrivate ? at : row.private_started_at };
}
