// Environment-free. The Guidelines' contact ladder and its one hard rule, shared by the core (which
// enforces it) and the renderer (which explains it before the worker tries).
export const ladderRungs = ['remote_contact', 'short_meeting', 'supervised_visit', 'unsupervised_visit'] as const;
export type LadderRung = (typeof ladderRungs)[number];

/** The ladder's rungs plus contact with siblings living elsewhere (kept in touch, not a rung). */
export const contactKinds = [...ladderRungs, 'sibling_contact'] as const;
export type ContactKind = (typeof contactKinds)[number];

export const remoteModes = ['letter', 'phone_call', 'video_message', 'video_call'] as const;
export const contactModes = [...remoteModes, 'in_person'] as const;
export type ContactMode = (typeof contactModes)[number];

export const contactStatuses = ['planned', 'held', 'cancelled'] as const;
export type ContactStatus = (typeof contactStatuses)[number];

export const contactOutcomes = ['successful', 'partly_successful', 'unsuccessful'] as const;
export type ContactOutcome = (typeof contactOutcomes)[number];

export const refusalParties = ['family', 'child', 'both'] as const;
export type RefusalParty = (typeof refusalParties)[number];

/** The gate id the unsupervised-visit rule reports (the same fact the stage gate reads). */
export const unsupervisedVisitGate = 'supervisedVisitSucceeded';

export interface LadderContact {
  kind: ContactKind;
  status: ContactStatus;
  outcome: ContactOutcome | null;
}

/** A supervised home visit was held and went well: the condition for any unsupervised visit. */
export function supervisedVisitSucceeded(contacts: readonly LadderContact[]): boolean {
  return contacts.some((c) => c.kind === 'supervised_visit' && c.status === 'held' && c.outcome === 'successful');
}

export function rungIndex(kind: ContactKind): number {
  return (ladderRungs as readonly string[]).indexOf(kind);
}

export function ladderProgress(contacts: readonly LadderContact[]) {
  const rungs = ladderRungs.map((rung) => {
    const onRung = contacts.filter((c) => c.kind === rung);
    return {
      rung,
      planned: onRung.filter((c) => c.status === 'planned').length,
      held: onRung.filter((c) => c.status === 'held').length,
      successful: onRung.filter((c) => c.status === 'held' && c.outcome === 'successful').length,
    };
  });
  const reached = rungs.filter((r) => r.successful > 0);
  return {
    highestSuccessful: reached.length > 0 ? reached[reached.length - 1].rung : null,
    rungs,
    unsupervisedAllowed: supervisedVisitSucceeded(contacts),
    siblingContacts: contacts.filter((c) => c.kind === 'sibling_contact' && c.status === 'held').length,
  };
}

/** Face-to-face rungs: the contacts that show how the child and family are together. */
export const faceToFaceKinds: readonly ContactKind[] = ['short_meeting', 'supervised_visit', 'unsupervised_visit'];

export interface PictureContact extends LadderContact {
  /** The day it was held (ISO date); only held contacts count. */
  heldOn: string | null;
  /** Concerns the worker recorded at the visit ('' when none). */
  concerns: string;
}

export interface PictureRefusal {
  refusedOn: string;
}

/**
 * The reunification gate reads the latest picture, not "any success ever" (G:L240, L243): the
 * most recent face-to-face contact must have gone well with no concern recorded, and no refusal by
 * the child or family may stand — a refusal stands until a later face-to-face contact succeeds.
 * Anything else needs a supervisor's review (a gate exception).
 */
export function latestPicture(contacts: readonly PictureContact[], refusals: readonly PictureRefusal[]) {
  const held = contacts
    .filter((c) => c.status === 'held' && c.heldOn !== null && faceToFaceKinds.includes(c.kind))
    .sort((a, b) => (a.heldOn! < b.heldOn! ? -1 : a.heldOn! > b.heldOn! ? 1 : 0));
  const latest = held.length > 0 ? held[held.length - 1] : null;
  const latestClear = latest !== null && latest.outcome === 'successful' && latest.concerns.trim() === '';
  const lastSuccess = [...held].reverse().find((c) => c.outcome === 'successful' && c.concerns.trim() === '');
  const standingRefusal = refusals.some((r) => !lastSuccess || r.refusedOn >= lastSuccess.heldOn!);
  return { latestClear, standingRefusal, latestOutcome: latest?.outcome ?? null, latestHeldOn: latest?.heldOn ?? null };
}

/** What a family or network member may be told or take part in (G:L191, L238, Pr.4 G:L86). */
export const contactRestrictions = ['none', 'supervised_only', 'no_contact'] as const;
export type ContactRestriction = (typeof contactRestrictions)[number];

export interface RestrictedPerson {
  posesRisk: boolean;
  restriction: ContactRestriction;
  mustNotKnowLocation: boolean;
}

/**
 * Why a contact of this kind may not be planned or held with this person, or null when it may.
 * A person who must not learn where the child is may meet the child only with a worker present
 * (at a neutral venue, G:L238): never unsupervised, where nobody guards what is said.
 */
export function contactRefusal(person: RestrictedPerson, kind: ContactKind): 'noContact' | 'supervisedOnly' | 'locationSecret' | null {
  if (person.restriction === 'no_contact') return 'noContact';
  if (person.restriction === 'supervised_only' && kind === 'unsupervised_visit') return 'supervisedOnly';
  if (person.mustNotKnowLocation && kind === 'unsupervised_visit') return 'locationSecret';
  return null;
}
