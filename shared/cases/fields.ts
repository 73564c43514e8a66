// Environment-free. Shared field schemas for case work: dates, enumerations, photos, ids.
import { z } from 'zod';

/** A calendar date, YYYY-MM-DD, that exists (no 31 February). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, { message: 'date' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'date' });

export const idSchema = z.string().min(1).max(64);
export const shortText = z.string().trim().max(200);
export const longText = z.string().trim().max(20_000);

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const separationReasons = [
  'poverty',
  'abuse_neglect',
  'violence',
  'migration',
  'conflict_disaster',
  'trafficking',
  'street_connection',
  'institutional_care',
  'detention',
  'armed_forces_groups',
  'child_labour',
  'other',
] as const;
export const documentationStatuses = ['documented', 'partially_documented', 'undocumented', 'unknown'] as const;
export const careArrangements = [
  'foster_care',
  'kinship_care',
  'small_group_home',
  'transit_centre',
  'residential_institution',
  'supervised_independent_living',
  'street',
  'detention',
  'other',
  'unknown',
] as const;
export const riskLevels = ['low', 'medium', 'high'] as const;
/**
 * What a case shows for risk: "not yet assessed" is a state of its own, never a default level
 * (A24: a fake "medium" showed in lists and filters before anyone had assessed risk). A risk
 * assessment sets a level; a worker may also set one by hand, with a reason.
 */
export const caseRiskLevels = ['not_assessed', ...riskLevels] as const;
export type CaseRiskLevel = (typeof caseRiskLevels)[number];
export const priorities = ['normal', 'high', 'urgent'] as const;

export type Sex = (typeof sexes)[number];
export type SeparationReason = (typeof separationReasons)[number];
export type RiskLevel = (typeof riskLevels)[number];
export type Priority = (typeof priorities)[number];

export const imageMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const documentMimes = [...imageMimes, 'application/pdf'] as const;

/** Base64 file content; 10 MB of file at most (base64 is 4/3 larger). */
export const base64File = z
  .string()
  .max(Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/u, { message: 'base64' });

export const photoSchema = z.object({ mime: z.enum(imageMimes), dataBase64: base64File.min(4) });

/** Today's date in UTC as YYYY-MM-DD. */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Whole years between a date of birth and a day. */
export function ageInYears(dateOfBirth: string, onDay: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = onDay.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Adds months to a date, clamping to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
