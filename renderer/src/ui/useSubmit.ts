// DOM. The one way a form (or an action button) does its work: clear the last error, do the work
// (the call, the draft's discard, the refresh of what it changed), say it worked in a toast, then
// what follows (close the dialog). A failure is first offered to `onError` (which puts the core's
// issues on the form's fields and returns true when it did); else it is kept for an <ErrorAlert>.
// Whether it is busy comes from react-hook-form's `isSubmitting` when the work runs inside
// `handleSubmit`, so no busy flag is kept here.
import { useCallback, useState } from 'react';
import { useToast } from './Toast';

export interface SubmitOptions {
  /** Runs after the toast (close the dialog, say). */
  then?: () => unknown;
  /** Puts the error on the form's fields; true when it did (no alert then). */
  onError?: (error: unknown) => boolean;
}

export function useSubmit() {
  const toast = useToast();
  const [failure, setFailure] = useState<unknown>(null);
  /** Resolves true when the work was done (and `done`, if any, shown as a toast), false when it failed. */
  const run = useCallback(
    async (work: () => Promise<unknown>, done: string | null, options: SubmitOptions = {}): Promise<boolean> => {
      setFailure(null);
      try {
        await work();
        if (done) toast.show(done);
        await options.then?.();
        return true;
      } catch (error) {
        if (!options.onError?.(error)) setFailure(error);
        return false;
      }
    },
    [toast],
  );
  return { failure, run };
}
