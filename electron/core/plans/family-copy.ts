// Node-only. The family's copy of the plan in force (shared/plans/family.ts): built in the core,
// so a confidential objective never reaches a family-facing screen or document by mistake.
import { objectivesFor } from '../../../shared/family/confidential';
import { loadCase, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers } from '../handler';
import { readVersion, versionRow } from './read';

export function createPlanFamilyHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'plans.familyCopy': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const row = await versionRow(env.db(), caseId, 'current');
      const current = row ? await readVersion(env.db(), row) : null;
      await recordCaseView(env, caseId, 'planFamilyCopy');
      if (!current) return null;
      const { shown, withheld } = objectivesFor('family', current.objectives);
      return {
        version: current.version,
        objectives: shown.map(({ progress: _progress, confidential: _confidential, ...o }) => o),
        withheld,
        familyOwnership: current.familyOwnership,
        contingencyPlan: current.contingencyPlan,
      };
    },
  });
}
