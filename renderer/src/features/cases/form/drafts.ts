// DOM. Form drafts kept by the core (encrypted, per user) while the person types: closing the form,
// navigating away or the lock screen never loses typing. Saves are debounced and flushed when the
// form goes away.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api';

const SAVE_DELAY_MS = 600;

export function useDraft(key: string) {
  return useQuery({
    queryKey: ['drafts', key],
    queryFn: () => call('drafts.get', { key }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

export function discardDraft(key: string): Promise<unknown> {
  return call('drafts.discard', { key }).catch(() => undefined);
}

/** Returns `schedule(data)` to call on every change, and when the last save happened. */
export function useAutosave(key: string, enabled: boolean) {
  const pending = useRef<{ data: unknown } | null>(null);
  const timer = useRef<number | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    call('drafts.save', { key, data: next.data })
      .then((result) => {
        setSavedAt(result.savedAt);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [key]);

  const schedule = useCallback(
    (data: unknown) => {
      if (!enabled) return;
      pending.current = { data };
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, SAVE_DELAY_MS);
    },
    [enabled, flush],
  );

  /** Forgets unsaved changes (after the form was submitted). */
  const cancel = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);

  useEffect(() => flush, [flush]);

  return { schedule, cancel, flush, savedAt, failed };
}
