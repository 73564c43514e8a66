// DOM. Form drafts kept by the core (encrypted, per user) while the person types, under keys like
// `case:<caseId>:<feature>:<form>`: closing the form, navigating away or the lock screen never
// loses typing. Saves are debounced and flushed when the form goes away (the lock screen unmounts
// the app, so a pending save still reaches the core before the key is dropped).
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { call } from '../api';
import { registerOpenDraft, takeResumableDraft } from './draftRegistry';

const SAVE_DELAY_MS = 600;

/** Forgets a draft. A failure only leaves a stale draft behind, so it is not reported. */
export function discardDraft(key: string): Promise<void> {
  return call('drafts.discard', { key }).then(
    () => undefined,
    () => undefined,
  );
}

/** The saved draft under `key` (null when none), read once; nothing is read while disabled. */
export function useDraftQuery(key: string, enabled = true) {
  return useQuery({
    queryKey: ['drafts', key],
    queryFn: () => call('drafts.get', { key }),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

/**
 * Saving as the person types: `schedule(data)` saves shortly after typing stops, `flush()` saves
 * now (on blur), `cancel()` drops a pending save. Nothing is saved while `enabled` is false.
 * While mounted the form is in the open-drafts registry, so a lock saves its typing first.
 */
export function useAutosave<T>(key: string, enabled = true) {
  const pending = useRef<{ data: T } | null>(null);
  const timer = useRef<number | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const typed = useRef(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const cancel = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);

  const flush = useCallback((): Promise<void> => {
    const next = pending.current;
    cancel();
    if (!next) return inflight.current ?? Promise.resolve();
    const saving = call('drafts.save', { key, data: next.data })
      .then((result) => {
        setSavedAt(result.savedAt);
        setFailed(false);
      })
      .catch(() => setFailed(true));
    // A lock that comes while this save travels waits for it (and for the one before it).
    const chained = Promise.all([inflight.current, saving]).then(() => undefined);
    inflight.current = chained;
    void chained.then(() => {
      if (inflight.current === chained) inflight.current = null;
    });
    return chained;
  }, [cancel, key]);

  const schedule = useCallback(
    (data: T) => {
      if (!enabled) return;
      typed.current = true;
      pending.current = { data };
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [enabled, flush],
  );

  useEffect(() => {
    if (!enabled) return undefined;
    return registerOpenDraft({ key, flush, hasTyping: () => typed.current });
  }, [enabled, flush, key]);

  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );

  /** After the record is saved or the typing discarded: nothing left to offer after a lock. */
  const forget = useCallback(() => {
    cancel();
    typed.current = false;
  }, [cancel]);

  /** Marks a restored draft as typing worth offering after a lock. */
  const markTyped = useCallback(() => {
    typed.current = true;
  }, []);

  return { schedule, cancel, flush, forget, markTyped, savedAt, setSavedAt, failed };
}

/**
 * The draft under `key`: `restored` is what was saved last time (and `restoredAt` when),
 * `schedule(data)` saves shortly after typing stops, `cancel()` drops a pending save, and
 * `discard()` forgets the draft once the record itself is saved. Nothing is read or saved while
 * `enabled` is false (a reader who may not write).
 */
export function useDraft<T>(key: string, enabled = true, restore = true) {
  const draft = useDraftQuery(key, enabled && restore);
  const { schedule, cancel, forget, markTyped, savedAt, setSavedAt, failed } = useAutosave<T>(key, enabled);
  const hasRestored = Boolean(draft.data?.data);
  useEffect(() => {
    if (hasRestored) markTyped();
  }, [hasRestored, markTyped]);

  const discard = useCallback(async () => {
    forget();
    setSavedAt(null);
    takeResumableDraft(key);
    await discardDraft(key);
  }, [forget, key, setSavedAt]);

  return {
    loading: enabled && restore && draft.isPending,
    restored: (draft.data?.data ?? null) as T | null,
    restoredAt: draft.data?.savedAt ?? null,
    savedAt,
    failed,
    schedule,
    cancel,
    discard,
  };
}

/** What useDraftBinding needs of a react-hook-form form. */
export type DraftForm<T extends FieldValues> = Pick<UseFormReturn<T, unknown, FieldValues>, 'reset' | 'getValues' | 'watch'>;

/**
 * Puts a saved draft into the form once it has loaded (returns whether it did), then saves every
 * later change as the new draft. The form's default values stay the record's, so a restored draft
 * counts as a change.
 */
export function useDraftBinding<T extends FieldValues>(form: DraftForm<T>, draft: { loading: boolean; restored: T | null; schedule: (data: T) => void }): boolean {
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState(false);
  const { reset, watch, getValues } = form;
  const { loading, restored: saved, schedule } = draft;
  // What the form held before any typing: typing done while the draft was still loading is saved
  // as soon as it has loaded (else a lock right after would lose it).
  const [initial] = useState(() => JSON.stringify(getValues()));
  useEffect(() => {
    if (ready || loading) return;
    const typedMeanwhile = JSON.stringify(getValues()) !== initial;
    if (saved && typeof saved === 'object' && !typedMeanwhile) {
      reset({ ...getValues(), ...saved }, { keepDefaultValues: true });
      setRestored(true);
    } else if (typedMeanwhile) {
      // What the person typed while the draft loaded wins over an older saved draft.
      schedule(getValues());
    }
    setReady(true);
  }, [getValues, initial, loading, ready, reset, saved, schedule]);
  useEffect(() => {
    // Typing is saved from the first keystroke, also while the draft is still loading: a lock at
    // that moment flushes it like any other (the registry only sees what was scheduled).
    const subscription = watch((values) => {
      if (ready || JSON.stringify(values) !== initial) schedule(values as T);
    });
    return () => subscription.unsubscribe();
  }, [initial, ready, schedule, watch]);
  return restored;
}

/**
 * A form's draft in one call: `restored` says whether a saved draft was put into the form.
 * `toDraft` leaves out what should not be kept (large files, say). `restore: false` keeps saving
 * but does not read the saved draft back (a search form that should open empty unless it is
 * reopening after a lock: pass `isResumable(key)` as read when it mounts).
 */
export function useFormDraft<T extends FieldValues>(form: DraftForm<T>, key: string, options: { enabled?: boolean; restore?: boolean; toDraft?: (values: T) => T } = {}) {
  const { enabled = true, restore = true, toDraft } = options;
  const draft = useDraft<T>(key, enabled, restore);
  const { schedule: save } = draft;
  const schedule = useCallback((values: T) => save(toDraft ? toDraft(values) : values), [save, toDraft]);
  const restored = useDraftBinding(form, { loading: draft.loading, restored: draft.restored, schedule });
  return { ...draft, restored };
}
