// Node-only. Small tables for the safety seed (kept apart: the seed module may export only its contributor).
import type { RiskLevel } from '../../../shared/cases/fields';
export { riskCategories } from '../../../shared/safety/contract';

const pairs: [RiskLevel, RiskLevel][] = [
  ['low', 'medium'],
  ['medium', 'medium'],
  ['medium', 'high'],
  ['low', 'high'],
  ['high', 'high'],
];

/** Likelihood and impact for a random number in [0, 1). */
export function riskLevelsFor(r: number): [RiskLevel, RiskLevel] {
  return pairs[Math.min(pairs.length - 1, Math.floor(r * pairs.length))];
}
