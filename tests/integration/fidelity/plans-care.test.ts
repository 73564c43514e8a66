// Plans shared with care: a confidential objective is on the office's plan and never on the
// family's copy; the child's views on the plan are kept; each review records who took part, and a
// review without the child and the family is marked a desk review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeOnClock, planContent, verbalAck, type ClockOffice } from '../plans/helpers';

let o: ClockOffice;
let caseId: string;
beforeAll(async () => {
  o = await officeOnClock('2025-09-01T08:00:00.000Z');
  caseId = (await o.register()).id;
  await o.travelTo('2025-10-01T08:00:00.000Z');
});
afterAll(() => o.cleanup());

describe('plans shared with care', () => {
  it("a confidential objective stays on the office's plan and off the family's copy; the child's views are kept", async () => {
    const base = planContent();
    const secret = { ...base.objectives[0], objective: 'Trauma therapy after the abuse by the uncle', confidential: true };
    await o.worker.ok('plans.saveDraft', {
      caseId,
      expectedRevision: null,
      plan: { ...base, objectives: [...base.objectives, secret], childViews: 'I want to go to school near grandma' },
    });
    await o.worker.ok('plans.acknowledge', { caseId, version: 1, acknowledgement: verbalAck('2025-09-20') });
    const office = (await o.worker.ok('plans.get', { caseId })).current!;
    expect(office.objectives.filter((x) => x.confidential).map((x) => x.objective)).toEqual(['Trauma therapy after the abuse by the uncle']);
    expect(office.childViews).toBe('I want to go to school near grandma');
    const copy = await o.worker.ok('plans.familyCopy', { caseId });
    expect(copy?.withheld).toBe(1);
    expect(copy?.objectives).toHaveLength(base.objectives.length);
    expect(JSON.stringify(copy)).not.toContain('Trauma therapy');
    // Another worker cannot read either.
    expect((await o.other.call('plans.familyCopy', { caseId })).ok).toBe(false);
  });

  it('a review records who took part; without the child or family it is a desk review', async () => {
    await o.worker.ok('plans.review', { caseId, date: '2025-09-25', notes: 'Checked the file with the supervisor', participants: [{ role: 'case_worker' }, { role: 'supervisor' }] });
    await o.worker.ok('plans.review', {
      caseId,
      date: '2025-09-30',
      notes: 'Visited the family',
      participants: [{ role: 'child' }, { role: 'caregiver', name: 'Grandmother Aber' }],
      childViews: 'School is good',
    });
    const reviews = (await o.worker.ok('plans.get', { caseId })).reviews;
    expect(reviews.map((r) => [r.date, r.deskReview])).toEqual([
      ['2025-09-30', false],
      ['2025-09-25', true],
    ]);
    expect(reviews[0]).toMatchObject({ participants: [{ role: 'child' }, { role: 'caregiver', name: 'Grandmother Aber' }], childViews: 'School is good' });
  });
});
