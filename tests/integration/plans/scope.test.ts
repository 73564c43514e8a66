// Every case channel of the plans and preparation features refuses a case worker the case is not
// assigned to, writes nothing, and records the attempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelInput, type ChannelName } from '../../../shared/contract';
import { errorCode, officeOnClock, planContent, pngBase64, verbalAck, type ClockOffice } from './helpers';

let o: ClockOffice;
let caseId: string;
let objectiveId: string;
let itemId: string;

type FeatureChannel = Extract<ChannelName, `plans.${string}` | `preparation.${string}`>;

/** A valid input for each channel against the case under test; a new channel must be added here. */
const inputs = (): { [N in FeatureChannel]: ChannelInput<N> } => ({
  'plans.get': { caseId },
  'plans.familyCopy': { caseId },
  'plans.getVersion': { caseId, version: 1 },
  'plans.getAcknowledgementImage': { caseId, version: 1 },
  'plans.saveDraft': { caseId, expectedRevision: null, plan: planContent() },
  'plans.discardDraft': { caseId, expectedRevision: 0 },
  'plans.acknowledge': {
    caseId,
    version: 2,
    acknowledgement: {
      method: 'signature',
      signature: { mime: 'image/png', dataBase64: pngBase64 },
      date: '2025-09-20',
      familyMembers: [{ name: 'Grace Okello' }],
      childAcknowledged: true,
    },
  },
  'plans.updateObjective': { caseId, objectiveId, status: 'achieved', progress: { date: '2025-09-20', note: 'Done' } },
  'plans.review': { caseId, date: '2025-09-20', notes: 'Review' },
  'plans.approve': { caseId, version: 1 },
  'preparation.get': { caseId },
  'preparation.setCareArrangement': { caseId, arrangement: 'foster_care', place: 'Gulu', since: '2025-09-20' },
  'preparation.saveItem': { caseId, item: { id: itemId, area: 'other', description: 'x', status: 'done' } },
  'preparation.removeItem': { caseId, itemId },
  'preparation.addDefaultItems': { caseId },
  'preparation.setMonitor': { caseId, name: 'Mr Ouma', role: 'teacher', agreedOn: '2025-09-20' },
});

beforeAll(async () => {
  o = await officeOnClock('2025-09-01T08:00:00.000Z');
  caseId = (await o.register()).id;
  await o.travelTo('2025-10-01T08:00:00.000Z');
  const draft = await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: null, plan: planContent() });
  await o.worker.ok('plans.acknowledge', { caseId, version: draft.version, acknowledgement: verbalAck('2025-09-10') });
  objectiveId = draft.objectives[0].id;
  const { items } = await o.worker.ok('preparation.addDefaultItems', { caseId, areas: ['disability'] });
  itemId = items[0].id;
});
afterAll(() => o.cleanup());

const featureChannels = channelNames.filter((n): n is FeatureChannel => n.startsWith('plans.') || n.startsWith('preparation.'));

describe('record scope on plans and preparation', () => {
  it('every channel of both features has a sample here', () => {
    expect(Object.keys(inputs()).sort()).toEqual([...featureChannels].sort());
  });

  it.each(featureChannels)('an unassigned case worker is refused on %s and nothing is written', async (name) => {
    const before = { plans: o.count('plan_versions', caseId), items: o.count('preparation_items', caseId), events: o.count('case_events', caseId) };
    const input = inputs()[name];
    expect(channels[name].input.safeParse(input).success).toBe(true);
    const result = await o.other.call(name, input as never);
    // Approving is a supervisor's permission: a case worker is refused before scope is even looked at.
    expect(errorCode(result)).toBe(channels[name].access === 'case.approve' ? 'FORBIDDEN' : 'OUT_OF_SCOPE');
    expect({ plans: o.count('plan_versions', caseId), items: o.count('preparation_items', caseId), events: o.count('case_events', caseId) }).toEqual(before);
  });

  it('the refusals are in the audit log', () => {
    const denied = o.auditDetails(caseId).filter((d) => d.startsWith('case.accessDenied'));
    expect(denied.length).toBe(featureChannels.filter((n) => channels[n].access !== 'case.approve').length);
  });

  it('a supervisor reaches every case of the office', async () => {
    expect((await o.supervisor.ok('plans.get', { caseId })).current?.version).toBe(1);
    expect((await o.supervisor.ok('preparation.get', { caseId })).items).toHaveLength(2);
  });
});
