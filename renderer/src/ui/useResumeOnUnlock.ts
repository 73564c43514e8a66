// DOM. A form that was open with typing when the session locked opens itself again when its opener
// comes back (after unlocking, or after "Continue" on the draft banner). One line per opener:
// `useResumeOnUnlock(draftKey, () => setOpen(true))`.
import { useEffect, useRef } from 'react';
import { isResumable, resumableDrafts } from './draftRegistry';

export function useResumeOnUnlock(key: string | null, reopen: () => void): void {
  const reopenRef = useRef(reopen);
  useEffect(() => {
    reopenRef.current = reopen;
  });
  useEffect(() => {
    // The offer is taken when the form registers its draft, not here: an opener that mounts
    // twice (a tab loading, then its data) still reopens it.
    if (key && isResumable(key)) reopenRef.current();
  }, [key]);
}

/**
 * For an opener of one form per record (a provider, a category, a received referral): when a
 * form whose draft key starts with `prefix` was open with typing at the lock, `reopen` gets the
 * rest of its key (the record's id, say). Waits until `ready` (the records it needs have loaded).
 */
export function useResumeOnUnlockAny(prefix: string, reopen: (rest: string) => void, ready = true): void {
  const reopenRef = useRef(reopen);
  useEffect(() => {
    reopenRef.current = reopen;
  });
  useEffect(() => {
    if (!ready) return;
    const found = resumableDrafts().find((draft) => draft.key.startsWith(prefix));
    if (found) reopenRef.current(found.key.slice(prefix.length));
  }, [prefix, ready]);
}
