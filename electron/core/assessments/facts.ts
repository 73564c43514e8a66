// Node-only. What the assessments feature tells the stage gates.
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';

export async function assessmentsFacts(_db: Kysely<DB>, _caseId: string): Promise<Partial<CaseFacts>> {
  return {};
}
