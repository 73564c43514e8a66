// Paper back-entry: a case marked "entered from paper records" takes events dated back to the day
// its paper file began — refused for other cases — and each such event says it was back-entered,
// with its real date, in the timeline and the audit log, beside who typed it and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCode } from '../../fixtures/results';
import { daysAgo, setUpTeam, type Team } from '../reunification/fixture';

let team: Team;
beforeAll(async () => {
  team = await setUpTeam();
});
afterAll(() => team?.office.cleanup());

const raw = () => team.office.core.store.get().raw;
const child = (givenName: string) => ({
  givenName,
  familyName: 'Lakot',
  sex: 'female' as const,
  dateOfBirth: '2014-05-01',
  separationReasons: ['poverty' as const],
  separationDate: daysAgo(500),
  area: 'Gulu',
});
const risk = (date: string) => ({ date, overallLevel: 'medium' as const, risks: [] });

describe('paper back-entry', () => {
  it('without the paper mark, a risk assessment dated before registration is refused and nothing is written', async () => {
    const row = await team.worker.ok('cases.register', { child: child('Akello') });
    const error = await expectCode(team.worker.call('safety.saveRiskAssessment', { caseId: row.id, basedOn: 0, assessment: risk(daysAgo(200)) }), 'INVALID_DATE');
    expect(error.issues?.[0]?.code).toBe('beforeCase');
    expect(raw().prepare('SELECT count(*) AS n FROM risk_assessments WHERE case_id = ?').get(row.id)).toEqual({ n: 0 });
  });

  it('a case registered from paper records takes its real past dates; the timeline and audit mark them back-entered', async () => {
    const row = await team.worker.ok('cases.register', { child: child('Adong'), fromPaper: { since: daysAgo(300), note: 'Paper file in cabinet 3' } });
    const file = await team.worker.ok('cases.get', { caseId: row.id });
    expect(file.paper).toMatchObject({ since: daysAgo(300), markedByName: 'Wanjiru Worker' });
    await team.worker.ok('safety.saveRiskAssessment', { caseId: row.id, basedOn: 0, assessment: risk(daysAgo(200)) });
    // Tracing is checked against consent: the guardian agreed on paper, back then.
    await team.worker.ok('consents.record', {
      caseId: row.id,
      consent: { givenBy: 'guardian', giverName: 'Probation Officer', relationship: 'guardian', purposes: ['tracing'], method: 'written', date: daysAgo(290) },
    });
    await team.worker.ok('tracing.add', { caseId: row.id, action: { date: daysAgo(250), method: 'home_visit', place: 'Gulu', result: 'family_located' } });
    // Not before the paper file began.
    await expectCode(team.worker.call('tracing.add', { caseId: row.id, action: { date: daysAgo(301), method: 'home_visit', place: 'Gulu', result: 'lead' } }), 'INVALID_DATE');
    const events = (await team.worker.ok('cases.timeline', { caseId: row.id })).events;
    const riskEvent = events.find((e) => e.type === 'safety.riskAssessment');
    expect(riskEvent?.details).toMatchObject({ backEntered: true, happenedOn: daysAgo(200) });
    // Entered today, by the worker: the event's own time and user stay the entry's.
    expect(riskEvent?.at.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    expect(riskEvent?.userName).toBe('Wanjiru Worker');
    const audit = raw().prepare(`SELECT details FROM audit_log WHERE entity_id = ? AND action = 'safety.riskAssessment'`).get(row.id) as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ backEntered: true, happenedOn: daysAgo(200) });
    // Something done today on the same case is not back-entered.
    await team.worker.ok('safety.saveRiskAssessment', { caseId: row.id, basedOn: 1, assessment: risk(daysAgo(0)) });
    const latest = (await team.worker.ok('cases.timeline', { caseId: row.id })).events[0];
    expect(latest.details?.backEntered).toBeUndefined();
  });

  it('an existing case can be marked later (audited); a paper file cannot begin before the child was born or in the future', async () => {
    const row = await team.worker.ok('cases.register', { child: child('Apio') });
    const file = await team.worker.ok('cases.get', { caseId: row.id });
    await expectCode(team.worker.call('cases.markPaper', { caseId: row.id, version: file.version, paper: { since: '2010-01-01' } }), 'INVALID_DATE');
    await expectCode(team.other.call('cases.markPaper', { caseId: row.id, version: file.version, paper: { since: daysAgo(100) } }), 'OUT_OF_SCOPE');
    await team.worker.ok('cases.markPaper', { caseId: row.id, version: file.version, paper: { since: daysAgo(100) } });
    await team.worker.ok('safety.saveRiskAssessment', { caseId: row.id, basedOn: 0, assessment: risk(daysAgo(90)) });
    const audit = raw().prepare(`SELECT details FROM audit_log WHERE entity_id = ? AND action = 'case.markPaper'`).get(row.id) as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ paperSince: daysAgo(100) });
  });
});
