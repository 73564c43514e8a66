// Node-only. Date rules a schema cannot know because they depend on today and on the case.
import type { ChildDetails } from '../../../shared/cases/contract';
import { AppError } from '../../../shared/contract/errors';

export function assertChildDates(child: ChildDetails, today: string, extra: { reunifiedOn?: string } = {}): void {
  const problems: { path: string[]; code: string }[] = [];
  if (child.dateOfBirth && child.dateOfBirth > today) problems.push({ path: ['child', 'dateOfBirth'], code: 'inFuture' });
  if (child.separationDate && child.separationDate > today) problems.push({ path: ['child', 'separationDate'], code: 'inFuture' });
  if (child.dateOfBirth && child.separationDate && child.separationDate < child.dateOfBirth) {
    problems.push({ path: ['child', 'separationDate'], code: 'beforeBirth' });
  }
  if (extra.reunifiedOn) {
    if (extra.reunifiedOn > today) problems.push({ path: ['spontaneous', 'reunifiedOn'], code: 'inFuture' });
    if (child.separationDate && extra.reunifiedOn < child.separationDate) {
      problems.push({ path: ['spontaneous', 'reunifiedOn'], code: 'beforeSeparation' });
    }
  }
  if (problems.length > 0) {
    throw new AppError('INVALID_DATE', 'a date is impossible', {
      issues: problems.map((p) => ({ ...p, message: p.code })),
      params: { field: problems[0].path.join('.') },
    });
  }
}

/** Refuses an event date in the future or before the case began (registration or separation). */
export function assertEventDate(date: string, today: string, earliest: string | null, field = 'date'): void {
  if (date > today) {
    throw new AppError('INVALID_DATE', 'the date is in the future', {
      issues: [{ path: [field], code: 'inFuture', message: 'inFuture' }],
      params: { field },
    });
  }
  if (earliest && date < earliest) {
    throw new AppError('INVALID_DATE', 'the date is before the case began', {
      issues: [{ path: [field], code: 'beforeCase', message: 'beforeCase' }],
      params: { field },
    });
  }
}
