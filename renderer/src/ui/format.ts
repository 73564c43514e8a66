// DOM. Dates, numbers and durations in the reader's language, through Intl (no locale data to ship).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Format {
  language: string;
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  number(value: number): string;
  /** "45 seconds", "2 minutes", "1 minute, 30 seconds", with plural rules of the language. */
  duration(seconds: number): string;
}

export function createFormat(language: string): Format {
  const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const numberFormat = new Intl.NumberFormat(language);
  const unit = (value: number, name: 'second' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const list = new Intl.ListFormat(language, { style: 'long', type: 'unit' });
  const parse = (iso: string | null | undefined) => {
    if (!iso) return null;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  return {
    language,
    dateTime: (iso) => {
      const date = parse(iso);
      return date ? dateTimeFormat.format(date) : '—';
    },
    date: (iso) => {
      const date = parse(iso);
      return date ? dateFormat.format(date) : '—';
    },
    number: (value) => numberFormat.format(value),
    duration: (total) => {
      const seconds = Math.max(0, Math.ceil(total));
      if (seconds < 60) return unit(seconds, 'second');
      const minutes = Math.floor(seconds / 60);
      const rest = seconds % 60;
      return rest === 0 ? unit(minutes, 'minute') : list.format([unit(minutes, 'minute'), unit(rest, 'second')]);
    },
  };
}

export function useFormat(): Format {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => createFormat(language), [language]);
}

/** Today as YYYY-MM-DD in UTC, the way the core compares dates. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/**
 * Calendar days (YYYY-MM-DD) are days, not instants: formatted in UTC so 1 March stays 1 March.
 * Timestamps are shown as local date and time; anything else as it was written.
 */
export function useDayFormat(): (value: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const instant = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return (value) => {
      if (!value) return '—';
      if (/^\d{4}-\d{2}-\d{2}$/u.test(value)) return day.format(new Date(`${value}T00:00:00Z`));
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : instant.format(date);
    };
  }, [language]);
}
