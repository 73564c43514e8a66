import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { codeOf, foundAction, secrets, stageOneOffice } from '../assessments/stage-one';

let setup: Awaited<ReturnType<typeof stageOneOffice>>;
let worker: InProcessClient;
let caseId: string;

beforeAll(async () => {
  setup = await stageOneOffice();
  worker = setup.worker;
  caseId = setup.caseId;
});
afterAll(() => setup.office.cleanup());

describe('the tracing log', () => {
  it('starts empty with the family not found', async () => {
    const log = await worker.ok('tracing.list', { caseId });
    expect(log.actions).toEqual([]);
    expect(log.outcome.familyFound).toBe(false);
  });

  it('records actions across districts and countries, the office country by default', async () => {
    const local = await worker.ok('tracing.add', {
      caseId,
      action: { date: '2025-01-15', method: 'interview_child', place: 'Transit centre', area: 'Gulu', result: 'lead', notes: 'Names a grandmother in Koro' },
    });
    expect(local.country).toBe('UG');
    const abroad = await worker.ok('tracing.add', {
      caseId,
      action: { date: '2025-01-20', method: 'partner_agency', area: 'Nairobi', country: 'ke', result: 'no_information' },
    });
    expect(abroad.country).toBe('KE');
    const log = await worker.ok('tracing.list', { caseId });
    expect(log.actions.map((a) => a.date)).toEqual(['2025-01-20', '2025-01-15']);
    expect(log.actions[0].recordedBy).toBe('Wanjiru Worker');
    expect(log.outcome.familyFound).toBe(false);
  });

  it('finds the family with a family_found action, and the case file shows the gate passed', async () => {
    const found = await worker.ok('tracing.add', { caseId, action: foundAction });
    expect(found.establishesFound).toBe(true);
    const log = await worker.ok('tracing.list', { caseId });
    expect(log.outcome).toMatchObject({ familyFound: true, foundActionId: found.id, foundOn: foundAction.date });
    const file = await worker.ok('cases.get', { caseId });
    expect(file.facts.familyFound).toBe(true);
    expect(file.next.blocked.map((g) => g.id)).not.toContain('familyFound');
  });

  it('a later refusal supersedes the found family; a later lead does not', async () => {
    await worker.ok('tracing.add', { caseId, action: { date: '2025-02-10', method: 'phone_call', result: 'lead' } });
    expect((await worker.ok('tracing.list', { caseId })).outcome.familyFound).toBe(true);
    const refused = await worker.ok('tracing.add', { caseId, action: { date: '2025-02-20', method: 'home_visit', result: 'family_refused' } });
    const log = await worker.ok('tracing.list', { caseId });
    expect(log.outcome).toMatchObject({ familyFound: false, lastOutcome: 'family_refused' });
    expect((await worker.ok('cases.get', { caseId })).facts.familyFound).toBe(false);
    // The refusal was recorded on the wrong case: removing it restores the earlier outcome.
    await worker.ok('tracing.remove', { caseId, actionId: refused.id, reason: 'Entered on the wrong case' });
    const after = await worker.ok('tracing.list', { caseId });
    expect(after.outcome.familyFound).toBe(true);
    expect(after.actions.some((a) => a.id === refused.id)).toBe(false);
  });

  it('corrects an action and refuses a stale correction', async () => {
    const [latest] = (await worker.ok('tracing.list', { caseId })).actions;
    const updated = await worker.ok('tracing.update', {
      caseId,
      actionId: latest.id,
      version: latest.version,
      action: { date: latest.date, method: 'community_inquiry', result: 'lead', place: 'Koro market' },
    });
    expect(updated).toMatchObject({ method: 'community_inquiry', place: 'Koro market', version: latest.version + 1 });
    const stale = await worker.call('tracing.update', {
      caseId,
      actionId: latest.id,
      version: latest.version,
      action: { date: latest.date, method: 'phone_call', result: 'lead' },
    });
    expect(stale.ok ? null : stale.error.params?.reason).toBe('version');
  });

  it('refuses impossible dates and bad input, and writes nothing', async () => {
    const before = (await worker.ok('tracing.list', { caseId })).actions.length;
    const events = (await worker.ok('cases.timeline', { caseId })).events.length;
    const future = await worker.call('tracing.add', { caseId, action: { date: '2025-06-03', method: 'phone_call', result: 'lead' } });
    expect(codeOf(future)).toBe('INVALID_DATE');
    const beforeCase = await worker.call('tracing.add', { caseId, action: { date: '2025-01-09', method: 'phone_call', result: 'lead' } });
    expect(codeOf(beforeCase)).toBe('INVALID_DATE');
    const badMethod = await worker.call('tracing.add', { caseId, action: { date: '2025-02-01', method: 'telepathy' as 'other', result: 'lead' } });
    expect(codeOf(badMethod)).toBe('VALIDATION');
    const badCountry = await worker.call('tracing.add', { caseId, action: { date: '2025-02-01', method: 'other', result: 'lead', country: 'Uganda' } });
    expect(codeOf(badCountry)).toBe('VALIDATION');
    expect((await worker.ok('tracing.list', { caseId })).actions.length).toBe(before);
    expect((await worker.ok('cases.timeline', { caseId })).events.length).toBe(events);
  });

  it('an action of another case is not found through this one', async () => {
    const { id: otherCase } = await worker.ok('cases.register', {
      child: { givenName: 'Joseph', familyName: 'Okello', sex: 'male', estimatedAgeYears: 9, separationReasons: ['conflict_disaster'] },
    });
    const [action] = (await worker.ok('tracing.list', { caseId })).actions;
    const crossed = await worker.call('tracing.remove', { caseId: otherCase, actionId: action.id, reason: 'test' });
    expect(codeOf(crossed)).toBe('NOT_FOUND');
  });

  it('the timeline shows outcomes while the audit log holds no names or notes', async () => {
    const { events } = await worker.ok('cases.timeline', { caseId });
    expect(events.some((e) => e.type === 'tracing.add' && e.details?.result === 'family_found')).toBe(true);
    const { entries } = await setup.admin.ok('audit.list', { entityId: caseId, limit: 500 });
    const text = JSON.stringify(entries);
    expect(entries.some((e) => e.action === 'tracing.add')).toBe(true);
    expect(entries.some((e) => e.action === 'case.view' && e.details?.part === 'tracing')).toBe(true);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(text).not.toContain('Koro');
  });
});
