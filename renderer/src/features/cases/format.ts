// DOM. How case facts read in the person's language: calendar dates (kept on their day, whatever
// the computer's time zone), ages with the language's own plural rules (Intl units), counts, and
// children's names exactly as they were written (never reordered or transliterated).
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat, type Format } from '../../ui/format';

export interface CaseFormat extends Format {
  /** A calendar date (YYYY-MM-DD) or a timestamp, shown as a date. */
  day(value: string | null | undefined): string;
  /** "9 years", "9 ans", "٩ سنوات". */
  years(value: number): string;
  /** The age line of a child: exact, estimated ("about 9 years") or unknown. */
  age(ageYears: number | null, estimated?: boolean): string;
}

const isCalendarDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/u.test(value);

export function useCaseFormat(): CaseFormat {
  const base = useFormat();
  const { t } = useTranslation('cases');
  const language = base.language;
  return useMemo(() => {
    // Calendar dates are days, not instants: format them in UTC so 1 March stays 1 March.
    const dayFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const localDayFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    const yearsFormat = new Intl.NumberFormat(language, { style: 'unit', unit: 'year', unitDisplay: 'long' });
    const day = (value: string | null | undefined) => {
      if (!value) return '—';
      if (isCalendarDate(value)) return dayFormat.format(new Date(`${value}T00:00:00Z`));
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : localDayFormat.format(date);
    };
    const years = (value: number) => yearsFormat.format(value);
    const age = (ageYears: number | null, estimated = false) => {
      if (ageYears === null) return t('child.ageUnknown');
      return estimated ? t('child.ageAbout', { age: years(ageYears) }) : years(ageYears);
    };
    return { ...base, day, years, age };
  }, [base, language, t]);
}

/** A child's name as written: given name(s) then family name, the way it was registered. */
export function childName(child: { givenName: string; familyName: string }): string {
  return [child.givenName, child.familyName].filter((part) => part.trim() !== '').join(' ');
}

/** Today as YYYY-MM-DD in UTC, the way the core compares dates. */
/** The translation key naming a case column (separation_place → cases:fieldNames.separationPlace). */
export const caseFieldNameKey = (column: string): string => `cases:fieldNames.${column.replace(/_([a-z])/gu, (_m, c: string) => c.toUpperCase())}`;

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The window title follows the page, so the taskbar and screen readers name it. */
export function useDocumentTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
