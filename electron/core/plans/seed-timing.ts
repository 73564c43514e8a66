// Node-only. When the generator's plan and preparation records happened. Stage 1 fills the first
// part of a case's life (the same rule the stage-1 contributors follow: the whole life so far for a
// case still in stage 1, else 40% of it and at most 150 days); the plan is acknowledged as stage 1
// ends, and preparation starts right after.
import type { SeedCase } from '../cases/seed-types';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => day(Date.parse(`${date}T00:00:00Z`) + days * DAY);

export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** A timestamp on a day at an hour, kept between the case's registration and now. */
export function stampOn(date: string, c: SeedCase, now: Date, hour = 10): string {
  const at = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00.000Z`);
  return new Date(Math.min(now.getTime(), Math.max(Date.parse(c.registeredAt), at))).toISOString();
}

function stageOneSpan(c: SeedCase, now: Date): { start: number; span: number } {
  const start = Date.parse(c.registeredAt);
  const life = Math.max(0, now.getTime() - start);
  return { start, span: c.stage === 'tracing_assessment' ? life : Math.min(life * 0.4, 150 * DAY) };
}

/** The day the (first) plan was acknowledged: late in stage 1, after the BID. */
export function planAcknowledgedOn(c: SeedCase, now: Date, rng: () => number): string {
  const { start, span } = stageOneSpan(c, now);
  const fraction = c.stage === 'tracing_assessment' ? 0.6 + rng() * 0.35 : 8.5 / 9;
  return day(Math.min(now.getTime(), start + span * fraction));
}

/** The day preparation began: when stage 1 ended, give or take a fortnight. */
export function preparationStartedOn(c: SeedCase, now: Date, rng: () => number): string {
  const { start, span } = stageOneSpan(c, now);
  return day(Math.min(now.getTime(), start + span + rng() * 14 * DAY));
}
