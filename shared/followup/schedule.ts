// Environment-free. Schedule generation and the overdue rules. Dates are calendar days
// (YYYY-MM-DD) computed with UTC arithmetic, so the same reunification day gives the same due
// dates on every machine whatever its time zone; "today" is the caller's calendar day.
import { addMonths } from '../cases/fields';
import { isFaceToFace, type FollowupContactType, type FollowupPerformer, type ProtocolDefinition, type ProtocolStep } from './protocol';

export const contactSources = ['protocol', 'high_risk', 'spontaneous', 'adjusted'] as const;
export type ContactSource = (typeof contactSources)[number];

export interface PlannedStep {
  dueOn: string;
  type: FollowupContactType;
  performer: FollowupPerformer;
  source: ContactSource;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function stepDate(start: string, step: Pick<ProtocolStep, 'unit' | 'amount'>): string {
  if (step.unit === 'month') return addMonths(start, step.amount);
  return addDays(start, step.unit === 'week' ? step.amount * 7 : step.amount);
}

export interface ScheduleOptions {
  /** The day of reunification (or of a spontaneous return). */
  start: string;
  highRisk: boolean;
  /** A spontaneous return: the first home visit is due `firstVisitDays` after registration. */
  spontaneous?: { registeredOn: string; firstVisitDays: number };
}

/**
 * The planned contacts for a case entering follow-up, in date order. A spontaneous return gets a
 * home visit within `firstVisitDays` of registration (G:L277-278: these children are too often
 * given lower priority); protocol contacts already past by then are not planned retroactively.
 * Two contacts of the same type on the same day are one.
 */
export function planSchedule(protocol: ProtocolDefinition, options: ScheduleOptions): PlannedStep[] {
  const out: PlannedStep[] = [];
  let notBefore = options.start;
  if (options.spontaneous) {
    const first = addDays(options.spontaneous.registeredOn, options.spontaneous.firstVisitDays);
    out.push({ dueOn: first, type: 'home_visit', performer: 'case_worker', source: 'spontaneous' });
    notBefore = first;
  }
  const steps: [ProtocolStep, ContactSource][] = [
    ...protocol.steps.map((s): [ProtocolStep, ContactSource] => [s, 'protocol']),
    ...(options.highRisk ? protocol.highRiskSteps.map((s): [ProtocolStep, ContactSource] => [s, 'high_risk']) : []),
  ];
  const seen = new Set(out.map((p) => `${p.dueOn}|${p.type}`));
  for (const [step, source] of steps) {
    const dueOn = stepDate(options.start, step);
    if (options.spontaneous && dueOn <= notBefore) continue;
    const key = `${dueOn}|${step.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ dueOn, type: step.type, performer: step.performer, source });
  }
  return out.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
}

/** A planned contact is overdue from the day after its due date until it is held or cancelled. */
export function isOverdue(contact: { dueOn: string; status: string }, today: string): boolean {
  return contact.status === 'planned' && contact.dueOn < today;
}

/**
 * Face-to-face overdue (G:L260): the case's last face-to-face visit (or the start, if none) is
 * more than the protocol's maximum gap ago, or a face-to-face contact is past due. Phone calls
 * held in between change nothing.
 */
export function faceToFaceOverdue(input: {
  start: string;
  lastFaceToFace: string | null;
  today: string;
  maxGapDays: number;
  contacts: { dueOn: string; status: string; type: FollowupContactType }[];
}): boolean {
  const since = input.lastFaceToFace ?? input.start;
  if (daysBetween(since, input.today) > input.maxGapDays) return true;
  return input.contacts.some((c) => isFaceToFace(c.type) && isOverdue(c, input.today));
}
