// DOM. Short confirmations ("User created") announced politely through one live region. Toasts are
// dropped on lock and logout with everything else.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ToastTone = 'success' | 'info' | 'warning' | 'danger';

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
  shownAt: number;
}

interface ToastApi {
  show(message: string, tone?: ToastTone): void;
  clear(): void;
  /** Drops the messages shown more than `ms` ago (those of an earlier page). */
  clearOlderThan(ms: number): void;
}

const ToastContext = createContext<ToastApi | null>(null);

const TOAST_MS = 6000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());
  const { t } = useTranslation();

  const dismiss = useCallback((id: number) => {
    setItems((current) => current.filter((item) => item.id !== id));
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const api = useMemo<ToastApi>(
    () => ({
      show(message, tone = 'success') {
        const id = nextId.current++;
        setItems((current) => [...current.slice(-3), { id, message, tone, shownAt: Date.now() }]);
        timers.current.set(id, window.setTimeout(() => dismiss(id), TOAST_MS));
      },
      clear() {
        for (const timer of timers.current.values()) window.clearTimeout(timer);
        timers.current.clear();
        setItems([]);
      },
      clearOlderThan(ms) {
        const before = Date.now() - ms;
        setItems((current) => {
          const kept = current.filter((item) => item.shownAt >= before);
          for (const item of current) {
            if (item.shownAt >= before) continue;
            const timer = timers.current.get(item.id);
            if (timer !== undefined) window.clearTimeout(timer);
            timers.current.delete(item.id);
          }
          return kept.length === current.length ? current : kept;
        });
      },
    }),
    [dismiss],
  );

  useEffect(() => () => api.clear(), [api]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className="toasts" aria-label={t('toasts.region')}>
        <div role="status" aria-live="polite" aria-atomic="false" className="toasts__list">
          {items.map((item) => (
            <div key={item.id} className={`toast toast--${item.tone}`}>
              <span className="toast__message">{item.message}</span>
              <button type="button" className="icon-button icon-button--small" onClick={() => dismiss(item.id)} aria-label={t('actions.dismiss')}>
                <span aria-hidden="true">×</span>
              </button>
            </div>
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast outside ToastProvider');
  return api;
}
