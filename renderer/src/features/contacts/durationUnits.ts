// Environment-free. The unit a contact's length is counted in, by kind: a call or a short meeting
// in minutes, a visit (or time with a sibling) in hours — so "4" for a home visit means 4 hours,
// never 4 minutes. The worker can still pick another unit; the form keeps minutes.
import type { ContactKind } from '@shared/contacts/ladder';

export const durationUnits = { minutes: 1, hours: 60, days: 1440 } as const;
export type DurationUnit = keyof typeof durationUnits;

export function defaultDurationUnit(kind: ContactKind | '' | null | undefined): DurationUnit {
  return kind === 'remote_contact' || kind === 'short_meeting' || !kind ? 'minutes' : 'hours';
}

/** Minutes as an amount in the largest unit that divides them, else `fallback`. */
export function splitMinutes(minutes: number | null, fallback: DurationUnit): { amount: string; unit: DurationUnit } {
  if (minutes === null) return { amount: '', unit: fallback };
  if (minutes % 1440 === 0) return { amount: String(minutes / 1440), unit: 'days' };
  if (minutes % 60 === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}
