// Follow-up reaches supervision: a warning sign recorded on a monitoring visit picks the case for a
// review session by the "warning signs" rule, shows on its review sheet with the overdue visits and
// the well-being trend, and counts in the worker's caseload row; a breakdown picks it as re-separated.
import { beforeAll, describe, expect, it } from 'vitest';
import { caseInFollowUp, daysAgo, raw, setUpTeam, wellbeingScore, type Team } from './fixture';

let team: Team;
beforeAll(async () => {
  team = await setUpTeam();
});

const visitBase = {
  mode: 'in_person' as const,
  spokeWith: [{ role: 'child' as const, view: '' }],
  childSeenAlone: true,
  childWords: 'I want to stay with my aunt',
  observations: 'Tense at home',
};

describe('follow-up facts in supervision', () => {
  it('a warning sign selects the case, and its sheet shows the sign, overdue visits and the well-being trend', async () => {
    const caseId = await caseInFollowUp(team, { reunifiedDaysAgo: 40 });
    await wellbeingScore(team, caseId, daysAgo(30), 3);
    await wellbeingScore(team, caseId, daysAgo(1), 2);
    await team.worker.ok('followup.recordVisit', { caseId, visit: { ...visitBase, date: daysAgo(1), warningSigns: [{ sign: 'wants_to_leave' }] } });

    const session = await team.supervisor.ok('review.startSession', { heldOn: daysAgo(0), kind: 'supervisor', rules: ['warning_signs'] });
    const item = session.items.find((i) => i.caseId === caseId);
    expect(item?.reasons).toContain('warning_signs');

    const sheet = await team.supervisor.ok('review.sheet', { sessionId: session.id, caseId });
    expect(sheet.warningSigns.map((w) => w.sign)).toContain('wants_to_leave');
    expect(sheet.wellbeing.map((w) => w.date)).toEqual([daysAgo(30), daysAgo(1)]);
    expect(sheet.wellbeing[0].score).toBeGreaterThan(sheet.wellbeing[1].score);
    // Reunified 40 days ago: the protocol's week-1, week-2 and month-1 visits are past due, not done.
    expect(sheet.overdue.filter((o) => o.kind === 'home_visit').length).toBeGreaterThan(0);

    const caseload = await team.supervisor.ok('review.caseload', {});
    const workerId = (raw(team).prepare('SELECT worker_id FROM cases WHERE id = ?').get(caseId) as { worker_id: string }).worker_id;
    const row = caseload.rows.find((r) => r.workerId === workerId);
    expect(row?.warningSigns).toBeGreaterThan(0);
    expect(row?.overdueVisits).toBeGreaterThan(0);
  });

  it('a recorded breakdown selects the case as re-separated', async () => {
    const caseId = await caseInFollowUp(team, { reunifiedDaysAgo: 20 });
    const now = new Date().toISOString();
    // The breakdown row as followup.recordBreakdown writes it (its own tests cover the channel).
    raw(team)
      .prepare(
        `INSERT INTO followup_breakdowns (id, case_id, date, what_happened, where_now, where_place, decided_by, from_stage, bid_review_due, created_at, created_by)
         VALUES ('bd-1', ?, ?, 'Ran to the market', 'street', '', 'child', 'follow_up', ?, ?, NULL)`,
      )
      .run(caseId, daysAgo(2), daysAgo(-28), now);
    const session = await team.supervisor.ok('review.startSession', { heldOn: daysAgo(0), kind: 'supervisor', rules: ['re_separated'] });
    expect(session.items.find((i) => i.caseId === caseId)?.reasons).toContain('re_separated');
  });
});

describe('follow-up visits and the spontaneous-return tasks', () => {
  it('an in-person monitoring visit completes the first-home-visit task; a phone call does not', async () => {
    const kase = await team.worker.ok('cases.register', {
      child: { givenName: 'Okot', familyName: 'Lamwaka', sex: 'male', estimatedAgeYears: 9, separationReasons: ['poverty'], area: 'Gulu' },
      spontaneous: { kind: 'returned_alone', reunifiedOn: daysAgo(3), caregiverNames: 'Grandmother', notes: '' },
    });
    const homeVisitDue = async () => (await team.worker.ok('tasks.due', {})).some((d) => d.caseId === kase.id && d.kind === 'home_visit');
    expect(await homeVisitDue()).toBe(true);
    await team.worker.ok('followup.recordVisit', { caseId: kase.id, visit: { ...visitBase, mode: 'phone', date: daysAgo(0) } });
    expect(await homeVisitDue()).toBe(true);
    await team.worker.ok('followup.recordVisit', { caseId: kase.id, visit: { ...visitBase, date: daysAgo(0) } });
    expect(await homeVisitDue()).toBe(false);
  });
});
