// Environment-free. How a split's values read: existing case vocabularies where there is one
// (sex, reasons, care settings), the reports namespace otherwise; areas are the office's own words.
import type { TFunction } from 'i18next';
import type { Dimension } from '@shared/reports/indicators';

export function groupLabel(t: TFunction, dim: Dimension, value: string): string {
  if (value === 'unknown') return t('reports:unknown');
  switch (dim) {
    case 'sex':
      return t(`cases:sexes.${value}`, { defaultValue: value });
    case 'reason':
      return t(`cases:separationReasons.${value}`, { defaultValue: value });
    case 'careSetting':
      return t(`cases:careArrangements.${value}`, { defaultValue: value });
    case 'disability':
      return t(`reports:disability.${value}`, { defaultValue: value });
    case 'returnKind':
      return t(`reports:returnKind.${value}`, { defaultValue: value });
    case 'ageBand':
      return t('reports:ageBand', { band: value });
    case 'area':
      return value;
  }
}

/** The last full calendar quarter before `today`. */
export function lastQuarter(today = new Date()): { from: string; to: string } {
  const q = Math.floor(today.getUTCMonth() / 3);
  const end = new Date(Date.UTC(today.getUTCFullYear(), q * 3, 0));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 2, 1));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

export function lastTwelveMonths(today = new Date()): { from: string; to: string } {
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth(), end.getUTCDate() + 1));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}
