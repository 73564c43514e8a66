// DOM. What the tracing, assessments, safety and BID tabs share: cache invalidation after a change
// that can move a gate, calendar days shown as days, the supervisor's approval permission, form
// drafts kept by the core while the worker types, and core errors put on the form's fields in the
// feature's own words.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api';
import { useSession } from '../../app/session';
import { wireIssueMessage, type FieldErrorLike } from '../../ui/errors';
import './stage-one.css';

export type StageOneNamespace = 'tracing' | 'assessments' | 'safety' | 'bid';

/** Query keys: every tab's data lives under ['case', caseId, feature]. */
export const stageOneKey = (caseId: string, feature: StageOneNamespace, ...rest: (string | number)[]) =>
  ['case', caseId, feature, ...rest] as const;

/** After a change that can move a gate: the case's tab data, its file (gates), timeline, my work, lists. */
export function useInvalidateCase(caseId: string): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'file', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'timeline', caseId] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'myWork'] });
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
  }, [queryClient, caseId]);
}

/** Today as YYYY-MM-DD in UTC, the way the core compares dates. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** Calendar days (YYYY-MM-DD) formatted in UTC so 1 March stays 1 March; timestamps in local time. */
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

const SAVE_DELAY_MS = 600;

/**
 * A form draft kept by the core (encrypted, per user) under `case:<caseId>:<feature>:<form>`:
 * `restored` is what was saved last time, `schedule(data)` saves shortly after typing stops, and
 * pending typing is flushed when the form goes away (closing it, or the lock screen unmounting
 * the app) — so nothing typed is lost. `discard()` after the record itself is saved.
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

const SEPARATOR = '|';

/** Translates a field error key: `<ns>:validation.<key>`, then the shared errors namespace. */
export function useFeatureErrorText(ns: StageOneNamespace) {
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
 * Puts a core VALIDATION or INVALID_DATE error onto the form's fields. The core's own issues name
 * their rule (required, inFuture, beforeCase …), which the feature's namespace translates; zod's
 * generic ones go through the shared wording. Returns false when no issue matched a field.
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
