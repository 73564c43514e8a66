// DOM. The draft of a form kept in React state rather than react-hook-form (the closure checklist,
// a review decision): the saved draft is put back once it has loaded, unless the person already
// typed, and every change is saved as the new draft from the first keystroke (ui/useDraft: so the
// lock screen, navigating away or closing the form never loses typing).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDraft } from './useDraft';

export function useStateDraft<T extends object>(key: string, initial: T, enabled = true) {
  const draft = useDraft<T>(key, enabled);
  const [values, setValues] = useState<T>(initial);
  const current = useRef(values);
  const typed = useRef(false);
  const [ready, setReady] = useState(false);
  const { loading, restored, schedule, discard } = draft;
  useEffect(() => {
    if (ready || loading) return;
    if (restored && typeof restored === 'object' && !typed.current) {
      current.current = { ...current.current, ...restored };
      setValues(current.current);
    }
    setReady(true);
  }, [loading, ready, restored]);
  const update = useCallback(
    (patch: Partial<T>) => {
      typed.current = true;
      current.current = { ...current.current, ...patch };
      setValues(current.current);
      schedule(current.current);
    },
    [schedule],
  );
  return { values, update, discard, restoredAt: ready && restored ? draft.restoredAt : null, savedAt: draft.savedAt };
}
