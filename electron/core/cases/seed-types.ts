// Node-only. What the deterministic generator (`npm run seed`) hands each feature's seed
// contributor: the cases it made, a seeded random source, and the raw connection (inside one
// transaction per batch, so prepared statements are fast).
import type { CaseStatus, Stage } from '../../../shared/cases/stages';
import type { Language } from '../../../shared/i18n/languages';
import type { RawDatabase } from '../db/open';

export interface SeedCase {
  id: string;
  number: string;
  stage: Stage;
  status: CaseStatus;
  /** ISO timestamp; every record of the case is dated on or after it, and not after `now`. */
  registeredAt: string;
  workerId: string;
  language: Language;
  givenName: string;
  familyName: string;
  sex: 'female' | 'male';
  ageYears: number;
  area: string;
  spontaneous: boolean;
}

export type Rng = () => number;

export interface SeedContext {
  raw: RawDatabase;
  rng: Rng;
  now: Date;
  staff: { id: string; displayName: string; role: 'caseworker' | 'supervisor' }[];
  pick<T>(items: readonly T[]): T;
  /** A date (YYYY-MM-DD) uniformly between two ISO dates/timestamps. */
  dateBetween(from: string, to: string): string;
  /** Given and family names in a language's naming tradition. */
  personName(language: Language, sex: 'female' | 'male'): { givenName: string; familyName: string };
  uuid(): string;
}

/** A feature's contributor inserts records consistent with each case's stage (a case in
 *  preparation has passed every stage-1 gate; one in follow-up has a reunification record). */
export type SeedContributor = (ctx: SeedContext, cases: SeedCase[]) => void;
