// DOM. Small pieces the contact and reunification tabs share: case-level cache invalidation, form
// drafts kept by the core while the worker types, calendar dates shown on their own day, and field
// errors read from the feature's namespace before the shared `errors` one.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api';
import { wireIssueMessage, type FieldErrorLike } from '../../ui/errors';

/** After a change that can move a gate: every tab's data of the case, the case file, its timeline, my work. */
export function invalidateCase(queryClient: QueryClient, caseId: string): void {
  void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'file', caseId] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'myWork'] });
  void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
}

/** Today as YYYY-MM-DD in UTC, the way the core compares dates. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** Calendar dates (YYYY-MM-DD) are days, not instants: formatted in UTC so 1 March stays 1 March. */
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

const SEPARATOR = '|';

/** Translates a form error key: `<ns>:validation.<key>`, then `<ns>:<key>`, then the shared errors. */
export function useFeatureErrorText(ns: 'contacts' | 'reunification') {
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
      for (const candidate of [`${ns}:validation.${key}`, `${ns}:${key}`, `errors:${key}`, `errors:validation.${key}`]) {
        if (key && i18n.exists(candidate)) return t(candidate, params);
      }
      return t('errors:validation.invalid');
    },
    [i18n, ns, t],
  );
}

const SAVE_DELAY_MS = 600;

/**
 * A form draft kept by the core (encrypted, per user): `restored` is what was saved last time,
 * `schedule(data)` saves on a short delay, and pending typing is flushed when the form goes away —
 * so closing the form or the lock screen does not lose it. `discard()` after a successful save.
 */
export function useFormDraft<T>(key: string, enabled: boolean) {
  const draft = useQuery({
    queryKey: ['drafts', key],
    queryFn: () => call('drafts.get', { key }),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const pending = useRef<{ data: T } | null>(null);
  const timer = useRef<number | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    call('drafts.save', { key, data: next.data })
      .then((result) => setSavedAt(result.savedAt))
      .catch(() => undefined);
  }, [key]);

  const schedule = useCallback(
    (data: T) => {
      if (!enabled) return;
      pending.current = { data };
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
    },
    [enabled, flush],
  );

  const discard = useCallback(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    setSavedAt(null);
    await call('drafts.discard', { key }).catch(() => undefined);
  }, [key]);

  useEffect(() => flush, [flush]);

  return {
    loading: enabled && draft.isPending,
    restored: (draft.data?.data ?? null) as T | null,
    restoredAt: draft.data?.savedAt ?? null,
    savedAt,
    schedule,
    discard,
  };
}

/**
 * Puts a core VALIDATION or INVALID_DATE error onto the form's fields (keys the feature's namespace
 * translates: inFuture, beforeCase, modeRequired, fileType …). Returns false when no issue matched
 * a field, so the caller shows the error as a whole.
 */
export function applyCoreIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldFor: (path: (string | number)[]) => Path<T> | null,
): boolean {
  if (!(error instanceof ApiError) || (error.code !== 'VALIDATION' && error.code !== 'INVALID_DATE')) return false;
  let matched = false;
  for (const issue of error.issues) {
    // The core's own issues name their rule (code and message alike); zod's are generic.
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

/** Restores a saved draft once, then saves every change as the new draft. */
export function useDraftBinding<T extends object>(
  form: { reset: (values: T) => void; watch: (observer: (values: unknown) => void) => { unsubscribe(): void } },
  draft: { loading: boolean; restored: T | null; schedule: (data: T) => void },
  defaults: T,
): void {
  const [restored, setRestored] = useState(false);
  const { reset, watch } = form;
  const { loading, restored: saved, schedule } = draft;
  useEffect(() => {
    if (restored || loading) return;
    if (saved) reset({ ...defaults, ...saved });
    setRestored(true);
  }, [defaults, loading, saved, reset, restored]);
  useEffect(() => {
    if (!restored) return undefined;
    const subscription = watch((values) => schedule(values as T));
    return () => subscription.unsubscribe();
  }, [restored, schedule, watch]);
}
