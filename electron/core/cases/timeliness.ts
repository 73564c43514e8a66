// Node-only. Nothing waits forever (G:L170; "not linger in residential care"): the day a first
// case plan is due (office-set days after registration) while none is in force, and how long the
// child has been in alternative care before going home, warned past the office's number of days.
import type { Kysely } from 'kysely';
import type { CaseFacts } from '../../../shared/cases/stages';
import { stageIndex } from '../../../shared/cases/stages';
import type { DB } from '../db/schema';
import { readPractice } from '../practice/settings';
import type { CaseDbRow } from './scope';

const DAY = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export async function timelinessOf(db: Kysely<DB>, row: CaseDbRow, facts: CaseFacts, today: string) {
  const practice = await readPractice(db);
  const open = row.status !== 'closed';
  const planDueBy = open && !facts.planAcknowledged && !row.spontaneous ? addDays(row.registered_at.slice(0, 10), practice.planDueDays) : null;
  // Care while waiting counts until the child goes home (follow-up starts at reunification).
  let alternativeCareDays: number | null = null;
  if (open && stageIndex(row.stage) < stageIndex('follow_up')) {
    const care = await db.selectFrom('preparation_care').select('since').where('case_id', '=', row.id).orderBy('recorded_at', 'asc').limit(1).executeTakeFirst();
    if (care) alternativeCareDays = Math.max(0, Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${care.since}T00:00:00Z`)) / DAY));
  }
  return {
    planDueBy,
    planOverdue: planDueBy !== null && planDueBy < today,
    alternativeCareDays,
    alternativeCareWarn: alternativeCareDays !== null && alternativeCareDays > practice.alternativeCareWarnDays,
  };
}
