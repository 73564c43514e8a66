// DOM. What the tracing, assessments, safety and BID tabs share beyond ui/form: their query keys,
// scores in the reader's digits, the supervisor's approval permission, and their stylesheet.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import './stage-one.css';

export type StageOneNamespace = 'tracing' | 'assessments' | 'safety' | 'bid';

/** Query keys: every tab's data lives under ['case', caseId, feature]. */
export const stageOneKey = (caseId: string, feature: StageOneNamespace, ...rest: (string | number)[]) =>
  ['case', caseId, feature, ...rest] as const;

/** Scores and other decimals in the reader's digits. */
export function useNumberFormat(): (value: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    return (value) => (value === null || value === undefined ? '—' : format.format(value));
  }, [language]);
}

/** Whether the signed-in person may approve (BIDs): only to show or hide buttons; the core decides. */
export function useCanApprove(): boolean {
  const { session } = useSession();
  return Boolean(session?.permissions.includes('case.approve'));
}
