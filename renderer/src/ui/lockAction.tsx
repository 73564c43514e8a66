// DOM. Locking at once from anywhere: the session shell provides `lock`, and ui pieces (the lock
// button of every dialog, the shortcut) use it without importing the app shell. A modal dialog
// makes the page behind it inert, so each dialog carries its own Lock button.
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const LockContext = createContext<(() => void) | null>(null);

/** Ctrl+Shift+L (⌘⇧L on a Mac): free in Chromium and Electron's default menus. */
export const LOCK_SHORTCUT_ARIA = 'Control+Shift+L Meta+Shift+L';

export function isLockShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.code === 'KeyL';
}

export function LockProvider({ lock, children }: { lock: (() => void) | null; children: ReactNode }) {
  useEffect(() => {
    if (!lock) return undefined;
    // Capture phase on window: it fires inside a modal dialog and before any field handles the key.
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      event.stopPropagation();
      lock();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [lock]);
  return <LockContext.Provider value={lock}>{children}</LockContext.Provider>;
}

export function useLockAction(): (() => void) | null {
  return useContext(LockContext);
}

const lockIcon = 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12v9H6z';

/** The Lock button (the top bar's, and a small one in each dialog's header). */
export function LockButton({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const lock = useLockAction();
  if (!lock) return null;
  return (
    <button
      type="button"
      className={compact ? 'btn btn--ghost btn--sm dialog__lock' : 'btn btn--secondary btn--sm'}
      onClick={() => lock()}
      aria-keyshortcuts={LOCK_SHORTCUT_ARIA}
      title={t('lock.shortcutHint')}
    >
      <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={lockIcon} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>{t('actions.lock')}</span>
    </button>
  );
}
