// The follow-up schedule from the office protocol: tapering dates, high risk, spontaneous returns,
// month ends and leap years, and the same dates in every time zone; the overdue rules.
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultProtocol,
  faceToFaceOverdue,
  isOverdue,
  planSchedule,
  type ProtocolDefinition,
} from '../../shared/followup/contract';
import { outcomeResult } from '../../shared/followup/outcomes';

const homeVisits = (steps: ReturnType<typeof planSchedule>) => steps.filter((s) => s.type === 'home_visit').map((s) => s.dueOn);

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('schedule generation by protocol', () => {
  it('the shipped protocol tapers: weeks 1 and 2, then months 1, 2, 3, 6, 9, 12 from the day of reunification', () => {
    const steps = planSchedule(defaultProtocol, { start: '2026-01-10', highRisk: false });
    expect(homeVisits(steps)).toEqual(['2026-01-17', '2026-01-24', '2026-02-10', '2026-03-10', '2026-04-10', '2026-07-10', '2026-10-10', '2027-01-10']);
    // Phone calls between the early visits, a community monitor's report in the long gap.
    expect(steps.filter((s) => s.type === 'phone_call').map((s) => s.dueOn)).toEqual(['2026-01-31', '2026-02-21']);
    expect(steps.find((s) => s.type === 'community_report')).toMatchObject({ dueOn: '2026-05-10', performer: 'community_monitor' });
    // In date order, every contact from the protocol.
    expect(steps.map((s) => s.dueOn)).toEqual([...steps.map((s) => s.dueOn)].sort());
    expect(new Set(steps.map((s) => s.source))).toEqual(new Set(['protocol']));
  });

  it('a high-risk case gets the protocol’s extra visits, and a visit already planned that day is not doubled', () => {
    const normal = planSchedule(defaultProtocol, { start: '2026-01-10', highRisk: false });
    const high = planSchedule(defaultProtocol, { start: '2026-01-10', highRisk: true });
    const extra = high.filter((s) => s.source === 'high_risk');
    expect(extra.map((s) => s.dueOn)).toEqual(['2026-01-31', '2026-02-21', '2026-05-10', '2026-06-10']);
    expect(high.length).toBe(normal.length + extra.length);
    const doubled: ProtocolDefinition = { ...defaultProtocol, highRiskSteps: [{ unit: 'week', amount: 1, type: 'home_visit', performer: 'case_worker' }] };
    expect(planSchedule(doubled, { start: '2026-01-10', highRisk: true })).toHaveLength(normal.length);
  });

  it('a spontaneous return gets its first home visit within 7 days of registration, and no protocol contact in the past', () => {
    const steps = planSchedule(defaultProtocol, {
      start: '2026-01-10',
      highRisk: false,
      spontaneous: { registeredOn: '2026-03-02', firstVisitDays: 7 },
    });
    expect(steps[0]).toEqual({ dueOn: '2026-03-09', type: 'home_visit', performer: 'case_worker', source: 'spontaneous' });
    expect(steps.slice(1).every((s) => s.dueOn > '2026-03-09')).toBe(true);
    expect(homeVisits(steps)).toEqual(['2026-03-09', '2026-03-10', '2026-04-10', '2026-07-10', '2026-10-10', '2027-01-10']);
  });

  it('month ends clamp and leap years count: 31 January gives 29 February in 2028 and 28 February in 2027', () => {
    const monthly: ProtocolDefinition = { steps: [{ unit: 'month', amount: 1, type: 'home_visit', performer: 'case_worker' }], highRiskSteps: [], maxFaceToFaceGapDays: 60 };
    expect(planSchedule(monthly, { start: '2028-01-31', highRisk: false })[0].dueOn).toBe('2028-02-29');
    expect(planSchedule(monthly, { start: '2027-01-31', highRisk: false })[0].dueOn).toBe('2027-02-28');
    // Reunified on 29 February: twelve months later is 28 February; week 1 crosses into March.
    const steps = planSchedule(defaultProtocol, { start: '2028-02-29', highRisk: false });
    expect(homeVisits(steps)[0]).toBe('2028-03-07');
    expect(homeVisits(steps).at(-1)).toBe('2029-02-28');
    // The year's end: week 1 after 28 December is 4 January of the next year.
    expect(homeVisits(planSchedule(defaultProtocol, { start: '2026-12-28', highRisk: false }))[0]).toBe('2027-01-04');
  });

  it.each(['UTC', 'Pacific/Kiritimati', 'America/Adak', 'Asia/Kathmandu', 'Africa/Kampala'])(
    'gives the same dates in time zone %s (across a daylight-saving change too)',
    (tz) => {
      process.env.TZ = tz;
      const steps = planSchedule(defaultProtocol, { start: '2026-03-01', highRisk: true, spontaneous: { registeredOn: '2026-03-07', firstVisitDays: 7 } });
      process.env.TZ = 'UTC';
      const reference = planSchedule(defaultProtocol, { start: '2026-03-01', highRisk: true, spontaneous: { registeredOn: '2026-03-07', firstVisitDays: 7 } });
      expect(steps).toEqual(reference);
      expect(steps[0].dueOn).toBe('2026-03-14');
    },
  );
});

describe('overdue rules', () => {
  it('a contact is due all of its day and overdue from the next day', () => {
    expect(isOverdue({ dueOn: '2026-02-10', status: 'planned' }, '2026-02-10')).toBe(false);
    expect(isOverdue({ dueOn: '2026-02-10', status: 'planned' }, '2026-02-11')).toBe(true);
    expect(isOverdue({ dueOn: '2026-02-10', status: 'done' }, '2026-03-11')).toBe(false);
    expect(isOverdue({ dueOn: '2026-02-10', status: 'cancelled' }, '2026-03-11')).toBe(false);
  });

  it('face-to-face is overdue when a home visit is past due, even though the phone calls were made', () => {
    const contacts = [
      { dueOn: '2026-01-17', status: 'done', type: 'home_visit' as const },
      { dueOn: '2026-01-31', status: 'done', type: 'phone_call' as const },
      { dueOn: '2026-02-10', status: 'planned', type: 'home_visit' as const },
      { dueOn: '2026-02-21', status: 'done', type: 'phone_call' as const },
    ];
    const base = { start: '2026-01-10', lastFaceToFace: '2026-01-17', maxGapDays: 100, contacts };
    expect(faceToFaceOverdue({ ...base, today: '2026-02-10' })).toBe(false);
    expect(faceToFaceOverdue({ ...base, today: '2026-02-22' })).toBe(true);
  });

  it('face-to-face is overdue after the protocol’s longest gap without a visit, whatever was planned', () => {
    const base = { start: '2026-01-10', lastFaceToFace: '2026-01-17', maxGapDays: 30, contacts: [] };
    expect(faceToFaceOverdue({ ...base, today: '2026-02-16' })).toBe(false);
    expect(faceToFaceOverdue({ ...base, today: '2026-02-17' })).toBe(true);
    // Never visited: counted from the day of reunification.
    expect(faceToFaceOverdue({ ...base, lastFaceToFace: null, today: '2026-02-10' })).toBe(true);
  });
});

describe('outcomes', () => {
  it('unknown is recorded as unknown, never as success', () => {
    expect(outcomeResult({ living: 'unknown', welcomed: 'yes' })).toBe('unknown');
    expect(outcomeResult({ living: 'same_caregiver', welcomed: 'unknown' })).toBe('unknown');
    expect(outcomeResult({ living: 'same_caregiver', welcomed: 'not_asked' })).toBe('unknown');
    expect(outcomeResult({ living: 'same_caregiver', welcomed: 'mostly' })).toBe('success');
    expect(outcomeResult({ living: 'other_family', welcomed: 'no' })).toBe('not_success');
    expect(outcomeResult({ living: 'street', welcomed: 'yes' })).toBe('not_success');
  });
});
