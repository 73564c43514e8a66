// Environment-free. What is due on a case beyond plan reviews: a spontaneous return's first tasks
// and a halted case's next review. Nothing waits forever (G:L170, L277-278; A7, A8).

/** How the child came home without an assisted reunification (G:L277). */
export const spontaneousKinds = ['returned_alone', 'institution_closed', 'released_from_detention', 'other'] as const;
export type SpontaneousKind = (typeof spontaneousKinds)[number];

/**
 * What a spontaneous return makes due at once: a home visit within the office's visit days, and a
 * risk assessment, safety plan, family assessment and well-being baseline within its baseline days.
 */
export const spontaneousTaskKinds = ['home_visit', 'risk_assessment', 'safety_plan', 'family_assessment', 'wellbeing_baseline'] as const;
export type SpontaneousTaskKind = (typeof spontaneousTaskKinds)[number];

/** Only the home visit can be marked done by hand (with its date); the others are done by their record. */
export const manuallyCompletable: readonly SpontaneousTaskKind[] = ['home_visit'];

export const DAY_MS = 86_400_000;
export const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function spontaneousTasks(learnedOn: string, days: { spontaneousVisitDays: number; spontaneousBaselineDays: number }): { kind: SpontaneousTaskKind; dueOn: string }[] {
  return spontaneousTaskKinds.map((kind) => ({
    kind,
    dueOn: addDays(learnedOn, kind === 'home_visit' ? days.spontaneousVisitDays : days.spontaneousBaselineDays),
  }));
}

/** A halted case is reviewed every three months unless the worker sets an earlier date (A7). */
export const HALT_REVIEW_DAYS = 90;
/** The latest a review may be put off: a halted child is not forgotten for more than a year. */
export const HALT_REVIEW_MAX_DAYS = 365;

export function haltReviewDateProblem(reviewOn: string, today: string): 'notInFuture' | 'tooFar' | null {
  if (reviewOn <= today) return 'notInFuture';
  if (reviewOn > addDays(today, HALT_REVIEW_MAX_DAYS)) return 'tooFar';
  return null;
}

/** My work shows what is overdue, and what falls due within this many days. */
export const DUE_SOON_DAYS = 14;

export type DueState = 'overdue' | 'soon' | 'later';
export function dueState(dueOn: string, today: string): DueState {
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, DUE_SOON_DAYS) ? 'soon' : 'later';
}
