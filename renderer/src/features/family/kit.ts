// DOM. What the family, consents and notes tabs share: their query keys under ['case', caseId,
// feature], cache invalidation after a change, calendar days and ages in the reader's language,
// form drafts kept by the core while the worker types, and core errors put on form fields.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api';
import { wireIssueMessage, type FieldErrorLike } from '../../ui/errors';

export type NetworkNamespace = 'family' | 'consents' | 'notes';

export const networkKeys = {
  family: (caseId: string, includeRemoved = false) => ['case', caseId, 'family', { includeRemoved }] as const,
  consents: (caseId: string) => ['case', caseId, 'consents'] as const,
  notes: (caseId: string, filter: object = {}) => ['case', caseId, 'notes', filter] as const,
  documents: (caseId: string, includeRemoved = false) => ['case', caseId, 'notes', 'documents', { includeRemoved }] as const,
};

/** After a change: the case's tab data, its file (header, gates), its timeline, my work. */
export function useInvalidateCase(caseId: string): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'file', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
  }, [queryClient, caseId]);
}

/** Today as YYYY-MM-DD in UTC, the way the core compares dates. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** Calendar days (YYYY-MM-DD) in UTC so 1 March stays 1 March; timestamps as local date and time. */
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

const SEPARATOR = '|';

/** Translates a form error key: `<ns>:validation.<key>`, then the shared `errors` namespace. */
export function useNetworkErrorText(ns: NetworkNamespace) {
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
      for (const candidate of [`${ns}:validation.${key}`, `errors:${key}`, `errors:validation.${key}`]) {
        if (key && i18n.exists(candidate)) return t(candidate, params);
      }
      return t('errors:validation.invalid');
    },
    [i18n, ns, t],
  );
}

/**
 * Puts a core VALIDATION or INVALID_DATE error onto the form's fields, in the feature's words
 * (inFuture, beforeCase, notInCase, mimeMismatch …). Returns false when no issue matched a field,
 * so the caller shows the error as a whole.
 */
export function applyCoreIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldFor: (path: (string | number)[]) => Path<T> | null,
): boolean {
  if (!(error instanceof ApiError) || (error.code !== 'VALIDATION' && error.code !== 'INVALID_DATE')) return false;
  let matched = false;
  for (const issue of error.issues) {
    // Date rules name their field as one dotted string ("consent.date").
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

const SAVE_DELAY_MS = 600;

/**
 * A form draft kept by the core (encrypted, per user) under `case:<caseId>:<feature>:<form>`:
 * `restored` is what was saved last time, `schedule(data)` saves shortly after typing stops, and
 * pending typing is flushed when the form goes away (closing it, or the lock screen unmounting the
 * app), so nothing typed is lost. `discard()` once the record itself is saved.
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
 * Restores a saved draft into the form once (returns whether it did), then saves every change
 * the person makes as the new draft.
 */
export function useDraftBinding<T extends object>(
  form: { reset: (values: T) => void; getValues: () => T; watch: (observer: (values: unknown, info: { type?: string }) => void) => { unsubscribe(): void } },
  draft: { loading: boolean; restored: T | null; schedule: (data: T) => void },
): boolean {
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState(false);
  const { reset, watch, getValues } = form;
  const { loading, restored: saved, schedule } = draft;
  useEffect(() => {
    if (ready || loading) return;
    if (saved) {
      reset({ ...getValues(), ...saved });
      setRestored(true);
    }
    setReady(true);
  }, [getValues, loading, ready, reset, saved]);
  useEffect(() => {
    if (!ready) return undefined;
    // Only the person's own changes are saved (not the reset that restored the draft).
    const subscription = watch((values, info) => {
      if (info.type === 'change') schedule(values as T);
    });
    return () => subscription.unsubscribe();
  }, [ready, schedule, watch]);
  return restored;
}
