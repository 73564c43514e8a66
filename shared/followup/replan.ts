// Environment-free. Re-planning a case already in follow-up when the supervisors change the office
// protocol. What is replaced, and what never moves:
//   - replaced: contacts still planned that came from the protocol (or its high-risk extras), were
//     never adjusted by a supervisor (no reason recorded), and are due today or later;
//   - kept as they are: contacts held (done) or cancelled — history —, contacts a supervisor added,
//     moved or cancelled with a reason (a new contact is not planned over one of those either), the spontaneous return's first home visit (it comes from the
//     practice settings, not the protocol), and contacts already overdue on the day of the change:
//     a visit owed stays owed — a new protocol must not make a missed visit disappear from the
//     overdue lists;
//   - added: the new protocol's contacts counted from the case's reunification day, from today on,
//     except where a kept contact of the same type already falls on that day, or where a contact a
//     supervisor moved stands for it (same type and source, the nearest within MOVED_WINDOW_DAYS).
// Contacts the old and the new protocol both plan (same day, type, performer and source) stay
// untouched, so saving an unchanged protocol changes nothing and the figures the supervisor
// confirms are exactly the rows that change.
import type { FollowupContactType } from './protocol';
import { daysBetween, type PlannedStep } from './schedule';

/**
 * A protocol contact a supervisor moved keeps its type but not its first date: it still stands for
 * the new protocol's contact of the same type and source nearest to it, within this many days (so
 * the same protocol saved again does not plan the moved visit a second time).
 */
export const MOVED_WINDOW_DAYS = 45;

/**
 * Reasons the core itself writes on contacts it cancels (codes, shown translated): the reunification
 * broke down, the case left follow-up, a protocol change replaced the contact. Any other reason is a
 * supervisor's own words.
 */
export const systemCancelReasons = ['breakdown', 'stageMove', 'protocolChanged'] as const;
export type SystemCancelReason = (typeof systemCancelReasons)[number];
export const isSystemReason = (reason: string | null): reason is SystemCancelReason => (systemCancelReasons as readonly (string | null)[]).includes(reason);

/** A contact as the re-planning reads it. */
export interface ReplanContact {
  id: string;
  dueOn: string;
  type: FollowupContactType;
  performer: PlannedStep['performer'];
  source: PlannedStep['source'];
  status: 'planned' | 'done' | 'cancelled';
  /** Set when a supervisor added, moved or cancelled it (or the case left follow-up). */
  reason: string | null;
}

export interface CaseReplan {
  /** Ids of the planned contacts the new protocol replaces (they are cancelled, never deleted). */
  cancel: string[];
  /** The new protocol's contacts to plan. */
  add: PlannedStep[];
}

/** May the re-planning replace this contact? */
export function isReplaceable(contact: ReplanContact, today: string): boolean {
  return (
    contact.status === 'planned' &&
    (contact.source === 'protocol' || contact.source === 'high_risk') &&
    contact.reason === null &&
    contact.dueOn >= today
  );
}

const stepKey = (s: Pick<PlannedStep, 'dueOn' | 'type' | 'performer' | 'source'>) => `${s.dueOn}|${s.type}|${s.performer}|${s.source}`;

/**
 * One case's change. `schedule` is the new protocol's full schedule for the case (planSchedule
 * from its reunification day); `contacts` every contact the case has.
 */
export function replanCase(schedule: readonly PlannedStep[], contacts: readonly ReplanContact[], today: string): CaseReplan {
  const replaceable = new Map<string, string[]>();
  const taken = new Set<string>();
  for (const c of contacts) {
    if (isReplaceable(c, today)) {
      const key = stepKey(c);
      replaceable.set(key, [...(replaceable.get(key) ?? []), c.id]);
    } else if (c.status !== 'cancelled' || !isSystemReason(c.reason)) {
      // Held, still planned and kept, or cancelled by a supervisor with a reason: the new protocol
      // does not plan another contact of that type that day (nor undo the supervisor's cancelling).
      taken.add(`${c.dueOn}|${c.type}`);
    }
  }
  const moved = contacts.filter((c) => c.status === 'planned' && (c.source === 'protocol' || c.source === 'high_risk') && c.reason !== null && !isSystemReason(c.reason));
  const add: PlannedStep[] = [];
  for (const step of schedule) {
    if (step.dueOn < today || step.source === 'spontaneous' || step.source === 'adjusted') continue;
    const same = replaceable.get(stepKey(step));
    if (same && same.length > 0) {
      same.shift(); // planned by both protocols: left as it is
      continue;
    }
    if (taken.has(`${step.dueOn}|${step.type}`)) continue;
    const distance = (c: ReplanContact) => Math.abs(daysBetween(c.dueOn, step.dueOn));
    const standsFor = moved
      .filter((c) => c.type === step.type && c.source === step.source && distance(c) <= MOVED_WINDOW_DAYS)
      .sort((a, b) => distance(a) - distance(b))[0];
    if (standsFor) {
      moved.splice(moved.indexOf(standsFor), 1);
      continue;
    }
    add.push(step);
  }
  return { cancel: [...replaceable.values()].flat(), add };
}

/** The figures a supervisor confirms before the protocol is saved. */
export interface ReplanCounts {
  cases: number;
  cancelled: number;
  added: number;
}
