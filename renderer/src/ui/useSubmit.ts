// DOM. The one way a form (or an action button) does its work: clear the last error, do the work
// (the call, the draft's discard, the refresh of what it changed), say it worked in a toast, then
// what follows (close the dialog, empty the field). Any failure is kept for an <ErrorAlert> and
// nothing after it runs. Whether it is busy comes from react-hook-form's `isSubmitting` when the
// work runs inside `handleSubmit`, so no busy flag is kept here.
import { useCallback, useState } from 'react';
import { useToast } from './Toast';

export function useSubmit() {
  const toast = useToast();
  const [failure, setFailure] = useState<unknown>(null);
  /** Resolves true when the work was done (and the toast shown), false when it failed. */
  const run = useCallback(
    async (work: () => Promise<unknown>, done: string, after?: () => unknown): Promise<boolean> => {
      setFailure(null);
      try {
        await work();
        toast.show(done);
        await after?.();
        return true;
      } catch (error) {
        setFailure(error);
        return false;
      }
    },
    [toast],
  );
  return { failure, setFailure, run };
}
