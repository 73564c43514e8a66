// Environment-free. Where the child is, and who may learn it (G:L238 "not yet safe to reveal
// [the child's] location", Pr.4 G:L86). One helper every output calls before it shows or sends a
// placement: the case file (office staff), family copies and family-facing screens (plan copies,
// conference views), and anything that leaves the office (transfers, referrals, reports, exports).
export type Audience = 'office' | 'family' | 'outside';

export interface Placement {
  /** The place or address of the care arrangement. */
  place: string;
  /** The worker marked the placement confidential. */
  confidential: boolean;
}

export interface PlacementView {
  /** The place to show, or null when this audience must not see it. */
  place: string | null;
  /** Why it is withheld, for a translated "withheld" line: `cases:confidential.<reason>`. */
  withheld: 'confidentialPlacement' | null;
}

/**
 * What an audience may see of a placement. Office staff see it (flagged as confidential by the
 * caller). The family never sees a confidential placement. Outside the office it is excluded by
 * default: a sender must opt in (`includeConfidential`) for a receiver who needs it, and record why.
 */
export function placementFor(audience: Audience, placement: Placement, options: { includeConfidential?: boolean } = {}): PlacementView {
  if (!placement.confidential || audience === 'office') return { place: placement.place, withheld: null };
  if (audience === 'outside' && options.includeConfidential === true) return { place: placement.place, withheld: null };
  return { place: null, withheld: 'confidentialPlacement' };
}

/** Family members who must not learn where the child is never receive a placement, whatever its flag. */
export function placementForPerson(person: { mustNotKnowLocation: boolean }, placement: Placement): PlacementView {
  if (person.mustNotKnowLocation) return { place: null, withheld: 'confidentialPlacement' };
  return placementFor('family', placement);
}

/**
 * Plan objectives an audience may see (G:L152, L157, Pr.4 G:L86). A confidential objective — therapy
 * after abuse, HIV care, steps about an abusive household member — is for office staff only: never
 * in the family's copy or a family-facing view, and left out of anything that leaves the office
 * unless the sender opts in for a receiver who needs it.
 */
export function objectivesFor<T extends { confidential: boolean }>(audience: Audience, objectives: readonly T[], options: { includeConfidential?: boolean } = {}): { shown: T[]; withheld: number } {
  if (audience === 'office' || (audience === 'outside' && options.includeConfidential === true)) return { shown: [...objectives], withheld: 0 };
  const shown = objectives.filter((o) => !o.confidential);
  return { shown, withheld: objectives.length - shown.length };
}

/** Roles that count as the family for a plan review (with the child). */
const familyRoles = new Set(['child', 'caregiver', 'relative']);

/** A review with neither the child nor the family is a desk review, not the three-monthly review with them (A9). */
export function isDeskReview(participants: readonly { role: string }[]): boolean {
  return !participants.some((p) => familyRoles.has(p.role));
}
