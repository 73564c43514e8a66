import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPreparationItems } from '../../../shared/preparation/schemas';
import { errorCode, officeOnClock, type ClockOffice } from '../plans/helpers';

let o: ClockOffice;
let caseId: string;

beforeAll(async () => {
  o = await officeOnClock('2025-09-01T08:00:00.000Z');
  caseId = (await o.register()).id;
  await o.travelTo('2025-10-01T08:00:00.000Z');
});
afterAll(() => o.cleanup());

const kinship = {
  arrangement: 'kinship_care' as const,
  place: 'Aunt Florence Achieng, Lira',
  distanceKm: 12.5,
  since: '2025-09-15',
  closeToHome: true,
  notes: 'Closest relative willing to care',
};

describe('care arrangement while waiting', () => {
  it('recording the arrangement updates the case header in the same step', async () => {
    const care = await o.worker.ok('preparation.setCareArrangement', { caseId, ...kinship });
    expect(care.arrangement).toBe('kinship_care');
    expect(care.recordedByName).toBe('Wanjiru Worker');
    const file = await o.worker.ok('cases.get', { caseId });
    expect(file.child.careArrangement).toBe('kinship_care');
    expect(file.child.carePlace).toBe('Aunt Florence Achieng, Lira');
    expect(file.facts.careArrangement).toBe(true);
  });

  it('a later arrangement becomes current and the earlier one is kept in the history', async () => {
    await o.worker.ok('preparation.setCareArrangement', {
      caseId,
      arrangement: 'foster_care',
      place: 'Foster family in Gulu town',
      distanceKm: 3,
      since: '2025-09-30',
      closeToHome: true,
    });
    const overview = await o.worker.ok('preparation.get', { caseId });
    expect(overview.careArrangement?.arrangement).toBe('foster_care');
    expect(overview.careHistory.map((c) => c.arrangement)).toEqual(['kinship_care']);
  });

  it('living on the street is not a care arrangement', async () => {
    const result = await o.worker.call('preparation.setCareArrangement', { caseId, ...kinship, arrangement: 'street' as never });
    expect(errorCode(result)).toBe('VALIDATION');
  });

  it('an arrangement starting in the future, or before the child was separated, is refused and nothing changes', async () => {
    for (const since of ['2099-01-01', '2020-01-01']) {
      const result = await o.worker.call('preparation.setCareArrangement', { caseId, ...kinship, since, place: 'Nowhere' });
      expect(errorCode(result)).toBe('INVALID_DATE');
    }
    expect(o.count('preparation_care', caseId)).toBe(2);
    expect((await o.worker.ok('cases.get', { caseId })).child.carePlace).toBe('Foster family in Gulu town');
  });
});

describe('preparation checklist', () => {
  it('the default checklist is added in one click, once', async () => {
    const first = await o.worker.ok('preparation.addDefaultItems', { caseId });
    expect(first.added).toBe(defaultPreparationItems.length);
    expect(first.items.every((i) => i.templateKey !== null && i.status === 'open')).toBe(true);
    const again = await o.worker.ok('preparation.addDefaultItems', { caseId });
    expect(again.added).toBe(0);
    const file = await o.worker.ok('cases.get', { caseId });
    expect(file.facts.preparationOpenItems).toBe(defaultPreparationItems.length);
  });

  it('items are added, finished, marked not applicable and removed; the open count follows', async () => {
    const added = await o.worker.ok('preparation.saveItem', {
      caseId,
      item: { area: 'education_school_enrolment', description: 'Meet the head teacher of Pece primary', owner: 'Wanjiru', dueDate: '2025-11-01' },
    });
    expect(added.status).toBe('open');
    let overview = await o.worker.ok('preparation.get', { caseId });
    expect(overview.openItems).toBe(defaultPreparationItems.length + 1);

    await o.worker.ok('preparation.saveItem', { caseId, item: { ...withoutMeta(added), status: 'done' } });
    const defaultItem = overview.items.find((i) => i.templateKey === 'disabilityAssessment')!;
    // Keeping the description empty keeps the translated default text.
    const kept = await o.worker.ok('preparation.saveItem', {
      caseId,
      item: { ...withoutMeta(defaultItem), status: 'not_applicable', notes: 'No disability' },
    });
    expect(kept.templateKey).toBe('disabilityAssessment');
    const rewritten = await o.worker.ok('preparation.saveItem', {
      caseId,
      item: { ...withoutMeta(overview.items.find((i) => i.templateKey === 'schoolEnrolment')!), description: 'Enrol at Pece primary' },
    });
    expect(rewritten.templateKey).toBeNull();
    await o.worker.ok('preparation.removeItem', { caseId, itemId: overview.items.find((i) => i.templateKey === 'lifeSkills')!.id });

    overview = await o.worker.ok('preparation.get', { caseId });
    expect(overview.items).toHaveLength(defaultPreparationItems.length);
    expect(overview.openItems).toBe(defaultPreparationItems.length - 2);
    expect((await o.worker.ok('cases.get', { caseId })).facts.preparationOpenItems).toBe(defaultPreparationItems.length - 2);
  });

  it('an item needs a description, and cannot be due before the case began', async () => {
    const empty = await o.worker.call('preparation.saveItem', { caseId, item: { area: 'other', description: '' } });
    expect(errorCode(empty)).toBe('VALIDATION');
    const early = await o.worker.call('preparation.saveItem', { caseId, item: { area: 'other', description: 'x', dueDate: '2024-01-01' } });
    expect(errorCode(early)).toBe('INVALID_DATE');
    const impossible = await o.worker.call('preparation.saveItem', { caseId, item: { area: 'other', description: 'x', dueDate: '2025-02-30' } });
    expect(errorCode(impossible)).toBe('VALIDATION');
    expect(o.count('preparation_items', caseId)).toBe(defaultPreparationItems.length);
  });

  it('an item of another case cannot be changed through this one', async () => {
    const otherCase = (await o.register()).id;
    const { items } = await o.worker.ok('preparation.addDefaultItems', { caseId: otherCase, areas: ['disability'] });
    expect(items.map((i) => i.area)).toEqual(['disability', 'disability']);
    const result = await o.worker.call('preparation.removeItem', { caseId, itemId: items[0].id });
    expect(errorCode(result)).toBe('NOT_FOUND');
  });
});

describe('who will monitor after reunification', () => {
  it('an agreement dated in the future is refused', async () => {
    const result = await o.worker.call('preparation.setMonitor', {
      caseId,
      name: 'Mr Ouma',
      role: 'teacher',
      agreedOn: '2099-01-01',
    });
    expect(errorCode(result)).toBe('INVALID_DATE');
    expect((await o.worker.ok('preparation.get', { caseId })).monitor).toBeNull();
  });

  it('the monitor is recorded, and replacing them keeps one monitor', async () => {
    await o.worker.ok('preparation.setMonitor', { caseId, name: 'Mr Ouma', role: 'teacher', contact: '+256 700 000 000', agreedOn: '2025-09-20' });
    const monitor = await o.worker.ok('preparation.setMonitor', { caseId, name: 'Sister Agnes', role: 'religious_leader', agreedOn: '2025-09-21' });
    expect(monitor.role).toBe('religious_leader');
    const overview = await o.worker.ok('preparation.get', { caseId });
    expect(overview.monitor?.name).toBe('Sister Agnes');
    expect((await o.worker.ok('cases.get', { caseId })).facts.monitorAssigned).toBe(true);
  });
});

describe('gates', () => {
  it('a case in preparation cannot move to reunification until it has a care arrangement and a monitor', async () => {
    const gated = (await o.register()).id;
    o.setStage(gated, 'preparation');
    let file = await o.worker.ok('cases.get', { caseId: gated });
    expect(file.next.blocked.map((g) => g.id)).toEqual(['careArrangement', 'monitorAssigned']);
    expect(file.next.blocked.every((g) => g.tab === 'preparation')).toBe(true);
    const blocked = await o.worker.call('cases.moveStage', { caseId: gated, version: file.version, to: 'reunification' });
    expect(errorCode(blocked)).toBe('GATE_BLOCKED');

    await o.worker.ok('preparation.setCareArrangement', { caseId: gated, ...kinship, since: '2025-10-01' });
    file = await o.worker.ok('cases.get', { caseId: gated });
    expect(file.next.blocked.map((g) => g.id)).toEqual(['monitorAssigned']);

    await o.worker.ok('preparation.setMonitor', { caseId: gated, name: 'Mr Ouma', role: 'teacher', agreedOn: '2025-10-01' });
    file = await o.worker.ok('cases.get', { caseId: gated });
    const moved = await o.worker.ok('cases.moveStage', { caseId: gated, version: file.version, to: 'reunification' });
    expect(moved.stage).toBe('reunification');
  });
});

describe('audit', () => {
  it('audit entries of preparation work hold ids and kinds, never names or narrative', async () => {
    const details = o.auditDetails(caseId).join('\n');
    expect(details).toContain('preparation.careArrangement');
    expect(details).toContain('preparation.monitorSet');
    for (const secret of ['Florence', 'Achieng', 'Lira', 'Foster family', 'Ouma', 'Agnes', 'Pece', '+256', 'No disability', 'Closest relative']) {
      expect(details).not.toContain(secret);
    }
  });
});

function withoutMeta<T extends { updatedAt: string; templateKey: string | null }>(item: T) {
  const { updatedAt: _u, templateKey: _t, ...rest } = item;
  return rest;
}
