// Environment-free. Consent is checked, not only recorded (Pr.4 G:L85-86): the rule that says
// whether a case holds a current consent for a purpose, shared by the core (which refuses the
// action) and the renderer (which explains what to record before the worker tries).
import type { ConsentGiver, ConsentPurpose } from './contract';
import type { TracingMethod } from '../tracing/contract';

/**
 * From this age the child's own word counts: their assent alone is enough (an unaccompanied
 * adolescent often has no caregiver to ask), and their withdrawal stops the action even when an
 * adult consented. Below it, an adult (caregiver, guardian, or the agency acting as guardian) consents.
 */
export const assentAge = 12;

export interface ConsentRecord {
  givenBy: ConsentGiver;
  purposes: readonly ConsentPurpose[];
  /** ISO date given. */
  date: string;
  /** ISO date withdrawn, or null. */
  withdrawnOn: string | null;
}

export type ConsentVerdict =
  | { ok: true }
  | { ok: false; reason: 'noConsent' | 'withdrawn' | 'childWithdrew'; purpose: ConsentPurpose };

const covers = (c: ConsentRecord, purpose: ConsentPurpose, on: string) => c.purposes.includes(purpose) && c.date <= on;
const activeOn = (c: ConsentRecord, on: string) => c.withdrawnOn === null || c.withdrawnOn > on;

/**
 * Whether an action for `purpose` may go ahead on `on` (ISO date) for a child of `ageYears`
 * (null when unknown: treated as younger than the assent age). Withdrawal takes effect the day it
 * is recorded: a withdrawn consent never counts, and a child of assent age whose latest word on the
 * purpose is a withdrawal stops the action whatever the adults said.
 */
export function consentVerdict(records: readonly ConsentRecord[], purpose: ConsentPurpose, on: string, ageYears: number | null): ConsentVerdict {
  const relevant = records.filter((c) => covers(c, purpose, on));
  const childOfAge = ageYears !== null && ageYears >= assentAge;
  const childWords = relevant.filter((c) => c.givenBy === 'child').sort((a, b) => (a.date < b.date ? -1 : 1));
  const latestChild = childWords[childWords.length - 1];
  if (childOfAge && latestChild && !activeOn(latestChild, on)) return { ok: false, reason: 'childWithdrew', purpose };
  const active = relevant.filter((c) => activeOn(c, on));
  if (active.some((c) => c.givenBy !== 'child')) return { ok: true };
  if (childOfAge && active.some((c) => c.givenBy === 'child')) return { ok: true };
  return { ok: false, reason: relevant.length > 0 ? 'withdrawn' : 'noConsent', purpose };
}

/** The consents a tracing action needs: interviewing the child shares nothing; a photo goes further. */
export function tracingPurposes(method: TracingMethod): CheckedPurpose[] {
  if (method === 'interview_child') return [];
  if (method === 'photo_tracing') return ['tracing', 'photo_tracing'];
  return ['tracing'];
}

/** The consent purposes the core checks before acting; each can be passed by a supervisor's exception. */
export const checkedPurposes = ['tracing', 'photo', 'photo_tracing', 'referral', 'transfer', 'family_meeting'] as const satisfies readonly ConsentPurpose[];
export type CheckedPurpose = (typeof checkedPurposes)[number];

/** The gate id under which a consent check is excepted (shared/exceptions). */
export const consentGateId = (purpose: CheckedPurpose) => `consent.${purpose}` as const;
