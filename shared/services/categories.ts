// Environment-free. The Guidelines' service categories (G:L193-225), shipped as data rows the office
// can add to. Which plan domain or well-being factor calls for which category is data as well
// (need_categories, migrations/0015_services.ts).
export const builtinCategories = [
  'health',
  'mental_health',
  'addiction',
  'disability',
  'education',
  'life_skills',
  'economic_strengthening',
  'material_support',
  'legal_aid',
  'alternative_care',
  'community_religious',
  'child_protection_committee',
  'peer_support',
] as const;
export type BuiltinCategory = (typeof builtinCategories)[number];

/** A category key: built-in ones above, or one an office added (lower-case letters, digits, _). */
export const categoryKeyPattern = /^[a-z][a-z0-9_]{1,39}$/;

/** A directory entry not verified for this many months is stale (flagged, B4.3). */
export const staleAfterMonths = 12;

/** True when `lastVerified` (ISO date, or null: never) is more than 12 months before `today`. */
export function isStale(lastVerified: string | null, today: string): boolean {
  if (!lastVerified) return true;
  const [y, m, d] = today.split('-').map(Number);
  const limit = new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10);
  return lastVerified < limit;
}
