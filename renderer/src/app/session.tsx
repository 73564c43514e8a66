// DOM. The session shell's state: which gate the app is at (setup, login, locked, ready), the
// signed-in person, and the moves between gates. Every move away from "ready" empties the query
// cache and the toasts, and the gate unmounts the whole app frame, so nothing confidential stays in
// memory or in the DOM behind the lock screen.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChannelOutput } from '@shared/contract';
import type { Language } from '@shared/i18n/languages';
import type { SessionInfo } from '@shared/session/contract';
import { call, onApiError } from '../api';
import { preferredLanguage, setLanguage } from '../i18n';
import { flushOpenDrafts, forgetResumableDrafts } from '../ui/draftRegistry';
import { LockProvider } from '../ui/lockAction';
import { useToast } from '../ui/Toast';

export type Status = ChannelOutput<'session.status'>;
export type Gate = 'loading' | 'unreachable' | 'setup' | 'login' | 'locked' | 'newPassword' | 'ready';

interface SessionContextValue {
  gate: Gate;
  status: Status | null;
  session: SessionInfo | null;
  /** The language picked on the setup or login screen (before anyone is signed in). */
  screenLanguage: Language;
  chooseScreenLanguage(language: Language): void;
  refresh(): Promise<void>;
  /** After login or unlock. */
  signedIn(info: SessionInfo): Promise<void>;
  updateSession(info: SessionInfo): void;
  lock(): Promise<void>;
  logout(kind?: 'logout' | 'switchUser'): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function gateOf(status: Status | null, failed: boolean): Gate {
  if (failed) return 'unreachable';
  if (!status) return 'loading';
  if (status.setupRequired) return 'setup';
  if (!status.session) return 'login';
  if (status.session.locked) return 'locked';
  // A password an administrator set: the person chooses their own before the app opens.
  return status.session.mustChangePassword ? 'newPassword' : 'ready';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [status, setStatus] = useState<Status | null>(null);
  const [failed, setFailed] = useState(false);
  const [pickedLanguage, setPickedLanguage] = useState<Language | null>(null);
  const gate = gateOf(status, failed);

  /** Forgets everything confidential the renderer holds. */
  const forget = useCallback(() => {
    void queryClient.cancelQueries();
    queryClient.clear();
    toast.clear();
  }, [queryClient, toast]);

  const refresh = useCallback(async () => {
    try {
      const next = await call('session.status', {});
      setFailed(false);
      setStatus(next);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Leaving "ready" for any reason (lock, logout, auto-lock, the core refusing) drops the cache.
  const previousGate = useRef<Gate>(gate);
  useEffect(() => {
    if (previousGate.current === 'ready' && gate !== 'ready') forget();
    previousGate.current = gate;
  }, [gate, forget]);

  const markLocked = useCallback(() => {
    forget();
    setStatus((current) =>
      current?.session ? { ...current, session: { ...current.session, locked: true } } : current,
    );
  }, [forget]);

  // Any call that meets a locked or ended session sends the shell to the right gate.
  useEffect(
    () =>
      onApiError((error) => {
        if (error.code === 'SESSION_LOCKED') markLocked();
        else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
          // An administrator reset this person's password while they were signed in.
          forget();
          void refresh();
        }
        else if (error.code === 'NOT_AUTHENTICATED' && error.channel !== 'session.status') {
          forget();
          void refresh();
        }
      }),
    [markLocked, forget, refresh],
  );

  // Coming back to the window: the core may have locked or ended the session meanwhile.
  useEffect(() => {
    if (gate !== 'ready' && gate !== 'locked') return undefined;
    const onFocus = () => void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [gate, refresh]);

  const session = status?.session ?? null;
  const screenLanguage: Language = pickedLanguage ?? status?.office?.defaultLanguage ?? preferredLanguage();
  const language = session?.language ?? screenLanguage;
  useEffect(() => setLanguage(language), [language]);

  const updateSession = useCallback((info: SessionInfo) => {
    setStatus((current) => (current ? { ...current, session: info } : current));
  }, []);

  const signedIn = useCallback(
    async (info: SessionInfo) => {
      let next = info;
      // A language picked on the login screen becomes the person's language.
      if (pickedLanguage && pickedLanguage !== info.language && !info.locked) {
        try {
          next = await call('session.setLanguage', { language: pickedLanguage });
        } catch {
          next = info;
        }
      }
      setPickedLanguage(null);
      setStatus((current) => (current ? { ...current, session: next } : current));
    },
    [pickedLanguage],
  );

  const lock = useCallback(async () => {
    // Typing still on its way to the core is saved first: once locked, the core refuses it.
    await flushOpenDrafts({ remember: true });
    markLocked();
    try {
      await call('session.lock', {});
    } catch {
      // Locked or ended already: the status check below tells which.
    }
    await refresh();
  }, [markLocked, refresh]);

  const logout = useCallback(
    async (kind: 'logout' | 'switchUser' = 'logout') => {
      await flushOpenDrafts({ remember: false });
      forgetResumableDrafts();
      forget();
      try {
        await call(kind === 'logout' ? 'session.logout' : 'session.switchUser', {});
      } catch {
        // Already ended.
      }
      // The next person starts at the beginning, not on the previous person's page.
      if (window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
      setPickedLanguage(null);
      setStatus((current) => (current ? { ...current, session: null } : current));
      await refresh();
    },
    [forget, refresh],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      gate,
      status,
      session,
      screenLanguage,
      chooseScreenLanguage: setPickedLanguage,
      refresh,
      signedIn,
      updateSession,
      lock,
      logout,
    }),
    [gate, status, session, screenLanguage, refresh, signedIn, updateSession, lock, logout],
  );

  const lockNow = useCallback(() => void lock(), [lock]);
  return (
    <SessionContext.Provider value={value}>
      <LockProvider lock={gate === 'ready' ? lockNow : null}>{children}</LockProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in, unlocked session (only inside the app frame). */
export function useReadySession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('no session');
  return session;
}
