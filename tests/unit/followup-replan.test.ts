// Re-planning one case after a protocol change (shared/followup/replan.ts), with answers worked
// out by hand. Reunified on 2026-01-10, today 2026-01-30 (day 20). The shipped protocol planned
// home visits on 01-17 (held), 01-24 (overdue), 02-10, 03-10, 04-10, 07-10, 10-10 (moved by a
// supervisor) and 2027-01-10, calls on 01-31 and 02-21 and a community report on 05-10; a
// supervisor added a school visit on 02-04. The new protocol: home visits at week 1, month 1 and
// month 6, a call at month 2.
import { describe, expect, it } from 'vitest';
import { defaultProtocol, planSchedule, replanCase, type ProtocolDefinition, type ReplanContact } from '../../shared/followup/contract';

const start = '2026-01-10';
const today = '2026-01-30';
const step = (unit: 'day' | 'week' | 'month', amount: number, type: ReplanContact['type'] = 'home_visit') => ({ unit, amount, type, performer: 'case_worker' as const });
const changed: ProtocolDefinition = { steps: [step('week', 1), step('month', 1), step('month', 2, 'phone_call'), step('month', 6)], highRiskSteps: [], maxFaceToFaceGapDays: 90 };

function contacts(): ReplanContact[] {
  const planned: ReplanContact[] = planSchedule(defaultProtocol, { start, highRisk: false }).map((s) => ({ ...s, id: `${s.dueOn}:${s.type}`, status: 'planned', reason: null }));
  const at = (id: string) => planned.find((c) => c.id === id)!;
  at('2026-01-17:home_visit').status = 'done';
  Object.assign(at('2026-10-10:home_visit'), { dueOn: '2026-10-20', reason: 'Family away for the harvest' });
  return [...planned, { id: 'added', dueOn: '2026-02-04', type: 'school_visit', performer: 'case_worker', source: 'adjusted', status: 'planned', reason: 'Teacher worried' }];
}

describe('re-planning a case in follow-up', () => {
  it('replaces the future protocol contacts that differ, plans the new ones, and keeps those both protocols plan', () => {
    const change = replanCase(planSchedule(changed, { start, highRisk: false }), contacts(), today);
    expect(change.cancel.sort()).toEqual(['2026-01-31:phone_call', '2026-02-21:phone_call', '2026-03-10:home_visit', '2026-04-10:home_visit', '2026-05-10:community_report', '2027-01-10:home_visit']);
    expect(change.add).toEqual([{ dueOn: '2026-03-10', type: 'phone_call', performer: 'case_worker', source: 'protocol' }]);
  });

  it('never touches a held visit, an overdue contact, or one a supervisor added or moved', () => {
    const change = replanCase(planSchedule(changed, { start, highRisk: false }), contacts(), today);
    for (const id of ['2026-01-17:home_visit', '2026-01-24:home_visit', '2026-10-10:home_visit', 'added']) expect(change.cancel).not.toContain(id);
    // Nothing is planned in the past: the new week-1 visit (01-17) is not added again.
    expect(change.add.every((s) => s.dueOn >= today)).toBe(true);
  });

  it('does not plan a contact where a kept one of the same type already falls that day', () => {
    const withSchool: ProtocolDefinition = { ...changed, steps: [...changed.steps, step('day', 25, 'school_visit')] };
    const change = replanCase(planSchedule(withSchool, { start, highRisk: false }), contacts(), today);
    expect(change.add.map((s) => `${s.dueOn}:${s.type}`)).toEqual(['2026-03-10:phone_call']);
  });

  it('does not plan again a contact a supervisor cancelled with a reason; one the core cancelled is no obstacle', () => {
    const cancelledBy = (reason: string) =>
      contacts().map((c) => (c.id === '2026-03-10:home_visit' ? { ...c, status: 'cancelled' as const, reason } : c));
    const schedule = planSchedule(defaultProtocol, { start, highRisk: false });
    expect(replanCase(schedule, cancelledBy('Family moved; a school visit instead'), today)).toEqual({ cancel: [], add: [] });
    expect(replanCase(schedule, cancelledBy('protocolChanged'), today).add).toEqual([{ dueOn: '2026-03-10', type: 'home_visit', performer: 'case_worker', source: 'protocol' }]);
  });

  it('the same protocol changes nothing (the moved visit still stands for its step); a contact due today can still be replaced', () => {
    expect(replanCase(planSchedule(defaultProtocol, { start, highRisk: false }), contacts(), today)).toEqual({ cancel: [], add: [] });
    const dueToday = replanCase([], [{ id: 'x', dueOn: today, type: 'home_visit', performer: 'case_worker', source: 'protocol', status: 'planned', reason: null }], today);
    expect(dueToday.cancel).toEqual(['x']);
  });

  it('high-risk extras are replaced like protocol contacts; the spontaneous first visit is kept', () => {
    const highRisk = planSchedule(defaultProtocol, { start, highRisk: true }).map((s): ReplanContact => ({ ...s, id: `${s.source}:${s.dueOn}:${s.type}`, status: 'planned', reason: null }));
    const first: ReplanContact = { id: 'first', dueOn: '2026-02-01', type: 'home_visit', performer: 'case_worker', source: 'spontaneous', status: 'planned', reason: null };
    const change = replanCase(planSchedule(changed, { start, highRisk: true }), [...highRisk, first], today);
    expect(change.cancel.filter((id) => id.startsWith('high_risk:')).sort()).toEqual(['high_risk:2026-01-31:home_visit', 'high_risk:2026-02-21:home_visit', 'high_risk:2026-05-10:home_visit', 'high_risk:2026-06-10:home_visit']);
    expect(change.cancel).not.toContain('first');
  });
});
