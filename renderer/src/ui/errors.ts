// DOM. Errors become translated text by their code, never by the English the core logs. Form
// validation messages carry an i18n key (and its parameters) instead of prose, so the text follows
// the current language; see `issueMessage`.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ValidationIssue } from '@shared/contract/errors';
import type { PasswordProblem } from '@shared/session/password-policy';
import { ApiError } from '../api';
import { useFormat } from './format';

export interface FieldErrorLike {
  message?: string;
  type?: unknown;
}

const SEPARATOR = '|';

/** Encodes an i18n key of the errors namespace and its parameters as a form error message. */
export function errorKey(key: string, params?: Record<string, string | number>): string {
  return params ? `${key}${SEPARATOR}${JSON.stringify(params)}` : key;
}

function decode(message: string): { key: string; params: Record<string, string | number> } {
  const at = message.indexOf(SEPARATOR);
  if (at < 0) return { key: message, params: {} };
  try {
    return { key: message.slice(0, at), params: JSON.parse(message.slice(at + 1)) as Record<string, string | number> };
  } catch {
    return { key: message.slice(0, at), params: {} };
  }
}

/** zod error map for forms: every issue becomes a key of errors:validation.* with its numbers. */
export const issueMessage = (issue: z.core.$ZodRawIssue): string => {
  // An empty field is "required", whatever rule it broke first (length, pattern…).
  if (typeof issue.input === 'string' && issue.input.trim() === '' && issue.code !== 'custom') return errorKey('validation.required');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return errorKey('validation.required');
      if (issue.origin === 'string') return errorKey('validation.tooShort', { minimum: Number(issue.minimum) });
      return errorKey('validation.tooSmall', { minimum: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return errorKey('validation.tooLong', { maximum: Number(issue.maximum) });
      return errorKey('validation.tooBig', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      return errorKey('validation.format');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? errorKey('validation.required')
        : errorKey('validation.invalid');
    default:
      return errorKey('validation.invalid');
  }
};

/** Options to pass to zodResolver so form messages are keys. */
export const formSchemaOptions = { error: issueMessage } as const;

const namedMessages = new Set(['username']);

/** A validation issue sent by the core (its message is English or a named key) as a key. */
export function wireIssueMessage(issue: ValidationIssue): string {
  if (namedMessages.has(issue.message)) return errorKey(`validation.${issue.message}`);
  switch (issue.code) {
    case 'too_small':
      return errorKey('validation.required');
    case 'too_big':
      return errorKey('validation.tooLongPlain');
    case 'invalid_format':
      return errorKey('validation.format');
    default:
      return errorKey('validation.invalid');
  }
}

/**
 * Puts a core VALIDATION error onto the form's fields. Returns false when no issue matched a
 * field the form knows, so the caller shows the error as a whole.
 */
export function applyServerIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldFor: (path: (string | number)[]) => Path<T> | null,
): boolean {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return false;
  let matched = false;
  for (const issue of error.issues) {
    const field = fieldFor(issue.path);
    if (field) {
      setError(field, { type: 'server', message: wireIssueMessage(issue) }, { shouldFocus: !matched });
      matched = true;
    }
  }
  return matched;
}

/**
 * Puts a core VALIDATION or INVALID_DATE error of a case-file feature onto the form's fields. The
 * core's own rules name themselves (inFuture, beforeCase, modeRequired, mimeMismatch …: an
 * INVALID_DATE issue by its code, a custom one by its message), which the feature's namespace
 * translates; zod's generic issues go through the shared wording. Date rules name their field as
 * one dotted string ("consent.date"). Returns false when no issue matched a field, so the caller
 * shows the error as a whole.
 */
export function applyCoreIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldFor: (path: (string | number)[]) => Path<T> | null,
): boolean {
  if (!(error instanceof ApiError) || (error.code !== 'VALIDATION' && error.code !== 'INVALID_DATE')) return false;
  let matched = false;
  for (const issue of error.issues) {
    const path = issue.path.length === 1 && typeof issue.path[0] === 'string' ? issue.path[0].split('.') : issue.path;
    const field = fieldFor(path);
    if (!field) continue;
    const key =
      error.code === 'INVALID_DATE' ? issue.code : issue.code === 'custom' || issue.code === issue.message ? issue.message : wireIssueMessage(issue);
    setError(field, { type: 'server', message: key }, { shouldFocus: !matched });
    matched = true;
  }
  return matched;
}

/**
 * For applyCoreIssues: the form field a core issue names when the form's fields are all top-level
 * — the path's first part, or its second when the first is the object the values were sent in
 * (`{ note: … }`, `{ consent: … }`). Null when the form has no such field.
 */
export function topLevelField<K extends string>(fields: readonly K[], sentAs?: string): (path: (string | number)[]) => K | null {
  const known = new Set<string>(fields);
  return (path) => {
    const field = sentAs !== undefined && path[0] === sentAs ? path[1] : path[0];
    return typeof field === 'string' && known.has(field) ? (field as K) : null;
  };
}

/**
 * Where a feature's form errors are looked up before the shared `errors` namespace: `<ns>:<prefix><key>`
 * for each prefix in order ("contacts:validation.modeRequired", then "contacts:modeRequired").
 */
export interface FieldErrorSource {
  ns: string;
  prefixes: readonly string[];
}

/**
 * Translates a form field error (a key from `issueMessage`, a named key, or a password problem):
 * from the feature's namespace first when a source is given, then `errors:<key>`, then
 * `errors:validation.<key>`.
 */
export function useFieldErrorText(source?: FieldErrorSource | null) {
  const ns = source?.ns;
  const prefixes = source?.prefixes;
  const { t: typed, i18n } = useTranslation(ns ? [ns, 'errors'] : 'errors');
  // Keys here are data (decoded from messages), checked with i18n.exists before use.
  const t = typed as unknown as (key: string, options?: object) => string;
  return useCallback(
    (error: FieldErrorLike | undefined): string => {
      const { key, params } = decode(error?.message ?? '');
      const own = ns && prefixes ? prefixes.map((prefix) => `${ns}:${prefix}${key}`) : [];
      for (const candidate of [...own, `errors:${key}`, `errors:validation.${key}`]) {
        if (key && i18n.exists(candidate)) return t(candidate, params);
      }
      return t('errors:validation.invalid');
    },
    [i18n, ns, prefixes, t],
  );
}

/** Translates anything thrown by `call` (or anything else) for the person at the keyboard. */
export function useErrorText() {
  const { t: typed } = useTranslation('errors');
  const t = typed as unknown as (key: string, options?: object) => string;
  const { duration } = useFormat();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('INTERNAL');
    const params: Record<string, string | number> = { ...error.params };
    if (error.code === 'LOGIN_LOCKED') {
      params.duration = duration(Number(error.params.seconds ?? 0));
    }
    const text = t(error.code, params);
    if (error.code === 'PASSWORD_WEAK' && typeof error.params.problems === 'string') {
      const problems = error.params.problems.split(',').filter(Boolean) as PasswordProblem[];
      return [text, ...problems.map((p) => t(`password.${p}`))].join(' ');
    }
    return text;
  };
}
