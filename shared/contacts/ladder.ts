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
