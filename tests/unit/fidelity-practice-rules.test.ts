// The fidelity rules of the second part, in shared/: risk "not yet assessed", the child's views or
// a reasoned absence, what a spontaneous return makes due, and a halted case's review date.
import { describe, expect, it } from 'vitest';
import { childViewsAbsenceSchema, childViewsProblem } from '../../shared/casework/child-views';
import { caseRiskRank, riskChangeProblem } from '../../shared/cases/risk';
import { isDeskReview, objectivesFor } from '../../shared/family/confidential';
import { factorScores, formKey, lowFactors } from '../../shared/assessments/wellbeing';
import { addDays, dueState, haltReviewDateProblem, spontaneousTasks } from '../../shared/tasks/rules';

describe('risk level', () => {
  it('"not yet assessed" sorts below every level and is never a level itself', () => {
    expect(caseRiskRank.not_assessed).toBeLessThan(caseRiskRank.low);
  });
  it('a change by hand needs a reason; after an assessment the case cannot go back to "not yet assessed"', () => {
    expect(riskChangeProblem('not_assessed', 'high', '', false)).toBe('riskReasonRequired');
    expect(riskChangeProblem('not_assessed', 'high', 'Threats reported', false)).toBeNull();
    expect(riskChangeProblem('medium', 'not_assessed', 'Entered by mistake', true)).toBe('riskAlreadyAssessed');
    expect(riskChangeProblem('medium', 'not_assessed', 'Entered by mistake', false)).toBeNull();
    expect(riskChangeProblem('high', 'high', '', true)).toBeNull();
  });
});

describe("the child's views or a reasoned absence", () => {
  const absence = childViewsAbsenceSchema.parse({ reason: 'infant_or_young', method: 'observation', methodNote: 'Calm and smiling with the grandmother' });
  it('views in their own words pass; an absence with the method used passes; neither, or both, do not', () => {
    expect(childViewsProblem('I want to go home', null)).toBeNull();
    expect(childViewsProblem('', absence)).toBeNull();
    expect(childViewsProblem('  ', null)).toBe('required');
    expect(childViewsProblem('I want to go home', absence)).toBe('bothGiven');
  });
  it('an absence says what the method showed, and "other" says what the reason was', () => {
    expect(childViewsAbsenceSchema.safeParse({ reason: 'non_verbal', method: 'communication_aid', methodNote: '' }).success).toBe(false);
    expect(childViewsAbsenceSchema.safeParse({ reason: 'other', method: 'advocate', methodNote: 'Advocate says she wants to stay' }).success).toBe(false);
    expect(childViewsAbsenceSchema.safeParse({ reason: 'other', reasonNote: 'In hospital', method: 'advocate', methodNote: 'Wants to stay' }).success).toBe(true);
  });
});

describe('what is due', () => {
  it('a spontaneous return: a home visit within the visit days, four more within the baseline days', () => {
    const tasks = spontaneousTasks('2026-01-10', { spontaneousVisitDays: 7, spontaneousBaselineDays: 30 });
    expect(tasks).toEqual([
      { kind: 'home_visit', dueOn: '2026-01-17' },
      { kind: 'risk_assessment', dueOn: '2026-02-09' },
      { kind: 'safety_plan', dueOn: '2026-02-09' },
      { kind: 'family_assessment', dueOn: '2026-02-09' },
      { kind: 'wellbeing_baseline', dueOn: '2026-02-09' },
    ]);
  });
  it('a halt review is in the coming year, not today or before', () => {
    expect(haltReviewDateProblem('2026-01-10', '2026-01-10')).toBe('notInFuture');
    expect(haltReviewDateProblem(addDays('2026-01-10', 366), '2026-01-10')).toBe('tooFar');
    expect(haltReviewDateProblem('2026-04-10', '2026-01-10')).toBeNull();
  });
  it('overdue before today, soon within 14 days, later after', () => {
    expect(dueState('2026-01-09', '2026-01-10')).toBe('overdue');
    expect(dueState('2026-01-10', '2026-01-10')).toBe('soon');
    expect(dueState('2026-01-24', '2026-01-10')).toBe('soon');
    expect(dueState('2026-01-25', '2026-01-10')).toBe('later');
  });
});

describe('plans shared with care', () => {
  const objectives = [{ id: 'a', confidential: false }, { id: 'b', confidential: true }];
  it("the family never sees a confidential objective; office staff do; outside the office only by opting in", () => {
    expect(objectivesFor('family', objectives)).toEqual({ shown: [objectives[0]], withheld: 1 });
    expect(objectivesFor('office', objectives).shown).toHaveLength(2);
    expect(objectivesFor('outside', objectives).shown).toHaveLength(1);
    expect(objectivesFor('outside', objectives, { includeConfidential: true }).shown).toHaveLength(2);
  });
  it('a review without the child and the family is a desk review', () => {
    expect(isDeskReview([{ role: 'case_worker' }, { role: 'supervisor' }])).toBe(true);
    expect(isDeskReview([])).toBe(true);
    expect(isDeskReview([{ role: 'caregiver' }])).toBe(false);
  });
});

describe('well-being factor by factor, version-safe', () => {
  const scale = (id: string) => ({ id, type: 'scale' as const, label: { en: id, fr: id, es: id, pt: id, ar: id }, required: false });
  const labels = Array.from({ length: 4 }, (_, i) => ({ en: `${i + 1}`, fr: `${i + 1}`, es: `${i + 1}`, pt: `${i + 1}`, ar: `${i + 1}` }));
  const form = (factors: string[]) => ({
    scaleLabels: labels,
    childViewsRequired: false,
    domains: [{ id: 'protection', title: labels[0], questions: factors.map(scale) }],
  });
  it('abuse at 1 beside legal protection at 4 is flagged, not averaged away', () => {
    const scores = factorScores(form(['abuse_exploitation', 'legal_protection']), { abuse_exploitation: 1, legal_protection: 4 });
    expect(scores.map((s) => [s.factorId, s.score, s.low])).toEqual([
      ['abuse_exploitation', 1, true],
      ['legal_protection', 4, false],
    ]);
    expect(lowFactors(scores)).toEqual(['abuse_exploitation']);
  });
  it('versions with the same factors share a key (wording may change); adding a factor makes a new one', () => {
    const v1 = form(['abuse_exploitation', 'legal_protection']);
    const v2 = { ...v1, domains: [{ ...v1.domains[0], title: labels[1] }] };
    expect(formKey('csi', v1)).toBe(formKey('csi', v2));
    expect(formKey('csi', form(['abuse_exploitation', 'legal_protection', 'stigma']))).not.toBe(formKey('csi', v1));
  });
});
