// Node-only. When the generator's stage-1 records happened, shared by the tracing, assessments,
// safety and BID contributors so their records tell one coherent story per case: tracing leads to
// the family, the child and family are assessed, risks weighed, a safety plan made, a BID decided.
import type { SeedCase } from '../cases/seed-types';

const DAY = 86_400_000;

/** Steps of stage 1, in the order they happen. */
export const stageOneSteps = ['lead', 'childAssessed', 'familyFound', 'familyAssessed', 'riskAssessed', 'safetyPlan', 'bidSubmitted', 'bidApproved'] as const;
export type StageOneStep = (typeof stageOneSteps)[number];

/** How far a case has come through stage 1: a case past it has done every step. */
export function stageOneProgress(c: SeedCase): number {
  if (c.stage !== 'tracing_assessment') return stageOneSteps.length;
  // Stable per case without consuming the shared random stream (contributors stay independent).
  return parseInt(c.id.slice(0, 8), 16) % stageOneSteps.length;
}

export function hasDone(c: SeedCase, step: StageOneStep): boolean {
  if (c.spontaneous) return false; // the child went home alone: no tracing, no BID before
  return stageOneProgress(c) > stageOneSteps.indexOf(step);
}

/** The day a step happened: stage 1 fills the first part of the case's life so far. */
export function stepDate(c: SeedCase, step: StageOneStep | number, now: Date): string {
  const start = Date.parse(c.registeredAt);
  const life = Math.max(0, now.getTime() - start);
  const span = c.stage === 'tracing_assessment' ? life : Math.min(life * 0.4, 150 * DAY);
  const index = typeof step === 'number' ? step : stageOneSteps.indexOf(step) + 1;
  const at = start + (span * index) / (stageOneSteps.length + 1);
  return new Date(Math.min(at, now.getTime())).toISOString().slice(0, 10);
}

/** A timestamp on a day, not before registration and not after now. */
export function stampOn(date: string, c: SeedCase, now: Date): string {
  const at = Date.parse(`${date}T10:00:00.000Z`);
  return new Date(Math.min(now.getTime(), Math.max(Date.parse(c.registeredAt), at))).toISOString();
}

/** A day a fraction of the way from one date to now. */
export function dayBetween(from: string, fraction: number, now: Date): string {
  const a = Date.parse(from);
  return new Date(a + Math.max(0, now.getTime() - a) * fraction).toISOString().slice(0, 10);
}

/** A prepared insert as the seed contributors use it (positional or named parameters). */
export interface SeedStatement {
  run(...params: unknown[]): unknown;
}
