// Risk "not yet assessed", halted cases with a review date, spontaneous returns with their due
// tasks — through the channels on a real encrypted office: each refusal has its code and writes
// nothing; what is due shows in My work's due list until the record that completes it exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode } from '../../fixtures/results';
import { addDays } from '../../../shared/tasks/rules';
import { caseInStage, daysAgo, daysAhead, setUpTeam, type Team } from '../reunification/fixture';

let team: Team;
beforeAll(async () => {
  team = await setUpTeam();
});
afterAll(() => team?.office.cleanup());

const raw = () => team.office.core.store.get().raw;
const events = (caseId: string) => (raw().prepare('SELECT count(*) AS n FROM case_events WHERE case_id = ?').get(caseId) as { n: number }).n;
const today = () => new Date().toISOString().slice(0, 10);

const child = (givenName: string) => ({
  givenName,
  familyName: 'Atim',
  sex: 'male' as const,
  dateOfBirth: '2012-02-01',
  separationReasons: ['institutional_care' as const],
  separationDate: daysAgo(400),
  area: 'Gulu',
});

describe('risk starts as "not yet assessed"', () => {
  it('a new case is not yet assessed in the file, the list and its filter; nothing reads it as medium', async () => {
    const row = await team.worker.ok('cases.register', { child: child('Okot') });
    expect(row.riskLevel).toBe('not_assessed');
    const file = await team.worker.ok('cases.get', { caseId: row.id });
    expect(file.riskLevel).toBe('not_assessed');
    expect(file.facts.riskAssessed).toBe(false);
    const notAssessed = await team.worker.ok('cases.list', { riskLevels: ['not_assessed'] });
    expect(notAssessed.rows.map((r) => r.id)).toContain(row.id);
    const medium = await team.worker.ok('cases.list', { riskLevels: ['medium'] });
    expect(medium.rows.map((r) => r.id)).not.toContain(row.id);
    expect(raw().prepare('SELECT risk_assessed, risk_rank FROM cases WHERE id = ?').get(row.id)).toEqual({ risk_assessed: 0, risk_rank: 0 });
  });

  it('a risk assessment sets the level; the case cannot go back to "not yet assessed"', async () => {
    const row = await team.worker.ok('cases.register', { child: child('Opio') });
    await team.worker.ok('safety.saveRiskAssessment', {
      caseId: row.id,
      basedOn: 0,
      assessment: { date: today(), overallLevel: 'high', risks: [{ category: 'abuse', description: 'Uncle drinks', likelihood: 'high', impact: 'high' }] },
    });
    const file = await team.worker.ok('cases.get', { caseId: row.id });
    expect(file.riskLevel).toBe('high');
    const before = events(row.id);
    const error = await expectCode(
      team.worker.call('cases.update', { caseId: row.id, version: file.version, child: file.child, riskLevel: 'not_assessed', riskReason: 'typo', priority: file.priority }),
      'VALIDATION',
    );
    expect(error.issues?.[0]?.code).toBe('riskAlreadyAssessed');
    expect(events(row.id)).toBe(before);
  });

  it('a level changed by hand needs a reason, which the timeline keeps', async () => {
    const row = await team.worker.ok('cases.register', { child: child('Ocen') });
    const file = await team.worker.ok('cases.get', { caseId: row.id });
    const before = events(row.id);
    const error = await expectCode(team.worker.call('cases.update', { caseId: row.id, version: file.version, child: file.child, riskLevel: 'high', priority: file.priority }), 'VALIDATION');
    expect(error.issues?.[0]).toMatchObject({ path: ['riskReason'], code: 'riskReasonRequired' });
    expect(events(row.id)).toBe(before);
    const updated = await team.worker.ok('cases.update', {
      caseId: row.id,
      version: file.version,
      child: file.child,
      riskLevel: 'high',
      riskReason: 'Neighbour reports threats from a former employer',
      priority: file.priority,
    });
    expect(updated.riskLevel).toBe('high');
    const timeline = await team.worker.ok('cases.timeline', { caseId: row.id });
    expect(timeline.events[0].details).toMatchObject({ riskFrom: 'not_assessed', riskTo: 'high', riskReason: 'Neighbour reports threats from a former employer' });
  });
});

describe('a halted case has a review date and shows in My work when due', () => {
  let caseId: string;
  it('halting sets a three-month review by default, or the date the worker picks; a past date is refused', async () => {
    caseId = await caseInStage(team, 'preparation');
    const file = await team.worker.ok('cases.get', { caseId });
    const before = events(caseId);
    const error = await expectCode(
      team.worker.call('cases.halt', { caseId, version: file.version, alternative: 'temporary_alternative_care', reason: 'Mother ill', childViews: 'I want to wait', reviewOn: daysAgo(1) }),
      'INVALID_DATE',
    );
    expect(error.issues?.[0]?.code).toBe('notInFuture');
    expect(events(caseId)).toBe(before);
    const halted = await team.worker.ok('cases.halt', { caseId, version: file.version, alternative: 'temporary_alternative_care', reason: 'Mother ill', childViews: 'I want to wait' });
    expect(halted.halt?.reviewDue).toBe(addDays(today(), 90));
    // Not yet due: not in the due list.
    expect((await team.worker.ok('tasks.due', {})).filter((d) => d.caseId === caseId)).toEqual([]);
  });

  it('an overdue review is in the due list (of the worker, not of another worker); reviewing it sets the next date', async () => {
    raw().prepare('UPDATE cases SET halt_review_due = ? WHERE id = ?').run(daysAgo(3), caseId);
    const due = (await team.worker.ok('tasks.due', {})).filter((d) => d.caseId === caseId);
    expect(due).toEqual([expect.objectContaining({ kind: 'halt_review', dueOn: daysAgo(3), overdue: true })]);
    expect((await team.other.ok('tasks.due', {})).filter((d) => d.caseId === caseId)).toEqual([]);
    await expectCode(team.other.call('tasks.reviewHalt', { caseId, reviewedOn: today(), participants: [{ role: 'case_worker' }], notes: 'x', childViews: 'y', nextReviewOn: daysAhead(30) }), 'OUT_OF_SCOPE');
    // The child's views, or a reasoned absence, are required.
    await expectCode(team.worker.call('tasks.reviewHalt', { caseId, reviewedOn: today(), participants: [{ role: 'case_worker' }], notes: 'Mother still in hospital', nextReviewOn: daysAhead(30) }), 'VALIDATION');
    const review = await team.worker.ok('tasks.reviewHalt', {
      caseId,
      reviewedOn: today(),
      participants: [{ role: 'child', name: '' }, { role: 'care_provider', name: 'Foster mother Aber' }],
      notes: 'Mother still in hospital; foster placement stable.',
      childViews: 'I like it here but I miss my mother',
      nextReviewOn: daysAhead(60),
    });
    expect(review.nextReviewOn).toBe(daysAhead(60));
    expect((await team.worker.ok('tasks.due', {})).filter((d) => d.caseId === caseId)).toEqual([]);
    const view = await team.worker.ok('tasks.forCase', { caseId });
    expect(view.haltReviewDue).toBe(daysAhead(60));
    expect(view.haltReviews[0]).toMatchObject({ participants: [{ role: 'child' }, { role: 'care_provider', name: 'Foster mother Aber' }] });
  });

  it('resuming the case clears the review date', async () => {
    const file = await team.worker.ok('cases.get', { caseId });
    const resumed = await team.worker.ok('cases.resume', { caseId, version: file.version, reason: 'Mother recovered' });
    expect(resumed.halt).toBeNull();
    expect(raw().prepare('SELECT halt_review_due FROM cases WHERE id = ?').get(caseId)).toEqual({ halt_review_due: null });
  });
});

describe('spontaneous returns', () => {
  it('the kind of return is required ("other" says what); nothing is written without it', async () => {
    const before = (raw().prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    await expectCode(team.worker.call('cases.register', { child: child('Kilama'), spontaneous: { reunifiedOn: daysAgo(5) } } as never), 'VALIDATION');
    await expectCode(team.worker.call('cases.register', { child: child('Kilama'), spontaneous: { kind: 'other', reunifiedOn: daysAgo(5) } }), 'VALIDATION');
    expect((raw().prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(before);
  });

  it('a return when an institution closed makes five tasks due at once, in My work, each done by its record', async () => {
    const row = await team.worker.ok('cases.register', { child: child('Ojok'), spontaneous: { kind: 'institution_closed', reunifiedOn: daysAgo(10), caregiverNames: 'Grandmother' } });
    const file = await team.worker.ok('cases.get', { caseId: row.id });
    expect(file).toMatchObject({ stage: 'follow_up', priority: 'high', spontaneousKind: 'institution_closed', riskLevel: 'not_assessed' });
    const due = (await team.worker.ok('tasks.due', {})).filter((d) => d.caseId === row.id);
    // The home visit falls due within 14 days, so it shows; the 30-day ones are not yet "soon".
    expect(due).toEqual([expect.objectContaining({ kind: 'home_visit', dueOn: addDays(today(), 7), overdue: false })]);
    const tasks = (await team.worker.ok('tasks.forCase', { caseId: row.id })).tasks;
    expect(tasks.map((t) => [t.kind, t.dueOn])).toEqual(
      expect.arrayContaining([
        ['home_visit', addDays(today(), 7)],
        ['risk_assessment', addDays(today(), 30)],
        ['safety_plan', addDays(today(), 30)],
        ['family_assessment', addDays(today(), 30)],
        ['wellbeing_baseline', addDays(today(), 30)],
      ]),
    );
    // Overdue (as weeks pass): all five show, oldest first.
    raw().prepare(`UPDATE case_tasks SET due_on = date(due_on, '-40 days') WHERE case_id = ?`).run(row.id);
    expect((await team.worker.ok('tasks.due', {})).filter((d) => d.caseId === row.id && d.overdue)).toHaveLength(5);
    // A risk assessment is done by recording one, not by ticking it.
    await expectCode(team.worker.call('tasks.complete', { caseId: row.id, kind: 'risk_assessment', doneOn: today(), note: 'done' }), 'VALIDATION');
    await team.worker.ok('safety.saveRiskAssessment', { caseId: row.id, basedOn: 0, assessment: { date: today(), overallLevel: 'medium', risks: [] } });
    await team.worker.ok('tasks.complete', { caseId: row.id, kind: 'home_visit', doneOn: today(), note: 'Visited with the grandmother' });
    const left = (await team.worker.ok('tasks.due', {})).filter((d) => d.caseId === row.id).map((d) => d.kind);
    expect(left.sort()).toEqual(['family_assessment', 'safety_plan', 'wellbeing_baseline']);
    const timeline = await team.worker.ok('cases.timeline', { caseId: row.id });
    expect(timeline.events.map((e) => e.type)).toEqual(expect.arrayContaining(['case.taskDone', 'case.spontaneousReunification']));
  });

  it("the office's days set the due dates of new returns", async () => {
    await team.supervisor.ok('practice.update', { spontaneousVisitDays: 3, spontaneousBaselineDays: 20 });
    const row = await team.worker.ok('cases.register', { child: child('Odong'), spontaneous: { kind: 'released_from_detention', reunifiedOn: daysAgo(2) } });
    const tasks = (await team.worker.ok('tasks.forCase', { caseId: row.id })).tasks;
    expect(tasks.find((t) => t.kind === 'home_visit')?.dueOn).toBe(addDays(today(), 3));
    expect(tasks.find((t) => t.kind === 'wellbeing_baseline')?.dueOn).toBe(addDays(today(), 20));
    await team.supervisor.ok('practice.update', { spontaneousVisitDays: 7, spontaneousBaselineDays: 30 });
  });
});
