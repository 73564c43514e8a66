// DOM. What the family, consents and notes tabs share: their query keys under ['case', caseId,
// feature], and ages, countries, lists and names in the reader's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export const networkKeys = {
  family: (caseId: string, includeRemoved = false) => ['case', caseId, 'family', { includeRemoved }] as const,
  consents: (caseId: string) => ['case', caseId, 'consents'] as const,
  notes: (caseId: string, filter: object = {}) => ['case', caseId, 'notes', filter] as const,
  documents: (caseId: string, includeRemoved = false) => ['case', caseId, 'notes', 'documents', { includeRemoved }] as const,
};

/** "38 years" with the language's plural rules and digits. */
export function useYearsFormat(): (years: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language, { style: 'unit', unit: 'year', unitDisplay: 'long' });
    return (years) => format.format(years);
  }, [language]);
}

/** A country's name in the reader's language from its ISO code ("UG" → "Ouganda"). */
export function useCountryName(): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([language], { type: 'region' });
    } catch {
      names = null;
    }
    return (code) => {
      if (!code) return '';
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [language]);
}

/** Names and other items joined the way the language joins a list ("A, B and C"). */
export function useListFormat(): (items: string[]) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    return (items) => format.format(items);
  }, [language]);
}

/** A person's name as it was written: given name(s), then family name. */
export const personName = (p: { givenName: string; familyName: string }): string =>
  [p.givenName, p.familyName].filter((part) => part.trim() !== '').join(' ');
