// Supervision through the channels: the caseload per worker, a review session that picks cases by
// rule and sample, one decision per case with actions that reach the owner's My work, the
// 3-monthly plan review counted only with the child and family, and supervision notes that never
// leave in a transfer package.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectRecords, type TransferInfo } from '../../../electron/core/transfer/records';
import { packageParts } from '../../../shared/transfer/package';
import { asPdftotextReads, pdfText, squash } from '../../fixtures/pdf';
import { expectCode } from '../../fixtures/results';
import { caseInStage, daysAgo, daysAhead } from '../reunification/fixture';
import { setUpReviewTeam, type ReviewTeam } from './fixture';

let team: ReviewTeam;
let highRisk: string;
let overdue: string;
let quiet: string;
const userId = (username: string) => (team.raw().prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;

beforeAll(async () => {
  team = await setUpReviewTeam();
  highRisk = await caseInStage(team, 'follow_up');
  overdue = await caseInStage(team, 'preparation', 400);
  quiet = await caseInStage(team, 'tracing_assessment');
  team.raw().prepare(`UPDATE cases SET risk_level = 'high', risk_rank = 2 WHERE id = ?`).run(highRisk);
  team.raw().prepare('UPDATE cases SET review_due = ? WHERE id = ?').run(daysAgo(10), overdue);
});
afterAll(() => team?.office.cleanup());

describe('caseload per worker', () => {
  it('counts each worker’s open cases by stage and risk, overdue reviews and long stays in care; flags a caseload over the setting', async () => {
    const { rows, warnSize } = await team.supervisor.ok('review.caseload', {});
    expect(warnSize).toBe(25);
    const wanjiru = rows.find((r) => r.workerName === 'Wanjiru Worker')!;
    expect(wanjiru).toMatchObject({ open: 3, byRisk: expect.objectContaining({ high: 1 }), overdueReviews: 1, overCaseload: false });
    expect(wanjiru.byStage).toMatchObject({ follow_up: 1, preparation: 1, tracing_assessment: 1 });
    // Registered 400 days ago and not yet home: over the 180-day warning.
    expect(wanjiru.longInCare).toBe(1);
    expect(rows.find((r) => r.workerName === 'Omar Worker')).toMatchObject({ open: 0 });
    await team.supervisor.ok('practice.update', { caseloadWarnSize: 2 });
    expect((await team.supervisor.ok('review.caseload', {})).rows.find((r) => r.workerName === 'Wanjiru Worker')?.overCaseload).toBe(true);
    await team.supervisor.ok('practice.update', { caseloadWarnSize: 25 });
    await expectCode(team.worker.call('review.caseload', {}), 'FORBIDDEN');
  });
});

describe('a review session', () => {
  let sessionId: string;

  it('picks cases by rule, with their reasons, plus a random sample of the others', async () => {
    const session = await team.supervisor.ok('review.startSession', { heldOn: daysAgo(0), kind: 'supervisor', rules: ['high_risk', 'overdue'], sampleSize: 1 });
    sessionId = session.id;
    const reasons = Object.fromEntries(session.items.map((i) => [i.caseId, i.reasons]));
    expect(reasons[highRisk]).toEqual(['high_risk']);
    expect(reasons[overdue]).toEqual(['overdue']);
    expect(session.items).toHaveLength(3);
    expect(reasons[quiet]).toEqual(['sample']);
    expect(session.items.every((i) => i.decision === null)).toBe(true);
  });

  it('a panel must name the agencies present', async () => {
    await expectCode(team.supervisor.call('review.startSession', { heldOn: daysAgo(0), kind: 'panel', rules: ['high_risk'] }), 'VALIDATION');
    const panel = await team.samuel.ok('review.startSession', { heldOn: daysAgo(0), kind: 'panel', agencies: ['District Probation Office'], rules: ['closure_requested'] });
    expect(panel).toMatchObject({ kind: 'panel', agencies: ['District Probation Office'] });
  });

  it('shows a review sheet of what the records hold', async () => {
    const sheet = await team.supervisor.ok('review.sheet', { sessionId, caseId: overdue });
    expect(sheet.overdue.map((o) => o.kind)).toContain('planReview');
    expect(sheet.daysSinceRegistration).toBeGreaterThanOrEqual(400);
    expect(sheet.openActions).toEqual([]);
  });

  it('records a decision with actions that appear in the owner’s My work; the note stays out of the timeline', async () => {
    const before = await team.worker.ok('cases.myWork', {});
    expect(before.reviewActions).toEqual([]);
    const after = await team.supervisor.ok('review.decide', {
      sessionId,
      caseId: highRisk,
      decision: 'revise_plan',
      note: 'SUPERVISION-NOTE-7731: worker seems overwhelmed',
      childConsulted: false,
      familyConsulted: true,
      actions: [{ text: 'Visit the school and update the safety plan', ownerId: userId('wanjiru'), dueOn: daysAhead(7) }],
    });
    const item = after.items.find((i) => i.caseId === highRisk)!;
    expect(item).toMatchObject({ decision: 'revise_plan', countsAsPlanReview: false });
    expect(after.actions).toHaveLength(1);
    const work = await team.worker.ok('cases.myWork', {});
    expect(work.reviewActions).toEqual([expect.objectContaining({ caseId: highRisk, text: 'Visit the school and update the safety plan', dueOn: daysAhead(7), overdue: false })]);
    const timeline = await team.worker.ok('cases.timeline', { caseId: highRisk, limit: 20 });
    expect(timeline.events.map((e) => e.type)).toContain('review.decision');
    expect(JSON.stringify(timeline)).not.toContain('SUPERVISION-NOTE-7731');
    // The owner marks it done; it leaves My work.
    await team.worker.ok('review.completeAction', { caseId: highRisk, actionId: after.actions[0].id });
    expect((await team.worker.ok('cases.myWork', {})).reviewActions).toEqual([]);
  });

  it('an action owner must be case staff, and a case worker cannot decide', async () => {
    await expectCode(team.supervisor.call('review.decide', { sessionId, caseId: overdue, decision: 'continue', childConsulted: false, familyConsulted: false, actions: [{ text: 'x', ownerId: userId('admin'), dueOn: daysAhead(3) }] }), 'VALIDATION');
    await expectCode(team.worker.call('review.decide', { sessionId, caseId: overdue, decision: 'continue', childConsulted: true, familyConsulted: true }), 'FORBIDDEN');
  });

  it('counts as the 3-monthly plan review only when the child and the family were consulted', async () => {
    const caseId = await caseInStage(team, 'follow_up');
    const ack = daysAgo(100);
    team.raw()
      .prepare(`INSERT INTO plan_versions (id, case_id, version, status, acknowledged_on, approved_at, created_at, updated_at) VALUES ('pv-review', ?, 1, 'current', ?, ?, ?, ?)`)
      .run(caseId, ack, new Date().toISOString(), new Date().toISOString(), new Date().toISOString());
    team.raw().prepare('UPDATE cases SET review_due = ? WHERE id = ?').run(daysAgo(10), caseId);
    const session = await team.supervisor.ok('review.startSession', { heldOn: daysAgo(0), kind: 'supervisor', rules: ['overdue'] });
    const decided = await team.supervisor.ok('review.decide', { sessionId: session.id, caseId, decision: 'continue', childConsulted: true, familyConsulted: true });
    expect(decided.items.find((i) => i.caseId === caseId)?.countsAsPlanReview).toBe(true);
    const file = await team.worker.ok('cases.get', { caseId });
    expect(file.reviewDue! > daysAhead(80)).toBe(true);
  });

  it('supervision notes never leave in a transfer package, whatever parts are ticked', async () => {
    const caseRow = team.raw().prepare('SELECT * FROM cases WHERE id = ?').get(highRisk) as never;
    const info: TransferInfo = { reason: 'moving_district', reasonCountry: '', reasonLegalStatus: '', basis: 'consent', legalBasis: '', childAssent: 'given', senderCaseNumber: 'x', sentByName: 'Sara', parts: [...packageParts] };
    const records = await collectRecords(team.office.core.store.get().db, caseRow, { parts: [...packageParts], excludeDocumentIds: [] }, info);
    const text = JSON.stringify(records);
    expect(text).toContain(highRisk);
    expect(text).not.toContain('SUPERVISION-NOTE-7731');
    expect(text).not.toContain('Visit the school and update the safety plan');
    expect(Object.keys(records.sections)).not.toEqual(expect.arrayContaining(['review_items']));
  });

  it('prints a summary of decisions and actions with the audit chain head, without supervision notes, in English and Arabic', async () => {
    const file = await team.supervisor.ok('review.printSummary', { sessionId, lang: 'en' });
    expect(file.fileName).toMatch(/^review-summary-.*\.pdf$/);
    const text = squash(pdfText(Buffer.from(file.dataBase64, 'base64')));
    expect(text).toContain('Case review summary');
    expect(text).toContain('Revise the plan');
    // (a table cell wraps: pdftotext reads wrapped cells line by line across the row)
    expect(text).toContain('Visit the school and update');
    expect(text).not.toContain('SUPERVISION-NOTE-7731');
    const head = team.raw().prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string };
    expect(text.replace(/\s/g, '')).toContain(head.hash);
    const printed = team.raw().prepare(`SELECT details FROM audit_log WHERE action = 'review.print'`).all() as { details: string }[];
    expect(printed).toHaveLength(1);
    const arabic = squash(pdfText(Buffer.from((await team.supervisor.ok('review.printSummary', { sessionId, lang: 'ar' })).dataBase64, 'base64')));
    expect(arabic).toContain(asPdftotextReads('ملخص مراجعة الحالات'));
    expect(arabic).toContain('تعديل الخطة');
  });

  it('a finished session takes no more decisions', async () => {
    await team.supervisor.ok('review.finishSession', { sessionId });
    await expectCode(team.supervisor.call('review.decide', { sessionId, caseId: overdue, decision: 'continue', childConsulted: false, familyConsulted: false }), 'CONFLICT');
    const list = await team.supervisor.ok('review.listSessions', {});
    expect(list.find((s) => s.id === sessionId)).toMatchObject({ status: 'finished', cases: 3, decided: 1 });
  });
});

describe('scope', () => {
  it('an unassigned case worker cannot complete another worker’s action', async () => {
    const s = await team.supervisor.ok('review.startSession', { heldOn: daysAgo(0), kind: 'supervisor', rules: ['high_risk'] });
    const d = await team.supervisor.ok('review.decide', { sessionId: s.id, caseId: highRisk, decision: 'continue', childConsulted: false, familyConsulted: false, actions: [{ text: 'Call the teacher', ownerId: userId('wanjiru'), dueOn: daysAhead(2) }] });
    await expectCode(team.other.call('review.completeAction', { caseId: highRisk, actionId: d.actions[0].id }), 'OUT_OF_SCOPE');
  });
});
