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
