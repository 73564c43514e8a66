// DOM. What the plan and preparation tabs share: query keys under ['case', caseId, feature], cache
// invalidation after a change that can move a gate, calendar days shown as days, form drafts kept by
// the core while the worker types, and the core's field errors put on the form in the feature's words.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormReturn, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { wireIssueMessage, type FieldErrorLike } from '../../ui/errors';
import { discardDraft, useAutosave, useDraft } from '../cases/form/drafts';

export type FeatureNamespace = 'plans' | 'preparation';

export const caseKey = (caseId: string, feature: FeatureNamespace, ...rest: (string | number)[]) => ['case', caseId, feature, ...rest] as const;

/** After a change that can move a gate: every tab's data of the case, the case file, timeline, lists, my work. */
export function useInvalidateCase(caseId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['case', caseId] }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'file', caseId] }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'myWork'] }),
      queryClient.invalidateQueries({ queryKey: ['cases', 'list'] }),
    ]);
  }, [queryClient, caseId]);
}

/** Today as YYYY-MM-DD in UTC, the way the core compares dates. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** Calendar days (YYYY-MM-DD) in UTC so 1 March stays 1 March; timestamps in local time. */
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

/** A distance in kilometres, in the reader's digits and unit ("12,5 km", "١٢٫٥ كم"). */
export function useKilometres(): (value: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
    return (value) => format.format(value);
  }, [language]);
}

const SEPARATOR = '|';

/** Translates a form error: `<ns>:errors.<key>`, then the shared errors namespace. */
export function useFeatureErrorText(ns: FeatureNamespace) {
  const { t: typed, i18n } = useTranslation([ns, 'errors']);
  const t = typed as unknown as (key: string, options?: object) => string;
  return useCallback(
    (error: FieldErrorLike | undefined): string => {
      const message = error?.message ?? '';
      const at = message.indexOf(SEPARATOR);
      const key = at < 0 ? message : message.slice(0, at);
      let params: Record<string, unknown> = {};
      if (at >= 0) {
        try {
          params = JSON.parse(message.slice(at + 1)) as Record<string, unknown>;
        } catch {
          params = {};
        }
      }
      for (const candidate of [`${ns}:errors.${key}`, `errors:${key}`, `errors:validation.${key}`]) {
        if (key && i18n.exists(candidate)) return t(candidate, params);
      }
      return t('errors:validation.invalid');
    },
    [i18n, ns, t],
  );
}

/**
 * Puts a core VALIDATION or INVALID_DATE error onto the form's fields. The core's own rules name
 * themselves in the issue code (inFuture, beforeCase, notPng …), which the feature translates.
 * Returns false when no issue matched a field, so the caller shows the error as a whole.
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
    const own = error.code === 'INVALID_DATE' || issue.code === issue.message;
    setError(field, { type: 'server', message: own ? issue.code : wireIssueMessage(issue) }, { shouldFocus: !matched });
    matched = true;
  }
  return matched;
}

/**
 * Keeps a form's typing as a draft in the core: restores it once when the form opens, then saves
 * every change (debounced; flushed when the form goes away, so closing it or locking loses nothing).
 * `finish()` after a successful submit forgets it.
 */
export function useFormAutosave<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, key: string, enabled = true) {
  const draft = useDraft(key);
  const autosave = useAutosave(key, enabled);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const ready = useRef(false);
  const { reset, watch, getValues } = form;
  const { schedule, cancel } = autosave;

  useEffect(() => {
    if (ready.current || draft.isPending) return;
    ready.current = true;
    const saved = draft.data;
    if (enabled && saved && saved.data && typeof saved.data === 'object') {
      reset({ ...getValues(), ...(saved.data as T) }, { keepDefaultValues: true });
      setRestoredAt(saved.savedAt);
    }
  }, [draft.isPending, draft.data, enabled, reset, getValues]);

  useEffect(() => {
    const subscription = watch((values) => {
      if (ready.current) schedule(values);
    });
    return () => subscription.unsubscribe();
  }, [watch, schedule]);

  const finish = useCallback(async () => {
    cancel();
    await discardDraft(key);
  }, [cancel, key]);

  return { loading: draft.isPending, restoredAt, savedAt: autosave.savedAt, failed: autosave.failed, finish };
}
