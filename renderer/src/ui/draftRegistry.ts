// DOM. Every form that keeps a draft registers here while it is on screen, so the session shell can
// save all typing BEFORE a lock, auto-lock, logout or switch of user reaches the core (after it the
// core refuses the save: the key is gone). One mechanism for every form, not a fix per screen.
// It also remembers which forms were open when the session locked, so they can be offered again
// (or reopen themselves) after unlocking. Only draft keys are kept here, never what was typed.

export interface OpenDraft {
  /** The draft's key in the core, e.g. `case:<id>:notes:new`. */
  key: string;
  /** Saves what is still pending now; resolves once the core has it (or refused it). */
  flush(): Promise<void>;
  /** Whether the form holds typing (pending or saved) worth offering again after unlock. */
  hasTyping(): boolean;
}

export interface ResumableDraft {
  key: string;
  /** The page (hash route) the form was on. */
  path: string;
}

const open = new Map<number, OpenDraft>();
let nextId = 1;
let resumable: ResumableDraft[] = [];
const listeners = new Set<() => void>();

/** Registers a form's draft while it is mounted; returns the function that unregisters it. */
export function registerOpenDraft(draft: OpenDraft): () => void {
  const id = nextId++;
  open.set(id, draft);
  // The form is open again: its offer is taken (an opener may mount twice before the form does).
  takeResumableDraft(draft.key);
  return () => {
    open.delete(id);
  };
}

/** How long a lock waits for drafts at most: a hung save must not keep the screen unlocked. */
export const FLUSH_TIMEOUT_MS = 4000;

/**
 * Saves every open form's draft and remembers which ones held typing (for the resume offer).
 * Never throws: the lock goes ahead whatever happens to the saves.
 */
export async function flushOpenDrafts(options: { remember: boolean } = { remember: true }): Promise<void> {
  const drafts = [...open.values()];
  if (options.remember) {
    const path = window.location.hash.replace(/^#/, '') || '/';
    resumable = drafts.filter((draft) => draft.hasTyping()).map((draft) => ({ key: draft.key, path }));
    notify();
  }
  if (drafts.length === 0) return;
  const all = Promise.allSettled(drafts.map((draft) => draft.flush()));
  let timer: number | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = window.setTimeout(resolve, FLUSH_TIMEOUT_MS);
  });
  await Promise.race([all, timeout]);
  window.clearTimeout(timer);
}

/** The forms that were open with typing when the session locked. */
export function resumableDrafts(): readonly ResumableDraft[] {
  return resumable;
}

/** Whether the form under `key` was open with typing when the session locked. */
export function isResumable(key: string): boolean {
  return resumable.some((draft) => draft.key === key);
}

/** Takes the resume offer for `key` (the form is open again); true when there was one. */
export function takeResumableDraft(key: string): boolean {
  const before = resumable.length;
  resumable = resumable.filter((draft) => draft.key !== key);
  if (resumable.length !== before) {
    notify();
    return true;
  }
  return false;
}

/** Forgets every resume offer (logout, switch user: the next person must not see them). */
export function forgetResumableDrafts(): void {
  resumable = [];
  notify();
}

export function onResumableChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function notify() {
  for (const listener of listeners) listener();
}
