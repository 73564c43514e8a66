// DOM. Auto-lock after idle. Activity is a key, a pointer press or a wheel turn; while the person
// is active the core hears a heartbeat at most once a minute (so its own idle check agrees), and
// once they have been idle for the office's auto-lock minutes the session is locked. Timers run on
// Date.now() rather than counting ticks, so a sleeping laptop locks as soon as it wakes.
// Before locking the person is warned (WCAG 2.2.1): `secondsLeft` counts down for the last minute
// (half the limit for a one-minute office) and any key, or `extend()`, starts the time again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api';

export const HEARTBEAT_MS = 60_000;
const CHECK_MS = 1_000;
const WARNING_MS = 60_000;

/** How long before the lock the warning shows: a minute, but never more than half the limit. */
export const warningMsFor = (limitMs: number): number => Math.min(WARNING_MS, Math.floor(limitMs / 2));

export interface IdleLockState {
  /** Seconds until the lock while the warning shows, else null. */
  secondsLeft: number | null;
  /** Counts as activity: the full time starts again. */
  extend(): void;
}

export function useIdleLock(autoLockMinutes: number, onIdle: () => void): IdleLockState {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const extendRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const limitMs = Math.max(1, autoLockMinutes) * 60_000;
    const warnAtMs = limitMs - warningMsFor(limitMs);
    let lastActivity = Date.now();
    let lastHeartbeat = Date.now();
    let fired = false;

    const idleFor = () => Date.now() - lastActivity;
    const fire = () => {
      if (fired) return;
      fired = true;
      setSecondsLeft(null);
      onIdleRef.current();
    };
    const heartbeat = () => {
      lastHeartbeat = lastActivity;
      call('session.heartbeat', {}).catch(() => {
        // SESSION_LOCKED and friends are handled by the session shell's error listener.
      });
    };

    const onActivity = () => {
      if (fired) return;
      // Activity after the limit (a laptop waking) must not count: the lock comes first.
      if (idleFor() >= limitMs) {
        fire();
        return;
      }
      const wasWarned = idleFor() >= warnAtMs;
      lastActivity = Date.now();
      setSecondsLeft(null);
      // Staying after a warning tells the core at once: its own idle clock is as close to the end.
      if (wasWarned || lastActivity - lastHeartbeat >= HEARTBEAT_MS) heartbeat();
    };
    extendRef.current = onActivity;

    const check = () => {
      const idle = idleFor();
      if (idle >= limitMs) fire();
      else if (idle >= warnAtMs) setSecondsLeft(Math.ceil((limitMs - idle) / 1000));
    };

    const options = { capture: true, passive: true } as const;
    window.addEventListener('keydown', onActivity, options);
    window.addEventListener('pointerdown', onActivity, options);
    window.addEventListener('wheel', onActivity, options);
    const timer = window.setInterval(check, CHECK_MS);
    return () => {
      window.removeEventListener('keydown', onActivity, options);
      window.removeEventListener('pointerdown', onActivity, options);
      window.removeEventListener('wheel', onActivity, options);
      window.clearInterval(timer);
    };
  }, [autoLockMinutes]);

  const extend = useCallback(() => extendRef.current(), []);
  return { secondsLeft, extend };
}
