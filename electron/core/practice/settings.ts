// Node-only. The office's practice settings, read by every feature whose rules count days.
import type { Kysely, Transaction } from 'kysely';
import type { PracticeSettings } from '../../../shared/practice/contract';
import type { DB } from '../db/schema';

export async function readPractice(db: Kysely<DB> | Transaction<DB>): Promise<PracticeSettings> {
  const row = await db
    .selectFrom('practice_settings')
    .leftJoin('users', 'users.id', 'practice_settings.updated_by')
    .selectAll('practice_settings')
    .select('users.display_name')
    .where('practice_settings.id', '=', 1)
    .executeTakeFirstOrThrow();
  return {
    homeSafetyDays: row.home_safety_days,
    planDueDays: row.plan_due_days,
    alternativeCareWarnDays: row.alternative_care_warn_days,
    spontaneousVisitDays: row.spontaneous_visit_days,
    spontaneousBaselineDays: row.spontaneous_baseline_days,
    oneSupervisorMode: row.one_supervisor_mode === 1,
    caseloadWarnSize: row.caseload_warn_size,
    updatedAt: row.updated_at,
    updatedByName: row.display_name ?? null,
  };
}
