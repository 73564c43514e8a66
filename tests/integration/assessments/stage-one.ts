// Test helpers shared by the tracing, assessments, safety and bid tests: an office whose clock the
// test controls (cases registered in January, work recorded up to June), and the records that
// take a case through every stage-1 gate this team owns.
import type { InProcessClient } from '../../../electron/core/client';
import type { AssessmentTemplate } from '../../../shared/assessments/contract';
import { adminPassword, setUpStaffedOffice, supervisorPassword, testClock, workerPassword } from '../../fixtures/core';

export const REGISTERED_ON = '2025-01-10';
export const TODAY = '2025-06-02';

export const child = {
  givenName: 'Amélie',
  familyName: 'Nduwimana',
  sex: 'female' as const,
  dateOfBirth: '2013-04-02',
  separationReasons: ['poverty' as const, 'street_connection' as const],
  separationPlace: 'Gulu market',
  area: 'Gulu',
  careArrangement: 'transit_centre' as const,
};

/** Names and narrative the audit log must never carry. */
export const secrets = {
  childGiven: 'Amélie',
  childFamily: 'Nduwimana',
  relative: 'Okello Grace',
  narrative: 'beaten by the stepfather',
  childWords: 'I miss my grandmother',
};

export async function stageOneOffice() {
  const clock = testClock(`${REGISTERED_ON}T08:00:00.000Z`);
  const office = await setUpStaffedOffice({ now: clock.now });
  let worker = await office.login('wanjiru', workerPassword);
  const { id: caseId } = await worker.ok('cases.register', { child });
  // Tracing is checked against consent (shared/consents/rules.ts): the guardian agreed at registration.
  await worker.ok('consents.record', {
    caseId,
    consent: { givenBy: 'guardian', giverName: 'District Probation Officer', relationship: 'guardian', purposes: ['tracing', 'photo_tracing'], method: 'written', date: REGISTERED_ON },
  });
  // Months of case work later: fresh sessions (the idle lock would have closed the old ones).
  clock.set(`${TODAY}T09:00:00.000Z`);
  worker = await office.login('wanjiru', workerPassword);
  const other = await office.login('omar', workerPassword);
  const supervisor = await office.login('sara', supervisorPassword);
  const admin = await office.login('admin', adminPassword);
  return { office, clock, caseId, worker, other, supervisor, admin };
}

export async function template(client: InProcessClient, key: string): Promise<AssessmentTemplate> {
  const all = await client.ok('assessments.templates', {});
  const found = all.find((t) => t.key === key);
  if (!found) throw new Error(`no template ${key}`);
  return found;
}

/** Answers every question of a template: scale questions with `score`, the rest plausibly. */
export function fullAnswers(t: AssessmentTemplate, score = 3): Record<string, number | boolean | string> {
  const answers: Record<string, number | boolean | string> = {};
  for (const d of t.definition.domains) {
    for (const q of d.questions) {
      if (q.type === 'scale') answers[q.id] = score;
      else if (q.type === 'yes_no') answers[q.id] = false;
      else if (q.type === 'choice') answers[q.id] = q.options?.[0]?.value ?? '';
      else answers[q.id] = `Notes on ${q.id}: ${secrets.narrative}`;
    }
  }
  return answers;
}

export async function completeAssessment(client: InProcessClient, caseId: string, key: string, date = '2025-03-01', score = 3) {
  const t = await template(client, key);
  return client.ok('assessments.save', {
    caseId,
    templateKey: t.key,
    templateVersion: t.version,
    date,
    participants: [{ role: 'caregiver', name: secrets.relative, perspective: secrets.narrative }],
    answers: fullAnswers(t, score),
    childViews: secrets.childWords,
    complete: true,
  });
}

export const foundAction = {
  date: '2025-02-03',
  method: 'home_visit' as const,
  place: 'Koro village',
  area: 'Gulu',
  personContacted: secrets.relative,
  result: 'family_found' as const,
  notes: `Grandmother confirmed; ${secrets.narrative}`,
};

export const riskAssessment = {
  date: '2025-03-05',
  overallLevel: 'high' as const,
  summary: secrets.narrative,
  risks: [
    {
      category: 'violence' as const,
      description: secrets.narrative,
      likelihood: 'medium' as const,
      impact: 'high' as const,
      mitigation: 'Stepfather attends a parenting group; weekly visits',
      responsible: 'Wanjiru Worker',
      dueDate: '2025-07-01',
    },
  ],
};

export const safetyPlan = {
  trustedContacts: [{ name: secrets.relative, relationship: 'grandmother', phone: '+256 700 000000', howToReach: 'Next house to the church' }],
  ifHarmed: 'Go to the grandmother or the church; call the child helpline 116',
  ifBreakdown: 'Call the social worker; stay with the grandmother',
  emergencyRoute: 'Grandmother → police child desk → district office',
  childKnows: true,
  reviewedWithChildOn: '2025-03-06',
};

export const approvableBid = {
  date: '2025-03-10',
  panel: [
    { name: 'Sara Supervisor', role: 'Supervisor', agency: 'District office', view: 'Home is safe with support', recommendation: 'reintegration_with_family' as const },
    { name: 'Dr. Akello', role: 'Psychologist', agency: 'Health centre', view: 'Child attached to grandmother', recommendation: 'kinship_care' as const },
  ],
  optionsConsidered: [
    { option: 'reintegration_with_family' as const, assessment: 'Family wants her back' },
    { option: 'kinship_care' as const, assessment: 'Grandmother could care' },
  ],
  childViews: secrets.childWords,
  decision: 'reintegration_with_family' as const,
  reasons: 'Family assessed as safe with a safety plan; the child wishes to return',
};

/** Takes a case through every gate of stage 1 that tracing, assessments, safety and BID own. */
export async function passStageOne(worker: InProcessClient, supervisor: InProcessClient, caseId: string) {
  await worker.ok('tracing.add', { caseId, action: foundAction });
  await completeAssessment(worker, caseId, 'child_assessment');
  await completeAssessment(worker, caseId, 'family_assessment');
  await worker.ok('safety.saveRiskAssessment', { caseId, basedOn: 0, assessment: riskAssessment });
  await worker.ok('safety.saveSafetyPlan', { caseId, basedOn: 0, plan: safetyPlan });
  const bid = await worker.ok('bid.save', { caseId, bid: approvableBid });
  const submitted = await worker.ok('bid.submit', { caseId, bidId: bid.id, version: bid.version });
  await supervisor.ok('bid.approve', { caseId, bidId: bid.id, version: submitted.version });
}

export function codeOf(result: { ok: boolean; error?: { code: string } }): string | null {
  return result.ok ? null : (result.error?.code ?? null);
}
