import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelInput, type ChannelName } from '../../../shared/contract';
import { caseInStage, auditDetails, daysAgo, daysAhead, pngBase64, setUpTeam, type Team } from './fixture';

let team: Team;
let caseId: string;
let plannedId: string;

beforeAll(async () => {
  team = await setUpTeam();
  caseId = await caseInStage(team, 'reunification');
  plannedId = (await team.worker.ok('contacts.plan', { caseId, kind: 'short_meeting', withWhom: 'Mother', plannedFor: daysAhead(3) })).id;
});
afterAll(() => team.office.cleanup());

const featureChannels = channelNames.filter((n) => n.startsWith('contacts.') || n.startsWith('reunification.'));

/** A valid input for every channel of the two features; a new channel without one fails the test. */
function validInput(name: ChannelName): unknown {
  const inputs: { [N in ChannelName]?: ChannelInput<N> } = {
    'contacts.list': { caseId },
    'contacts.listRefusals': { caseId },
    'contacts.plan': { caseId, kind: 'remote_contact', mode: 'letter', withWhom: 'Grandmother', plannedFor: daysAhead(1) },
    'contacts.record': { caseId, kind: 'short_meeting', withWhom: 'Mother', heldOn: daysAgo(1), outcome: 'successful' },
    'contacts.cancel': { caseId, contactId: plannedId, reason: 'Moved' },
    'contacts.recordRefusal': { caseId, refusedOn: daysAgo(1), refusedBy: 'both', reasons: 'Not ready' },
    'reunification.get': { caseId },
    'reunification.getWillingnessDocument': { caseId },
    'reunification.save': {
      caseId,
      version: null,
      reunifiedOn: daysAgo(1),
      willingness: { statedBy: 'Mother', document: { kind: 'signature', mime: 'image/png', dataBase64: pngBase64 } },
      guardianship: {},
    },
  };
  return inputs[name];
}

describe('scope on every contacts and reunification channel', () => {
  it('covers every channel of both features', () => {
    expect(featureChannels.length).toBeGreaterThanOrEqual(9);
    for (const name of featureChannels) expect(validInput(name), name).toBeDefined();
  });

  it.each(featureChannels)('an unassigned case worker gets OUT_OF_SCOPE on %s, and the refusal is audited', async (name) => {
    const before = team.office.core.store.get().raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.accessDenied'").get() as { n: number };
    const result = await team.other.call(name, validInput(name) as never);
    expect(result.ok ? null : result.error.code).toBe('OUT_OF_SCOPE');
    const after = team.office.core.store.get().raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.accessDenied'").get() as { n: number };
    expect(after.n).toBe(before.n + 1);
  });

  it('an administrator reaches no case content through these channels', async () => {
    for (const name of featureChannels) {
      const result = await team.office.admin.call(name, validInput(name) as never);
      expect(result.ok ? null : result.error.code, name).toMatch(/^(FORBIDDEN|OUT_OF_SCOPE)$/);
    }
  });

  it('the supervisor reaches the case, and nothing the other worker tried was written', async () => {
    const list = await team.supervisor.ok('contacts.list', { caseId });
    expect(list.contacts.map((c) => c.status)).toEqual(['planned']);
    expect(list.refusals).toBe(0);
    expect(await team.supervisor.ok('reunification.get', { caseId })).toBeNull();
  });
});

describe('the audit log', () => {
  it('records views and changes of contacts and the reunification with ids and kinds, never names or narrative', async () => {
    const secrets = {
      withWhom: 'Atieno Wambui',
      childFeedback: 'I was happy to see my little sister',
      familyFeedback: 'Grandmother cried with joy',
      concerns: 'Uncle drinks at weekends',
      who: 'Stepfather Kamau',
      reasons: 'No money for school fees',
      childViews: 'I want to go to my grandmother instead',
      statedBy: 'Nakato Ssempala',
      statement: 'We promise to care for her',
      childChoices: 'Wear the blue dress',
      item: 'Blanket for Nakato',
      provider: 'St Mary Primary Layibi',
    };
    const id = await caseInStage(team, 'reunification');
    await team.worker.ok('contacts.record', {
      caseId: id,
      kind: 'supervised_visit',
      withWhom: secrets.withWhom,
      heldOn: daysAgo(2),
      outcome: 'successful',
      childFeedback: secrets.childFeedback,
      familyFeedback: secrets.familyFeedback,
      concerns: secrets.concerns,
    });
    await team.worker.ok('contacts.recordRefusal', { caseId: id, refusedOn: daysAgo(1), refusedBy: 'family', who: secrets.who, reasons: secrets.reasons, childViews: secrets.childViews });
    await team.worker.ok('reunification.save', {
      caseId: id,
      version: null,
      reunifiedOn: daysAgo(1),
      willingness: { statedBy: secrets.statedBy, statement: secrets.statement, document: { kind: 'signature', mime: 'image/png', dataBase64: pngBase64 } },
      guardianship: { to: secrets.statedBy },
      childChoices: secrets.childChoices,
      packageItems: [{ item: secrets.item, quantity: 1 }],
      enrolments: [{ service: 'school', provider: secrets.provider }],
      handoverToId: team.office.users.otherWorker.id,
    });
    await team.other.ok('contacts.list', { caseId: id });
    await team.other.ok('reunification.get', { caseId: id });
    await team.other.ok('reunification.getWillingnessDocument', { caseId: id });

    const details = auditDetails(team).join('\n');
    for (const [field, text] of Object.entries(secrets)) expect(details.includes(text), field).toBe(false);
    expect(details).not.toContain('Wanjiru Worker');
    expect(details).not.toContain(pngBase64.slice(0, 20));

    const entries = (await team.supervisor.ok('audit.list', { entityId: id, limit: 100 })).entries;
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['contact.record', 'contact.refusal', 'reunification.save', 'case.handover', 'case.view']));
    const parts = entries.filter((e) => e.action === 'case.view').map((e) => e.details?.part);
    expect(parts).toEqual(expect.arrayContaining(['contacts', 'reunification', 'reunificationWillingness']));
  });
});
