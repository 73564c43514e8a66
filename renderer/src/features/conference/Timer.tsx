// DOM. A clock for the room: time since a moment, or left until one. Updated each second; the
// screen reader hears it only when asked (no live region ticking every second).
import { useEffect, useState } from 'react';

export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function Timer({ since, until, label, className }: { since?: string | null; until?: string | null; label: string; className?: string }) {
  const now = useNow();
  const ms = until ? Date.parse(until) - now : since ? now - Date.parse(since) : 0;
  return (
    <p className={className ?? 'conference-timer'}>
      <span className="visually-hidden">{label} </span>
      <time dir="ltr" aria-label={label}>
        {formatClock(ms)}
      </time>
    </p>
  );
}
