// Environment-free (with React Hook Form types). The child's details as a form holds them, to and
// from the shared shapes, and the form rules the shared schema checks only once everything else
// passes (a date of birth or an estimated age), so every missing answer shows at once.
import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { ChildDetailsInput } from '@shared/cases/contract';
import type { careArrangements, documentationStatuses } from '@shared/cases/fields';
import type { z } from 'zod';
import { errorKey, issueMessage } from '../../../ui/errors';

export interface ChildValues {
  givenName: string;
  familyName: string;
  otherNames: string[];
  /** '' until chosen. */
  sex: string;
  dateOfBirth: string | null;
  dateOfBirthEstimated: boolean;
  estimatedAgeYears: number | null;
  languages: string[];
  hasDisability: boolean;
  disabilityNotes: string;
  documentationStatus: (typeof documentationStatuses)[number];
  separationReasons: string[];
  separationReasonOther: string;
  separationDate: string | null;
  separationPlace: string;
  careArrangement: (typeof careArrangements)[number];
  carePlace: string;
  area: string;
}

export const emptyChild: ChildValues = {
  givenName: '',
  familyName: '',
  otherNames: [],
  sex: '',
  dateOfBirth: null,
  dateOfBirthEstimated: false,
  estimatedAgeYears: null,
  languages: [],
  hasDisability: false,
  disabilityNotes: '',
  documentationStatus: 'unknown',
  separationReasons: [],
  separationReasonOther: '',
  separationDate: null,
  separationPlace: '',
  careArrangement: 'unknown',
  carePlace: '',
  area: '',
};

/** Values from a draft or a case file, with anything missing filled from the empty child. */
export function toChildValues(source: Partial<ChildDetailsInput> | Partial<ChildValues> | Record<string, unknown> | null | undefined): ChildValues {
  const merged = { ...emptyChild, ...(source ?? {}) } as ChildValues;
  const known = Object.fromEntries(Object.keys(emptyChild).map((key) => [key, merged[key as keyof ChildValues]]));
  return known as unknown as ChildValues;
}

/** Empty inputs mean "not given". */
export const asNullableDate = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
export const asNullableNumber = (value: unknown): number | null => {
  if (value === '' || value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isNaN(n) ? null : n;
};

/** issueMessage, plus: an unanswered choice ("" in a select) is "required", not "invalid". */
export const caseIssueMessage = (issue: z.core.$ZodRawIssue): string => {
  if (issue.code === 'invalid_value' && (issue.input === '' || issue.input === undefined || issue.input === null)) {
    return errorKey('validation.required');
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return errorKey('validation.chooseOne');
  return issueMessage(issue);
};

/** Rules checked on every submit, whatever else fails (zod runs object refinements last). */
export function childRuleErrors(child: ChildValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!child.dateOfBirth && (child.estimatedAgeYears === null || child.estimatedAgeYears === undefined)) {
    errors.dateOfBirth = errorKey('dateOfBirthOrAge');
  }
  if (child.separationReasons.includes('other') && !child.separationReasonOther.trim()) {
    errors.separationReasonOther = errorKey('validation.required');
  }
  return errors;
}

/** Adds rule errors under `child.` to a resolver's errors (existing errors win). */
export function withChildRules<T extends FieldValues>(errors: FieldErrors<T>, child: ChildValues): FieldErrors<T> {
  const rules = childRuleErrors(child);
  if (Object.keys(rules).length === 0) return errors;
  const existing = ((errors as Record<string, unknown>).child ?? {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...existing };
  for (const [field, message] of Object.entries(rules)) {
    if (!merged[field]) merged[field] = { type: 'rule', message };
  }
  return { ...errors, child: merged } as FieldErrors<T>;
}
