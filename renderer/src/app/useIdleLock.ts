// DOM. Auto-lock after idle. Activity is a key, a pointer press or a wheel turn; while the person
// is active the core hears a heartbeat at most once a minute (so its own idle check agrees), and
// once they have been idle for the office's auto-lock minutes the session is locked. Timers run on
// Date.now() rather than counting ticks, so a sleeping laptop locks as soon as it wakes.
import { useEffect, useRef } from 'react';
import { call } from '../api';

export const HEARTBEAT_MS = 60_000;
const CHECK_MS = 5_000;

export function useIdleLock(autoLockMinutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    const limitMs = Math.max(1, autoLockMinutes) * 60_000;
    let lastActivity = Date.now();
    let lastHeartbeat = Date.now();
    let fired = false;

    const idleFor = () => Date.now() - lastActivity;
    const fire = () => {
      if (fired) return;
      fired = true;
      onIdleRef.current();
    };

    const onActivity = () => {
      if (fired) return;
      // Activity after the limit (a laptop waking) must not count: the lock comes first.
      if (idleFor() >= limitMs) {
        fire();
        return;
      }
      lastActivity = Date.now();
      if (lastActivity - lastHeartbeat >= HEARTBEAT_MS) {
        lastHeartbeat = lastActivity;
        call('session.heartbeat', {}).catch(() => {
          // SESSION_LOCKED and friends are handled by the session shell's error listener.
        });
      }
    };

    const check = () => {
      if (idleFor() >= limitMs) fire();
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
}
