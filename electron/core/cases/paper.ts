// Node-only. Paper cases: work that happened on paper before the case was typed in. The earliest
// date an event of a case may carry is normally its registration date (work recorded for a case
// happened after the office opened it). A case marked "entered from paper records" (who, when, and
// the day the paper file began) takes events back to that day: the gates then judge real past
// dates, not the day of typing. Every change dated before registration is marked back-entered in
// the timeline and the audit log (scope.ts, recordCaseChange).
import type { CaseDbRow } from './scope';

export function eventFloor(row: Pick<CaseDbRow, 'registered_at' | 'paper_since'>): string {
  const registered = row.registered_at.slice(0, 10);
  return row.paper_since && row.paper_since < registered ? row.paper_since : registered;
}

/** Keys of timeline details that say when something happened (not when it was typed). */
const happenedKeys = ['date', 'heldOn', 'refusedOn', 'agreedOn', 'reviewedOn', 'doneOn', 'since', 'reunifiedOn', 'givenOn'];

/** The earliest happened-on date a change's timeline details carry, if any. */
export function happenedOn(details: Record<string, unknown> | null): string | null {
  if (!details) return null;
  const dates = happenedKeys.map((k) => details[k]).filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(v));
  return dates.length ? dates.sort()[0] : null;
}
