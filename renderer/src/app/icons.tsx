// DOM. A few line icons (decorative: always aria-hidden, the text beside them carries the meaning).
import type { SectionId } from './sections';

const paths: Record<SectionId | 'lock' | 'logout' | 'key' | 'home', string> = {
  cases: 'M4 5h6l2 2h8v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5z',
  conferences: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 19c0-3 3-5 6-5s6 2 6 5m0-4.5c.6-.3 1.3-.5 2-.5 3 0 6 2 6 5',
  services: 'M12 3l8 4v5c0 4.5-3.4 8.3-8 9-4.6-.7-8-4.5-8-9V7l8-4z',
  referrals: 'M5 12h12m-4-5 5 5-5 5',
  reviews: 'M9 11l2 2 4-4m5 3a8 8 0 1 1-16 0 8 8 0 0 1 16 0z',
  transfers: 'M4 8h14l-3-3m5 11H6l3 3',
  reports: 'M5 20V10m7 10V4m7 16v-7',
  admin: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm7.4-1.5 1.6 1.2-2 3.4-1.9-.8a7 7 0 0 1-1.7 1l-.3 2h-4l-.3-2a7 7 0 0 1-1.7-1l-1.9.8-2-3.4 1.6-1.2a7 7 0 0 1 0-2l-1.6-1.2 2-3.4 1.9.8a7 7 0 0 1 1.7-1l.3-2h4l.3 2a7 7 0 0 1 1.7 1l1.9-.8 2 3.4-1.6 1.2a7 7 0 0 1 0 2z',
  lock: 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12v9H6z',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4m-4-4h10',
  key: 'M14 10a4 4 0 1 0-3.5 4H12v2h2v2h3v-3l-3.1-3.1c.1-.3.1-.6.1-.9z',
  home: 'M3 11l9-7 9 7v9h-6v-6H9v6H3z',
};

const directional = new Set<keyof typeof paths>(['logout', 'referrals', 'transfers']);

export function Icon({ name, className }: { name: keyof typeof paths; className?: string }) {
  return (
    <svg className={['icon', directional.has(name) ? 'icon--directional' : '', className ?? ''].filter(Boolean).join(' ')} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
