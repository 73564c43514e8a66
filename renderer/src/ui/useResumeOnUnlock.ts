// DOM. A form that was open with typing when the session locked opens itself again when its opener
// comes back (after unlocking, or after "Continue" on the draft banner). One line per opener:
// `useResumeOnUnlock(draftKey, () => setOpen(true))`.
import { useEffect, useRef } from 'react';
import { isResumable } from './draftRegistry';

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
