// DOM. What the contact and reunification forms share beyond ui/form: where their error keys are
// looked up, and lengths of time in the reader's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Their error keys: `<ns>:validation.<key>`, then `<ns>:<key>` (gate reasons), then the shared errors. */
export const contactErrorPrefixes = ['validation.', ''] as const;

/** "45 minutes", "3 hours", "2 days" in the reader's language. */
export function useDurationFormat(): (minutes: number | null) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const unit = (value: number, name: 'minute' | 'hour' | 'day') =>
      new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
    return (minutes) => {
      if (minutes === null) return '—';
      if (minutes >= 1440 && minutes % 1440 === 0) return unit(minutes / 1440, 'day');
      if (minutes >= 60 && minutes % 60 === 0) return unit(minutes / 60, 'hour');
      return unit(minutes, 'minute');
    };
  }, [language]);
}
