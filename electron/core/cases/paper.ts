// Node-only. The earliest date an event of a case may carry. Normally the registration date: work
// recorded for a case happened after the office opened it. A case marked "entered from paper
// records" was worked on paper before it was typed in, so its events may go back to the child's
// separation (or birth): the gates then judge real past dates, not the day of typing.
import type { CaseDbRow } from './scope';

export function eventFloor(row: Pick<CaseDbRow, 'registered_at'> & Partial<Pick<CaseDbRow, 'separation_date' | 'date_of_birth'>> & { paper_since?: string | null }): string {
  return row.registered_at.slice(0, 10);
}
