// DOM. What the plan and preparation tabs share beyond ui/form: their query keys under ['case',
// caseId, feature], where their error keys are looked up, and distances in the reader's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type FeatureNamespace = 'plans' | 'preparation';

export const caseKey = (caseId: string, feature: FeatureNamespace, ...rest: (string | number)[]) => ['case', caseId, feature, ...rest] as const;

/** Their error keys: `<ns>:errors.<key>`, then the shared errors namespace. */
export const planErrorPrefixes = ['errors.'] as const;

/** A distance in kilometres, in the reader's digits and unit ("12,5 km", "١٢٫٥ كم"). */
export function useKilometres(): (value: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
    return (value) => format.format(value);
  }, [language]);
}
