// Follow-up against a real encrypted office: breakdown and re-separation, the 6- and 12-month
// outcomes, the well-being chart, the calendar, and record scope on every follow-up channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelInput, type ChannelName } from '../../../shared/contract';
import { defaultProtocol } from '../../../shared/followup/contract';
import { expectCode } from '../../fixtures/results';
import { caseInFollowUp, daysAgo, daysAhead, raw, setUpTeam, wellbeingScore, type Team } from './fixture';

let team: Team;
beforeAll(async () => {
  team = await setUpTeam();
});
afterAll(() => team.office.cleanup());

const visit = (date: string) => ({
  date,
  mode: 'in_person' as const,
  spokeWith: [{ role: 'child' as const, view: '' }],
  childWords: 'It is fine at home',
});

describe('breakdown and re-separation', () => {
  it('moves the case to alternative care, opens the contingency plan, makes a BID review due, keeps the history and is counted', async () => {
    const caseId = await caseInFollowUp(team, { reunifiedDaysAgo: 20 });
    await team.worker.ok('followup.recordVisit', { caseId, visit: visit(daysAgo(10)) });
    const file = await team.worker.ok('cases.get', { caseId });
    const result = await team.worker.ok('followup.recordBreakdown', {
      caseId,
      version: file.version,
      breakdown: { date: daysAgo(1), whatHappened: 'Stepfather beat him; he ran to the centre', whereNow: 'transit_centre', wherePlace: 'Gulu reception centre', decidedBy: 'Case worker and police' },
    });
    expect(result).toMatchObject({ bidReviewDue: daysAhead(29), next: { tab: 'plan', section: 'contingency' } });
    const after = await team.worker.ok('cases.get', { caseId });
    expect(after.stage).toBe('preparation');
    expect(after.child.careArrangement).toBe('transit_centre');
    const summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.breakdowns).toEqual([expect.objectContaining({ whereNow: 'transit_centre', fromStage: 'follow_up', bidReviewDue: daysAhead(29) })]);
    // History kept: the visit and the held contact stay; what was still planned is cancelled, not deleted.
    expect(summary.visits).toHaveLength(1);
    expect(summary.schedule.some((c) => c.status === 'done')).toBe(true);
    expect(summary.schedule.filter((c) => c.status === 'planned')).toEqual([]);
    expect(summary.faceToFaceOverdue).toBe(false);
    // A stale form is refused, and a case no longer reunified cannot break down again.
    await expectCode(team.worker.call('followup.recordBreakdown', { caseId, version: file.version, breakdown: { date: daysAgo(0), whatHappened: 'x', whereNow: 'street' } }), 'CONFLICT');
    const timeline = await team.worker.ok('cases.timeline', { caseId, limit: 3 });
    expect(timeline.events[0]).toMatchObject({ type: 'followup.breakdown', details: expect.objectContaining({ to: 'preparation' }) });
    const counted = raw(team).prepare(`SELECT count(*) AS n FROM followup_breakdowns WHERE case_id = ?`).get(caseId) as { n: number };
    expect(counted.n).toBe(1);
    // Entering follow-up again plans a fresh schedule.
    raw(team).prepare(`UPDATE cases SET stage = 'reunification' WHERE id = ?`).run(caseId);
    await team.worker.ok('cases.moveStage', { caseId, version: (await team.worker.ok('cases.get', { caseId })).version, to: 'follow_up' });
    expect((await team.worker.ok('followup.get', { caseId })).schedule.filter((c) => c.status === 'planned').length).toBeGreaterThan(0);
  });
});

describe('6- and 12-month outcomes', () => {
  it('are due six and twelve months after reunification; unknown is recorded as unknown; well-being change from the baseline', async () => {
    const caseId = await caseInFollowUp(team, { reunifiedDaysAgo: 190 });
    await wellbeingScore(team, caseId, daysAgo(195), 2);
    await wellbeingScore(team, caseId, daysAgo(5), 3);
    const summary = await team.worker.ok('followup.get', { caseId });
    expect(summary.baseline).toMatchObject({ status: 'present', date: daysAgo(195) });
    expect(summary.outcomesDue.map((o) => o.milestone)).toEqual([6, 12]);
    expect(summary.outcomesDue[0].windowFrom < daysAgo(0) && summary.outcomesDue[0].windowTo > daysAgo(0)).toBe(true);
    const unknown = await team.worker.ok('followup.recordOutcome', {
      caseId,
      outcome: { milestone: 6, recordedOn: daysAgo(0), living: 'unknown', school: 'unknown', welcomed: 'unknown', belonging: 'unknown' },
    });
    expect(unknown).toMatchObject({ result: 'unknown', baselineOverall: 2, latestOverall: 3 });
    const success = await team.worker.ok('followup.recordOutcome', {
      caseId,
      outcome: { milestone: 6, recordedOn: daysAgo(0), living: 'same_caregiver', school: 'attending', welcomed: 'yes', belonging: 'mostly', childWords: 'I belong here' },
    });
    expect(success.result).toBe('success');
    const after = await team.worker.ok('followup.get', { caseId });
    expect(after.outcomes.map((o) => o.result)).toEqual(['success', 'unknown']);
    expect(after.outcomesDue[0].recorded).toBe(true);
  });

  it('a case reunified without a well-being baseline shows it missing', async () => {
    const caseId = await caseInFollowUp(team);
    expect((await team.worker.ok('followup.get', { caseId })).baseline.status).toBe('missing');
  });
});

describe('the well-being chart', () => {
  it('gives every factor of the case’s form across re-scores with their real dates', async () => {
    const caseId = await caseInFollowUp(team, { reunifiedDaysAgo: 100 });
    await wellbeingScore(team, caseId, daysAgo(100), 2, { stigma: 1 });
    await wellbeingScore(team, caseId, daysAgo(40), 3);
    const chart = await team.worker.ok('followup.wellbeing', { caseId });
    expect(chart.points.map((p) => p.date)).toEqual([daysAgo(100), daysAgo(40)]);
    expect(chart.factors.map((f) => f.id)).toEqual(expect.arrayContaining(['food_security', 'stigma', 'community_belonging']));
    expect(chart.factors.find((f) => f.id === 'stigma')?.label.ar).toBe('التحرر من الوصم والتمييز');
    expect(chart.points.map((p) => p.scores.stigma)).toEqual([1, 3]);
  });
});

describe('the calendar and My work', () => {
  it('lists a worker’s planned contacts in a range with the overdue ones; only a supervisor looks at another worker’s', async () => {
    const caseId = await caseInFollowUp(team, { reunifiedDaysAgo: 10 });
    const calendar = await team.worker.ok('followup.calendar', { from: daysAgo(0), to: daysAhead(30) });
    expect(calendar.entries.filter((e) => e.caseId === caseId).map((e) => e.dueOn)).toEqual(
      (await team.worker.ok('followup.get', { caseId })).schedule.filter((c) => c.dueOn >= daysAgo(0) && c.dueOn <= daysAhead(30)).map((c) => c.dueOn),
    );
    expect(calendar.overdue.find((e) => e.caseId === caseId)).toMatchObject({ dueOn: daysAgo(3), overdue: true, type: 'home_visit' });
    const worker = team.office.users.worker.id;
    await expectCode(team.other.call('followup.calendar', { from: daysAgo(0), to: daysAhead(30), workerId: worker }), 'OUT_OF_SCOPE');
    expect((await team.other.ok('followup.calendar', { from: daysAgo(0), to: daysAhead(30) })).entries).toEqual([]);
    const seen = await team.supervisor.ok('followup.calendar', { from: daysAgo(0), to: daysAhead(30), workerId: worker });
    expect(seen.entries.map((e) => e.caseId)).toContain(caseId);
    await expectCode(team.worker.call('followup.calendar', { from: daysAgo(0), to: daysAhead(120) }), 'VALIDATION');
    const work = await team.worker.ok('followup.myWork', {});
    expect(work.overdue.map((e) => e.caseId)).toContain(caseId);
    expect([...work.today, ...work.thisWeek].every((e) => e.dueOn >= daysAgo(0) && e.dueOn <= daysAhead(6))).toBe(true);
    expect((await team.other.ok('followup.myWork', {})).overdue).toEqual([]);
  });
});

describe('scope on every follow-up channel', () => {
  let caseId: string;
  let visitId: string;
  let signId: string;
  let contactId: string;
  beforeAll(async () => {
    caseId = await caseInFollowUp(team);
    visitId = (await team.worker.ok('followup.recordVisit', { caseId, visit: { ...visit(daysAgo(0)), warningSigns: [{ sign: 'stigma' }] } })).visitId;
    const summary = await team.worker.ok('followup.get', { caseId });
    signId = summary.signs[0].id;
    contactId = summary.schedule.find((c) => c.status === 'planned')!.id;
  });

  const caseChannels = channelNames.filter((n) => n.startsWith('followup.') && !['followup.getProtocol', 'followup.previewProtocolChange', 'followup.saveProtocol', 'followup.calendar', 'followup.myWork'].includes(n));
  const input = (name: ChannelName): unknown => {
    const inputs: { [N in ChannelName]?: ChannelInput<N> } = {
      'followup.get': { caseId },
      'followup.getVisit': { caseId, visitId },
      'followup.recordVisit': { caseId, visit: visit(daysAgo(0)) },
      'followup.adjustSchedule': { caseId, action: 'cancel', contactId, reason: 'x' },
      'followup.resolveSign': { caseId, signId, resolution: 'Talked to the elders' },
      'followup.recordBreakdown': { caseId, version: 1, breakdown: { date: daysAgo(0), whatHappened: 'x', whereNow: 'street' } },
      'followup.recordOutcome': { caseId, outcome: { milestone: 6, recordedOn: daysAgo(0), living: 'unknown', school: 'unknown', welcomed: 'unknown', belonging: 'unknown' } },
      'followup.wellbeing': { caseId },
    };
    return inputs[name];
  };

  it('covers every case channel of the feature', () => {
    expect(caseChannels.length).toBe(8);
    for (const name of caseChannels) expect(input(name), name).toBeDefined();
  });

  it.each(caseChannels)('an unassigned case worker gets OUT_OF_SCOPE on %s (FORBIDDEN where the role lacks it), audited, nothing written', async (name) => {
    const denied = () => (raw(team).prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.accessDenied'").get() as { n: number }).n;
    const before = denied();
    const writes = () => raw(team).prepare('SELECT (SELECT count(*) FROM followup_visits) + (SELECT count(*) FROM followup_outcomes) + (SELECT count(*) FROM followup_breakdowns) AS n').get();
    const writesBefore = writes();
    const result = await team.other.call(name, input(name) as never);
    const code = result.ok ? null : result.error.code;
    if (name === 'followup.adjustSchedule') {
      expect(code).toBe('FORBIDDEN');
    } else {
      expect(code).toBe('OUT_OF_SCOPE');
      expect(denied()).toBe(before + 1);
    }
    expect(writes()).toEqual(writesBefore);
  });

  it('an administrator reaches no follow-up content', async () => {
    for (const name of [...caseChannels, 'followup.calendar', 'followup.myWork', 'followup.getProtocol'] as ChannelName[]) {
      const result = await team.office.admin.call(name, (input(name) ?? (name === 'followup.calendar' ? { from: daysAgo(0), to: daysAgo(0) } : {})) as never);
      expect(result.ok ? null : result.error.code, name).toMatch(/^(FORBIDDEN|OUT_OF_SCOPE)$/);
    }
  });

  it('audits views and changes with ids and kinds, never what the child or family said', async () => {
    await team.supervisor.ok('followup.getVisit', { caseId, visitId });
    const details = (raw(team).prepare('SELECT details FROM audit_log WHERE details IS NOT NULL').all() as { details: string }[]).map((r) => r.details).join('\n');
    expect(details).toContain('followupVisit');
    for (const secret of ['It is fine at home', 'Talked to the elders', 'Stepfather beat him']) expect(details).not.toContain(secret);
    expect(defaultProtocol.steps.length).toBeGreaterThan(0);
  });
});
