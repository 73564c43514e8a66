// Closure and re-opening through the channels (G:L287-293): the worker recommends with the
// checklist; another person approves or returns it; a closed case is read-only and kept; a
// supervisor re-opens it with a reason and the history stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelName } from '../../../shared/contract';
import { sampleInput } from '../../fixtures/channels';
import { expectCode } from '../../fixtures/results';
import { caseInStage } from '../reunification/fixture';
import { completeChecklist, setUpReviewTeam, type ReviewTeam } from './fixture';

let team: ReviewTeam;
beforeAll(async () => {
  team = await setUpReviewTeam();
});
afterAll(() => team?.office.cleanup());

const recommend = async (caseId: string, client = team.worker) =>
  client.ok('closure.recommend', { caseId, version: await team.version(caseId), reason: 'reintegrated', checklist: completeChecklist });

describe('recommending closure', () => {
  it('needs every element of the checklist; what is missing is named, and nothing is written', async () => {
    const caseId = await caseInStage(team, 'follow_up');
    const before = team.count('case_events', caseId);
    const error = await expectCode(
      team.worker.call('closure.recommend', {
        caseId,
        version: await team.version(caseId),
        reason: 'reintegrated',
        checklist: { ...completeChecklist, observationsReviewed: false, familyViews: '', risks: [{ risk: 'Violence at home', likelihood: 3, severity: 3, mitigation: '' }] },
      }),
      'VALIDATION',
    );
    expect(error.issues?.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['checklist.observationsReviewed', 'checklist.familyViews', 'checklist.highRiskJustified']),
    );
    await expectCode(team.worker.call('closure.recommend', { caseId, version: await team.version(caseId), reason: 'other', checklist: completeChecklist }), 'VALIDATION');
    expect(team.count('case_closures', caseId)).toBe(0);
    expect(team.count('case_events', caseId)).toBe(before);
  });

  it('waits in the one approvals queue; a case worker cannot decide it; a return needs reasons and leaves the case open', async () => {
    const caseId = await caseInStage(team, 'follow_up');
    const closure = await recommend(caseId);
    expect(closure).toMatchObject({ status: 'recommended', recommendedByName: 'Wanjiru Worker', reason: 'reintegrated' });
    const error = await expectCode(team.worker.call('closure.recommend', { caseId, version: await team.version(caseId), reason: 'died', checklist: completeChecklist }), 'CONFLICT');
    expect(error.params).toEqual({ reason: 'closurePending' });
    const item = (await team.supervisor.ok('approvals.pending', { kinds: ['closure'] })).items.find((i) => i.caseId === caseId);
    expect(item).toMatchObject({ kind: 'closure', itemId: closure.id, subject: 'reintegrated', canDecide: true });
    await expectCode(team.worker.call('closure.decide', { caseId, closureId: closure.id, decision: 'approved', note: '' }), 'FORBIDDEN');
    await expectCode(team.supervisor.call('closure.decide', { caseId, closureId: closure.id, decision: 'returned', note: '' }), 'VALIDATION');
    const returned = await team.supervisor.ok('closure.decide', { caseId, closureId: closure.id, decision: 'returned', note: 'Visit the school once more first' });
    expect(returned).toMatchObject({ status: 'returned', decidedByName: 'Sara Supervisor', decisionNote: 'Visit the school once more first' });
    expect((await team.worker.ok('cases.get', { caseId })).status).toBe('open');
    expect((await team.supervisor.ok('approvals.pending', {})).items.map((i) => i.caseId)).not.toContain(caseId);
    // The worker can recommend again; the returned one stays on record.
    await recommend(caseId);
    expect((await team.worker.ok('closure.get', { caseId })).closures.map((c) => c.status)).toEqual(['recommended', 'returned']);
  });
});

describe('deciding: never the recommender', () => {
  it('a supervisor who recommended closure of their own case cannot approve it; another supervisor, as a panel, can', async () => {
    const { id: caseId } = await team.supervisor.ok('cases.register', {
      child: { givenName: 'Lakica', familyName: 'Aber', sex: 'female', estimatedAgeYears: 15, separationReasons: ['poverty'], area: 'Gulu' },
    });
    const closure = await recommend(caseId, team.supervisor);
    const item = (await team.supervisor.ok('approvals.pending', { kinds: ['closure'] })).items.find((i) => i.caseId === caseId)!;
    expect(item.canDecide).toBe(false);
    const error = await expectCode(team.supervisor.call('closure.decide', { caseId, closureId: closure.id, decision: 'approved', note: '' }), 'SELF_APPROVAL');
    expect(error.params).toEqual({ reason: 'ownSubmission' });
    expect((await team.supervisor.ok('cases.get', { caseId })).status).toBe('open');
    const approved = await team.samuel.ok('closure.decide', { caseId, closureId: closure.id, decision: 'approved', note: 'Panel agreed', panelAgencies: ['District Probation Office', 'Gulu Health Centre'] });
    expect(approved).toMatchObject({ status: 'approved', decidedByName: 'Samuel Supervisor', panelAgencies: ['District Probation Office', 'Gulu Health Centre'], selfApproved: false });
  });
});

describe('a closed case', () => {
  let caseId: string;
  let closureId: string;

  beforeAll(async () => {
    caseId = await caseInStage(team, 'follow_up');
    closureId = (await recommend(caseId)).id;
    await team.supervisor.ok('closure.decide', { caseId, closureId, decision: 'approved', note: 'Reintegration secure' });
  });

  it('is closed, at the closure stage, readable, and no longer writable', async () => {
    const file = await team.worker.ok('cases.get', { caseId });
    expect(file).toMatchObject({ status: 'closed', stage: 'closure', canWrite: false });
    const timeline = await team.worker.ok('cases.timeline', { caseId, limit: 20 });
    expect(timeline.events.map((e) => e.type)).toEqual(expect.arrayContaining(['closure.recommend', 'closure.approve']));
  });

  // Every channel that changes a case, called by a supervisor (who holds every permission) on it.
  const writeChannels = channelNames.filter(
    (name) =>
      ['case.write', 'case.approve', 'case.assign'].includes(channels[name].access) &&
      typeof sampleInput(name) === 'object' &&
      'caseId' in (sampleInput(name) as object) &&
      // Re-opening is what a closed case allows; asking a supervisor to compare a likely duplicate
      // is how a worker who registers a child matching a closed case gets it re-opened. The review
      // sheet only reads (a supervisor's channel, hence listed here); a supervisor may still mark an
      // emergency referral made before closure as seen (services feature: loads the case to read).
      !['closure.reopen', 'closure.get', 'cases.flagDuplicate', 'review.sheet', 'referrals.acknowledgeEmergency'].includes(name),
  );

  it('there are write channels to check', () => {
    expect(writeChannels.length).toBeGreaterThan(40);
  });

  it.each(writeChannels)('%s is refused with CASE_CLOSED, and nothing is written', async (name: ChannelName) => {
    const before = { events: team.count('case_events', caseId), audit: team.raw().prepare('SELECT max(id) AS id FROM audit_log').get() };
    const input = { ...(sampleInput(name) as Record<string, unknown>), caseId };
    await expectCode(team.supervisor.call(name, input as never), 'CASE_CLOSED');
    expect(team.count('case_events', caseId)).toBe(before.events);
  });

  it('a registration that matches it is told the match is closed (the form offers to re-open it)', async () => {
    const file = await team.supervisor.ok('cases.get', { caseId });
    const matches = await team.worker.ok('cases.checkDuplicates', { givenName: file.child.givenName, familyName: file.child.familyName, dateOfBirth: file.child.dateOfBirth });
    expect(matches.find((m) => m.caseId === caseId)).toMatchObject({ closed: true });
  });

  it('a case worker cannot re-open it; a supervisor re-opens it with a reason, and the history is kept', async () => {
    await expectCode(team.worker.call('closure.reopen', { caseId, reason: 're_separation', note: 'She ran away again' }), 'FORBIDDEN');
    await expectCode(team.supervisor.call('closure.reopen', { caseId, reason: 're_separation', note: '' }), 'VALIDATION');
    const reopening = await team.supervisor.ok('closure.reopen', { caseId, reason: 're_separation', note: 'She ran away again; now at the transit centre' });
    expect(reopening).toMatchObject({ closureId, reason: 're_separation', stage: 'preparation', reopenedByName: 'Sara Supervisor' });
    const file = await team.worker.ok('cases.get', { caseId });
    expect(file).toMatchObject({ status: 'open', stage: 'preparation', canWrite: true });
    const history = await team.worker.ok('closure.get', { caseId });
    expect(history.closures.map((c) => [c.id, c.status])).toEqual([[closureId, 'approved']]);
    expect(history.reopenings).toHaveLength(1);
    const timeline = await team.worker.ok('cases.timeline', { caseId, limit: 50 });
    expect(timeline.events.map((e) => e.type)).toEqual(expect.arrayContaining(['closure.recommend', 'closure.approve', 'closure.reopen']));
    await expectCode(team.supervisor.call('closure.reopen', { caseId, reason: 'new_concern', note: 'again' }), 'CONFLICT');
  });
});

describe('record scope', () => {
  it.each(['closure.get', 'closure.recommend', 'closure.withdraw', 'closure.decide', 'closure.reopen'] as const)(
    'an unassigned case worker is refused on %s',
    async (name) => {
      const caseId = await caseInStage(team, 'follow_up');
      const input = { ...(sampleInput(name) as Record<string, unknown>), caseId };
      await expectCode(team.other.call(name, input as never), channels[name].access === 'case.approve' ? 'FORBIDDEN' : 'OUT_OF_SCOPE');
    },
  );
});
