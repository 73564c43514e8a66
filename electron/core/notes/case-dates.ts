// Node-only. The first day a case's records may be dated: the separation when it is known (work
// often starts on paper before the case is entered), else the day the case was registered.
import type { CaseDbRow } from '../cases/scope';

export function caseBeganOn(row: Pick<CaseDbRow, 'separation_date' | 'registered_at'>): string {
  return row.separation_date ?? row.registered_at.slice(0, 10);
}
