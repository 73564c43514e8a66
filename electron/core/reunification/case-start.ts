// Node-only. The earliest day a contact, a refusal or a reunification can be dated on.
import type { CaseDbRow } from '../cases/scope';
import { eventFloor } from '../cases/paper';

/**
 * The agency's work on a case starts when it is registered (or when the child was separated, if
 * that is later). A spontaneous reunification is registered after the child went home, so its
 * records only need to follow the separation.
 */
export function caseStartDate(row: Pick<CaseDbRow, 'registered_at' | 'separation_date' | 'spontaneous' | 'paper_since'>): string | null {
  const separation = row.separation_date ?? null;
  if (row.spontaneous === 1) return separation;
  // A case entered from paper records began when its paper file did (cases/paper.ts).
  const registered = eventFloor(row);
  return separation && separation > registered ? separation : registered;
}
