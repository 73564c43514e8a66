// Environment-free. Reading a date as a person types it. Every language of the app writes the day
// first (dd/mm/yyyy, the order of French, Spanish, Portuguese, Arabic and the English of the
// offices Homeward serves), whatever the browser's locale says; ISO (yyyy-mm-dd) is accepted too,
// since it cannot be misread. A date that is incomplete, has a two-digit year or does not exist
// (31/02) is refused with a reason, never guessed. The core only ever sees yyyy-mm-dd.

export type DateReading =
  | { kind: 'empty' }
  | { kind: 'valid'; iso: string }
  | { kind: 'invalid'; reason: 'incomplete' | 'year' | 'impossible' };

const isoPattern = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u;

/** Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (digit) => String((digit.codePointAt(0)! - 0x0660) % 0x90));
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** yyyy-mm-dd when the three numbers make a real calendar day, else null. */
export function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isIsoDate(value: string): boolean {
  const match = isoPattern.exec(value);
  return Boolean(match && value.length === 10 && isoOf(Number(match[1]), Number(match[2]), Number(match[3])) === value);
}

export function readTypedDate(typed: string): DateReading {
  const text = asciiDigits(typed).trim();
  if (text === '') return { kind: 'empty' };
  const iso = isoPattern.exec(text);
  if (iso) {
    const value = isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return value ? { kind: 'valid', iso: value } : { kind: 'invalid', reason: 'impossible' };
  }
  const parts = text.split(/[/.\-\s\u060C,]+/u).filter(Boolean);
  if (parts.length !== 3 || parts.some((part) => !/^\d+$/u.test(part))) return { kind: 'invalid', reason: 'incomplete' };
  const [day, month, year] = parts as [string, string, string];
  if (day.length > 2 || month.length > 2) return { kind: 'invalid', reason: 'incomplete' };
  // "06/12/26" could be 1926 or 2026: a child's date of birth makes the century matter.
  if (year.length !== 4) return { kind: 'invalid', reason: 'year' };
  const value = isoOf(Number(year), Number(month), Number(day));
  return value ? { kind: 'valid', iso: value } : { kind: 'invalid', reason: 'impossible' };
}

/** yyyy-mm-dd as the person types it back (dd/mm/yyyy); anything else is left as it is. */
export function typedFromIso(value: string | null | undefined): string {
  if (!value) return '';
  if (!isIsoDate(value)) return value;
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
}
