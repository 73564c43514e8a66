// Dates typed in the app's order (day first) are read exactly, or refused with a reason.
import { describe, expect, it } from 'vitest';
import { readTypedDate, typedFromIso } from '../../renderer/src/ui/dateEntry';

describe('typed date entry', () => {
  it('reads 6 December typed day first as 6 December, never as 12 June', () => {
    expect(readTypedDate('06/12/2026')).toEqual({ kind: 'valid', iso: '2026-12-06' });
    expect(readTypedDate('6.12.2026')).toEqual({ kind: 'valid', iso: '2026-12-06' });
    expect(readTypedDate(' 6-12-2026 ')).toEqual({ kind: 'valid', iso: '2026-12-06' });
  });

  it('accepts ISO dates, which cannot be misread', () => {
    expect(readTypedDate('2026-12-06')).toEqual({ kind: 'valid', iso: '2026-12-06' });
  });

  it('reads Arabic-Indic digits', () => {
    expect(readTypedDate('٠٦/١٢/٢٠٢٦')).toEqual({ kind: 'valid', iso: '2026-12-06' });
    expect(readTypedDate('۰۶/۱۲/۲۰۲۶')).toEqual({ kind: 'valid', iso: '2026-12-06' });
  });

  it('refuses what it would have to guess: no year, a two-digit year, a day that does not exist', () => {
    expect(readTypedDate('12/06')).toEqual({ kind: 'invalid', reason: 'incomplete' });
    expect(readTypedDate('06/12/26')).toEqual({ kind: 'invalid', reason: 'year' });
    expect(readTypedDate('31/02/2026')).toEqual({ kind: 'invalid', reason: 'impossible' });
    expect(readTypedDate('12/13/2026')).toEqual({ kind: 'invalid', reason: 'impossible' });
    expect(readTypedDate('2026-02-30')).toEqual({ kind: 'invalid', reason: 'impossible' });
    expect(readTypedDate('yesterday')).toEqual({ kind: 'invalid', reason: 'incomplete' });
    expect(readTypedDate('')).toEqual({ kind: 'empty' });
  });

  it('writes a stored date back in the order it is typed', () => {
    expect(typedFromIso('2026-12-06')).toBe('06/12/2026');
    expect(typedFromIso('')).toBe('');
    expect(typedFromIso(null)).toBe('');
  });
});
