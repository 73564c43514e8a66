// Shared set-up for the closure and review tests: the reunification team plus a second supervisor
// (samuel), so that four eyes can be exercised; and a complete closure checklist.
import type { InProcessClient } from '../../../electron/core/client';
import type { ClosureChecklistInput } from '../../../shared/closure/contract';
import { adminPassword, createUserReady, supervisorPassword } from '../../fixtures/core';
import { setUpTeam, type Team } from '../reunification/fixture';

export interface ReviewTeam extends Team {
  samuel: InProcessClient;
  raw(): import('../../../electron/core/db/open').RawDatabase;
  count(table: string, caseId: string): number;
  version(caseId: string): Promise<number>;
}

export async function setUpReviewTeam(): Promise<ReviewTeam> {
  const team = await setUpTeam();
  const admin = await team.office.login('admin', adminPassword);
  await createUserReady(admin, team.office.login, { username: 'samuel', displayName: 'Samuel Supervisor', role: 'supervisor', password: supervisorPassword });
  const samuel = await team.office.login('samuel', supervisorPassword);
  const raw = () => team.office.core.store.get().raw;
  return {
    ...team,
    samuel,
    raw,
    count: (table, caseId) => (raw().prepare(`SELECT count(*) AS n FROM ${table} WHERE case_id = ?`).get(caseId) as { n: number }).n,
    version: async (caseId) => (await team.supervisor.ok('cases.get', { caseId })).version,
  };
}

export const completeChecklist: ClosureChecklistInput = {
  observationsReviewed: true,
  progressReviewed: true,
  providersConsulted: 'Head teacher (attends daily); health centre nurse (no concerns)',
  risks: [
    { risk: 'Economic shock after the harvest', likelihood: 2, severity: 2, mitigation: 'Savings group membership' },
    { risk: 'Stepfather returns', likelihood: 1, severity: 3, mitigation: 'Community committee alerted' },
  ],
  childViews: 'I feel at home. I want to stay with my mother.',
  familyViews: 'We are managing; we know whom to call.',
};
