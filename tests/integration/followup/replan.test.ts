// Changing the office protocol re-plans the cases already in follow-up (shared/followup/replan.ts),
// on a real encrypted office, with answers worked out by hand from the two protocols:
//   case A (medium risk, reunified 20 days ago) and case B (high risk, same day), default protocol;
//   case A's week-1 visit was held, its month-9 visit moved by a supervisor and a school visit added;
//   case C left follow-up (its contacts were cancelled then) and must not change.
// New protocol: home visits at week 1, month 1 and month 6, a phone call at month 2; high risk adds a
// home visit at week 6. From today (day 20) it keeps month 1 and month 6 (both protocols plan them)
// and plans the month-2 phone call; it replaces, in A, the week-3 and week-6 calls, the month-2, 3
// and 12 visits and the month-4 community report (6), and in B those, the month-9 visit and the
// high-risk week-3, month-4 and month-5 visits (10; B's week-6 extra visit stays). A's overdue
// week-2 visit, its moved and added contacts and its held visit stay as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStateHash } from '../../../electron/core/audit/state';
import { defaultProtocol, type ProtocolDefinition } from '../../../shared/followup/contract';
import { expectCode } from '../../fixtures/results';
import { caseInFollowUp, daysAgo, daysAhead, raw, setUpTeam, type Team } from './fixture';

let team: Team;
let caseA: string;
let caseB: string;
let caseC: string;
const step = (unit: 'week' | 'month', amount: number, type: 'home_visit' | 'phone_call' = 'home_visit') => ({ unit, amount, type, performer: 'case_worker' as const });
const changed: ProtocolDefinition = {
  steps: [step('week', 1), step('month', 1), step('month', 2, 'phone_call'), step('month', 6)],
  highRiskSteps: [step('week', 6)],
  maxFaceToFaceGapDays: 90,
};
const contactRows = (caseId: string) =>
  raw(team).prepare('SELECT * FROM followup_contacts WHERE case_id = ? ORDER BY id').all(caseId) as { id: string; due_on: string; type: string; status: string; reason: string | null; source: string }[];

beforeAll(async () => {
  team = await setUpTeam();
  caseA = await caseInFollowUp(team, { reunifiedDaysAgo: 20 });
  caseB = await caseInFollowUp(team, { reunifiedDaysAgo: 20, risk: 'high' });
  caseC = await caseInFollowUp(team, { reunifiedDaysAgo: 20 });
  const fileC = await team.worker.ok('cases.get', { caseId: caseC });
  await team.worker.ok('cases.moveStage', { caseId: caseC, version: fileC.version, to: 'reunification', reason: 'Family asked for more time' });
  const schedule = (await team.worker.ok('followup.get', { caseId: caseA })).schedule;
  await team.worker.ok('followup.recordVisit', {
    caseId: caseA,
    visit: { date: daysAgo(13), mode: 'in_person', spokeWith: [{ role: 'child', view: '' }], childWords: 'Happy to be home', plannedContactId: schedule[0].id },
  });
  const month9 = schedule.filter((c) => c.type === 'home_visit').at(-2)!;
  await team.supervisor.ok('followup.adjustSchedule', { caseId: caseA, action: 'move', contactId: month9.id, dueOn: daysAhead(260), reason: 'Family away for the harvest' });
  await team.supervisor.ok('followup.adjustSchedule', { caseId: caseA, action: 'add', dueOn: daysAhead(5), type: 'school_visit', reason: 'Teacher worried' });
});
afterAll(() => team.office.cleanup());

describe('a protocol change re-plans the cases in follow-up', () => {
  it('the supervisor sees beforehand how many cases and contacts change; a case worker cannot ask', async () => {
    await expectCode(team.worker.call('followup.previewProtocolChange', { definition: changed }), 'FORBIDDEN');
    expect(await team.supervisor.ok('followup.previewProtocolChange', { definition: changed })).toEqual({ cases: 2, cancelled: 16, added: 2 });
    // Saving the protocol the cases already follow changes nothing.
    expect(await team.supervisor.ok('followup.previewProtocolChange', { definition: defaultProtocol })).toEqual({ cases: 0, cancelled: 0, added: 0 });
  });

  it('a save without the confirmed figures, or with figures that no longer hold, is refused and changes nothing', async () => {
    const before = { a: contactRows(caseA), b: contactRows(caseB) };
    const unconfirmed = await team.supervisor.call('followup.saveProtocol', { definition: changed, basedOnVersion: 0 });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'CONFLICT', params: { reason: 'replanChanged', cases: 2, cancelled: 16, added: 2 } } });
    await expectCode(team.supervisor.call('followup.saveProtocol', { definition: changed, basedOnVersion: 0, replan: { cases: 2, cancelled: 15, added: 2 } }), 'CONFLICT');
    expect({ a: contactRows(caseA), b: contactRows(caseB) }).toEqual(before);
    expect((await team.supervisor.ok('followup.getProtocol', {})).version).toBe(0);
  });

  it('once confirmed: future protocol contacts replaced, held, overdue and adjusted ones untouched, in one save', async () => {
    const before = contactRows(caseA);
    const untouchedC = contactRows(caseC);
    const saved = await team.supervisor.ok('followup.saveProtocol', { definition: changed, basedOnVersion: 0, replan: { cases: 2, cancelled: 16, added: 2 } });
    expect(saved.version).toBe(1);

    const after = contactRows(caseA);
    const byId = new Map(after.map((r) => [r.id, r]));
    // Held, overdue, moved and added contacts: the very same rows.
    const kept = before.filter((r) => r.status === 'done' || r.due_on < daysAgo(0) || r.reason !== null);
    expect(kept.map((r) => r.reason ?? r.status).sort()).toEqual(['Family away for the harvest', 'Teacher worried', 'done', 'planned'].sort());
    for (const r of kept) expect(byId.get(r.id)).toEqual(r);
    const replaced = after.filter((r) => r.reason === 'protocolChanged');
    expect(replaced.map((r) => r.type).sort()).toEqual(['community_report', 'home_visit', 'home_visit', 'home_visit', 'phone_call', 'phone_call']);
    expect(new Set(replaced.map((r) => r.status))).toEqual(new Set(['cancelled']));
    const added = after.filter((r) => !before.some((b) => b.id === r.id));
    expect(added).toMatchObject([{ type: 'phone_call', status: 'planned', source: 'protocol' }]);
    expect(after).toHaveLength(before.length + 1);

    const b = contactRows(caseB);
    expect(b.filter((r) => r.reason === 'protocolChanged')).toHaveLength(10);
    expect(b.filter((r) => r.status === 'planned' && r.due_on >= daysAgo(0)).map((r) => `${r.source}:${r.type}`).sort()).toEqual([
      'high_risk:home_visit',
      'protocol:home_visit',
      'protocol:home_visit',
      'protocol:phone_call',
    ]);
    expect(contactRows(caseC)).toEqual(untouchedC);

    // The schedule a worker reads: the replaced contacts stay, cancelled, as history.
    const summary = await team.worker.ok('followup.get', { caseId: caseA });
    expect(summary.schedule.filter((c) => c.reason === 'protocolChanged' && c.status === 'cancelled')).toHaveLength(6);
    // Saving the same protocol again finds nothing left to change.
    expect(await team.supervisor.ok('followup.previewProtocolChange', { definition: changed })).toEqual({ cases: 0, cancelled: 0, added: 0 });
  });

  it('is audited once for the office with the counts, and on each changed case’s timeline with its state hash', async () => {
    const db = raw(team);
    const office = db.prepare(`SELECT details FROM audit_log WHERE action = 'followup.protocolSaved'`).all() as { details: string }[];
    expect(office).toHaveLength(1);
    expect(JSON.parse(office[0].details)).toMatchObject({ version: 1, replannedCases: 2, cancelledContacts: 16, addedContacts: 2 });
    const perCase = db.prepare(`SELECT entity_id, details, state_hash FROM audit_log WHERE action = 'followup.replanned' ORDER BY entity_id`).all() as { entity_id: string; details: string; state_hash: string }[];
    expect(perCase.map((e) => e.entity_id).sort()).toEqual([caseA, caseB].sort());
    for (const e of perCase) expect(e.state_hash).toBe(caseStateHash(db, e.entity_id));
    const timeline = await team.worker.ok('cases.timeline', { caseId: caseA, limit: 5 });
    expect(timeline.events[0]).toMatchObject({ type: 'followup.replanned', details: { protocolVersion: 1, cancelled: 6, added: 1 } });
    const timelineC = await team.worker.ok('cases.timeline', { caseId: caseC, limit: 50 });
    expect(timelineC.events.some((e) => e.type === 'followup.replanned')).toBe(false);
  });
});
