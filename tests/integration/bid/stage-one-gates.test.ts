// Across the four stage-1 features: the gates they open together, and record scope on every one of
// their case channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelInput, type ChannelName } from '../../../shared/contract';
import { approvableBid, codeOf, foundAction, passStageOne, riskAssessment, safetyPlan, stageOneOffice } from '../assessments/stage-one';

let setup: Awaited<ReturnType<typeof stageOneOffice>>;

beforeAll(async () => {
  setup = await stageOneOffice();
});
afterAll(() => setup.office.cleanup());

const features = ['tracing.', 'assessments.', 'safety.', 'bid.'];
const someId = '00000000-0000-4000-8000-000000000000';

/** A valid input for each case channel of the four features, pointed at `caseId`. */
function caseInputs(caseId: string): { [N in ChannelName]?: ChannelInput<N> } {
  return {
    'tracing.list': { caseId },
    'tracing.add': { caseId, action: foundAction },
    'tracing.update': { caseId, actionId: someId, version: 1, action: foundAction },
    'tracing.remove': { caseId, actionId: someId, reason: 'wrong case' },
    'assessments.list': { caseId },
    'assessments.get': { caseId, assessmentId: someId },
    'assessments.save': { caseId, templateKey: 'csi', templateVersion: 1, date: '2025-03-01' },
    'assessments.wellbeingHistory': { caseId },
    'safety.get': { caseId },
    'safety.saveRiskAssessment': { caseId, basedOn: 0, assessment: riskAssessment },
    'safety.saveSafetyPlan': { caseId, basedOn: 0, plan: safetyPlan },
    'bid.list': { caseId },
    'bid.get': { caseId, bidId: someId },
    'bid.save': { caseId, bid: approvableBid },
    'bid.submit': { caseId, bidId: someId, version: 1 },
    'bid.approve': { caseId, bidId: someId, version: 1 },
    'bid.return': { caseId, bidId: someId, version: 1, comment: 'Please add the panel' },
  };
}

describe('stage 1 across tracing, assessments, safety and BID', () => {
  it('an unassigned case worker is refused on every case channel of these features, and nothing is written', async () => {
    const { other, caseId, admin, worker } = setup;
    const inputs = caseInputs(caseId);
    const caseChannels = channelNames.filter((n) => features.some((f) => n.startsWith(f)) && n !== 'assessments.templates' && n !== 'assessments.saveTemplate');
    expect(Object.keys(inputs).sort()).toEqual([...caseChannels].sort());
    const timelineBefore = (await worker.ok('cases.timeline', { caseId })).events.length;
    for (const name of caseChannels) {
      const result = await other.call(name, inputs[name] as never);
      // Approving is a supervisor's permission: a case worker is refused before scope is even asked.
      const expected = name === 'bid.approve' || name === 'bid.return' ? 'FORBIDDEN' : 'OUT_OF_SCOPE';
      expect(codeOf(result), name).toBe(expected);
    }
    expect((await worker.ok('cases.timeline', { caseId })).events.length).toBe(timelineBefore);
    expect((await worker.ok('tracing.list', { caseId })).actions).toEqual([]);
    expect(await worker.ok('assessments.list', { caseId })).toEqual([]);
    expect(await worker.ok('bid.list', { caseId })).toEqual([]);
    expect((await worker.ok('safety.get', { caseId })).riskAssessment).toBeNull();
    const { entries } = await admin.ok('audit.list', { action: 'case.accessDenied', entityId: caseId, limit: 100 });
    expect(entries.length).toBe(caseChannels.length - 2);
  });

  it('after family found, child and family assessed, risk assessed, a safety plan the child knows and an approved BID, only the plan blocks preparation', async () => {
    const { worker, supervisor, caseId } = setup;
    const before = await worker.ok('cases.get', { caseId });
    expect(before.next.blocked.map((g) => g.id)).toEqual([
      'familyFound', 'childAssessed', 'familyAssessed', 'riskAssessed', 'safetyPlan', 'bidApproved', 'planAcknowledged',
    ]);
    await passStageOne(worker, supervisor, caseId);
    const after = await worker.ok('cases.get', { caseId });
    expect(after.next).toEqual({ to: 'preparation', blocked: [{ id: 'planAcknowledged', tab: 'plan' }] });
    expect(after.riskLevel).toBe('high');
    const move = await worker.call('cases.moveStage', { caseId, version: after.version, to: 'preparation' });
    expect(codeOf(move)).toBe('GATE_BLOCKED');
  });

  it('a supervisor reaches every case, and may record on it', async () => {
    const { supervisor, caseId } = setup;
    expect((await supervisor.ok('tracing.list', { caseId })).outcome.familyFound).toBe(true);
    const added = await supervisor.ok('tracing.add', { caseId, action: { date: '2025-05-02', method: 'phone_call', result: 'lead' } });
    expect(added.recordedBy).toBe('Sara Supervisor');
  });

  it('an administrator reads no case content', async () => {
    const result = await setup.admin.call('tracing.list', { caseId: setup.caseId });
    expect(['FORBIDDEN', 'OUT_OF_SCOPE']).toContain(codeOf(result));
  });
});
