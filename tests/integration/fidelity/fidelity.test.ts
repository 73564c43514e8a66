// The fidelity rules through the channels: each refusal has its code, a message in every language,
// and writes nothing; each supervisor-approved exception lets exactly one gate pass, on the record.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { languages } from '../../../shared/i18n/languages';
import { adminPassword, supervisorPassword } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';
import { auditDetails, caseInStage, daysAgo, daysAhead, setUpTeam, type Team } from '../reunification/fixture';

let team: Team;
let samuel: InProcessClient;

beforeAll(async () => {
  team = await setUpTeam();
  const admin = await team.office.login('admin', adminPassword);
  await admin.ok('admin.createUser', { username: 'samuel', displayName: 'Samuel Supervisor', role: 'supervisor', password: supervisorPassword });
  samuel = await team.office.login('samuel', supervisorPassword);
});
afterAll(() => team?.office.cleanup());

const raw = () => team.office.core.store.get().raw;
const count = (table: string, caseId: string) => (raw().prepare(`SELECT count(*) AS n FROM ${table} WHERE case_id = ?`).get(caseId) as { n: number }).n;
const events = (caseId: string) => count('case_events', caseId);

/** Every error code the rules send has a message in every language. */
function expectTranslated(code: string) {
  for (const language of languages) {
    const messages = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../locales', language, 'errors.json'), 'utf8')) as Record<string, unknown>;
    expect(typeof messages[code] === 'string' && (messages[code] as string).length > 10, `${language}: ${code}`).toBe(true);
  }
}

describe('the reunification gate reads the latest picture', () => {
  it('a good supervised visit then a failed unsupervised one blocks the move; nothing is written', async () => {
    const caseId = await caseInStage(team, 'reunification');
    await team.worker.ok('contacts.record', { caseId, kind: 'supervised_visit', withWhom: 'Mother', heldOn: daysAgo(20), outcome: 'successful' });
    expect((await team.worker.ok('cases.get', { caseId })).facts.latestContactClear).toBe(true);
    await team.worker.ok('contacts.record', { caseId, kind: 'unsupervised_visit', withWhom: 'Mother', heldOn: daysAgo(10), outcome: 'unsuccessful', concerns: 'Stepfather shouted at her' });
    const file = await team.worker.ok('cases.get', { caseId });
    expect(file.facts.supervisedVisitSucceeded).toBe(true);
    expect(file.facts.latestContactClear).toBe(false);
    const before = events(caseId);
    const error = await expectCode(team.worker.call('cases.moveStage', { caseId, version: file.version, to: 'follow_up', reason: '' }), 'GATE_BLOCKED');
    expect(String(error.params?.gates).split(',')).toEqual(expect.arrayContaining(['latestContactClear', 'homeSafetyCurrent']));
    expect(events(caseId)).toBe(before);
    expect((await team.worker.ok('cases.get', { caseId })).stage).toBe('reunification');
  });

  it('a refusal stands until a later face-to-face contact succeeds', async () => {
    const caseId = await caseInStage(team, 'reunification');
    await team.worker.ok('contacts.record', { caseId, kind: 'supervised_visit', withWhom: 'Mother', heldOn: daysAgo(20), outcome: 'successful' });
    await team.worker.ok('contacts.recordRefusal', { caseId, refusedOn: daysAgo(15), refusedBy: 'family', reasons: 'Not ready' });
    expect((await team.worker.ok('cases.get', { caseId })).facts.noStandingRefusal).toBe(false);
    await team.worker.ok('contacts.record', { caseId, kind: 'short_meeting', withWhom: 'Mother', heldOn: daysAgo(5), outcome: 'successful' });
    expect((await team.worker.ok('cases.get', { caseId })).facts.noStandingRefusal).toBe(true);
  });

  it('preparation items still to do stop the move to reunification', async () => {
    const caseId = await caseInStage(team, 'preparation');
    await team.worker.ok('preparation.setCareArrangement', { caseId, arrangement: 'transit_centre', place: 'Gulu transit centre', since: daysAgo(60) });
    await team.worker.ok('preparation.setMonitor', { caseId, name: 'Teacher Okot', role: 'teacher', agreedOn: daysAgo(3) });
    await team.worker.ok('preparation.saveItem', { caseId, item: { area: 'health_mental_health_addiction', description: 'Clinic visit', status: 'open' } });
    const file = await team.worker.ok('cases.get', { caseId });
    const error = await expectCode(team.worker.call('cases.moveStage', { caseId, version: file.version, to: 'reunification', reason: '' }), 'GATE_BLOCKED');
    expect(error.params?.gates).toBe('preparationDone');
  });
});

describe('gate exceptions', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await caseInStage(team, 'reunification');
  });

  it('a worker asks with a reason; a case worker cannot decide; an unknown gate is refused and nothing is written', async () => {
    const before = count('gate_exceptions', caseId);
    await expectCode(team.worker.call('approvals.requestException', { caseId, gateId: 'everything', reasonKind: 'other', reason: 'x' }), 'VALIDATION');
    expect(count('gate_exceptions', caseId)).toBe(before);
    const asked = await team.worker.ok('approvals.requestException', { caseId, gateId: 'supervisedVisitSucceeded', reasonKind: 'distance', reason: 'Family is four days away by road' });
    expect(asked.status).toBe('pending');
    await expectCode(team.worker.call('approvals.decideException', { caseId, exceptionId: asked.id, decision: 'approved', note: '' }), 'FORBIDDEN');
    await expectCode(team.worker.call('approvals.requestException', { caseId, gateId: 'supervisedVisitSucceeded', reasonKind: 'other', reason: 'again' }), 'CONFLICT');
  });

  it('waits in the supervisor’s approvals list, and a refusal needs a note', async () => {
    const pending = await team.supervisor.ok('approvals.pending', { kinds: ['gateException'] });
    const item = pending.items.find((i) => i.caseId === caseId)!;
    expect(item).toMatchObject({ kind: 'gateException', subject: 'supervisedVisitSucceeded', canDecide: true });
    await expectCode(team.supervisor.call('approvals.decideException', { caseId, exceptionId: item.itemId, decision: 'refused', note: '' }), 'VALIDATION');
  });

  it('approved by a supervisor, it passes exactly its gate; the case file, timeline, audit and counts show it', async () => {
    const [request] = await team.worker.ok('approvals.listExceptions', { caseId });
    const approved = await team.supervisor.ok('approvals.decideException', { caseId, exceptionId: request.id, decision: 'approved', note: 'Agreed: video calls instead' });
    expect(approved).toMatchObject({ status: 'approved', decidedByName: 'Sara Supervisor', selfApproved: false });
    const file = await team.worker.ok('cases.get', { caseId });
    expect(file.facts.exceptions).toEqual(['supervisedVisitSucceeded']);
    expect(file.next.blocked.map((g) => g.id)).not.toContain('supervisedVisitSucceeded');
    expect(file.next.blocked.map((g) => g.id)).toContain('latestContactClear');
    const timeline = await team.worker.ok('cases.timeline', { caseId, limit: 20 });
    expect(timeline.events.map((e) => e.type)).toEqual(expect.arrayContaining(['exception.request', 'exception.approve']));
    expect(auditDetails(team).some((d) => d.includes('"gateId":"supervisedVisitSucceeded"') && d.includes('"status":"approved"'))).toBe(true);
    const { approvedExceptions } = await team.supervisor.ok('approvals.pending', {});
    expect(approvedExceptions.find((c) => c.gateId === 'supervisedVisitSucceeded')?.count).toBeGreaterThanOrEqual(1);
  });
});

describe('people who pose a risk', () => {
  it('a contact with a no-contact person is refused, translated, and nothing is written; a supervised-only person cannot have an unsupervised visit', async () => {
    const caseId = await caseInStage(team, 'reunification');
    await expectCode(
      team.worker.call('family.save', { caseId, member: { kind: 'relative', relationship: 'father', givenName: 'Opio', restriction: 'no_contact' } }),
      'VALIDATION',
    );
    const father = await team.worker.ok('family.save', {
      caseId,
      member: { kind: 'relative', relationship: 'father', givenName: 'Opio', posesRisk: true, restriction: 'no_contact', mustNotKnowLocation: true },
    });
    expect(father).toMatchObject({ posesRisk: true, restriction: 'no_contact', mustNotKnowLocation: true });
    const before = count('contacts', caseId);
    const error = await expectCode(
      team.worker.call('contacts.plan', { caseId, kind: 'remote_contact', mode: 'phone_call', withWhom: 'Father', familyMemberId: father.id, plannedFor: daysAhead(2) }),
      'CONTACT_RESTRICTED',
    );
    expect(error.params?.reason).toBe('noContact');
    expectTranslated('CONTACT_RESTRICTED');
    expect(count('contacts', caseId)).toBe(before);

    const uncle = await team.worker.ok('family.save', { caseId, member: { kind: 'relative', relationship: 'uncle', givenName: 'Ojok', posesRisk: true, restriction: 'supervised_only' } });
    await team.worker.ok('contacts.record', { caseId, kind: 'supervised_visit', withWhom: 'Uncle', familyMemberId: uncle.id, heldOn: daysAgo(3), outcome: 'successful' });
    await expectCode(
      team.worker.call('contacts.plan', { caseId, kind: 'unsupervised_visit', withWhom: 'Uncle', familyMemberId: uncle.id, plannedFor: daysAhead(3) }),
      'CONTACT_RESTRICTED',
    );
  });

  it('a confidential placement is kept as such', async () => {
    const caseId = await caseInStage(team, 'preparation');
    const care = await team.worker.ok('preparation.setCareArrangement', { caseId, arrangement: 'foster_care', place: 'Safe house', since: daysAgo(10), confidential: true });
    expect(care.confidential).toBe(true);
  });
});

describe('consent is checked', () => {
  it('tracing without consent is refused, translated, nothing written; consent allows it; withdrawal stops it at once; a supervisor’s exception passes it', async () => {
    const caseId = await caseInStage(team, 'tracing_assessment');
    const action = { date: daysAgo(1), method: 'radio_announcement' as const, result: 'lead' as const };
    const before = count('tracing_actions', caseId);
    const error = await expectCode(team.worker.call('tracing.add', { caseId, action }), 'CONSENT_REQUIRED');
    expect(error.params).toMatchObject({ purpose: 'tracing', reason: 'noConsent' });
    expectTranslated('CONSENT_REQUIRED');
    expect(count('tracing_actions', caseId)).toBe(before);
    // Interviewing the child shares nothing: no consent needed.
    await team.worker.ok('tracing.add', { caseId, action: { ...action, method: 'interview_child' } });

    const consent = await team.worker.ok('consents.record', {
      caseId,
      consent: { givenBy: 'guardian', giverName: 'Probation officer', relationship: 'guardian', purposes: ['tracing'], method: 'written', date: daysAgo(5) },
    });
    await team.worker.ok('tracing.add', { caseId, action });
    await expectCode(team.worker.call('tracing.add', { caseId, action: { ...action, method: 'photo_tracing' } }), 'CONSENT_REQUIRED');
    await team.worker.ok('consents.withdraw', { caseId, consentId: consent.id, date: daysAgo(0), reason: 'Guardian changed their mind' });
    await expectCode(team.worker.call('tracing.add', { caseId, action: { ...action, date: daysAgo(0) } }), 'CONSENT_REQUIRED');

    const asked = await team.worker.ok('approvals.requestException', { caseId, gateId: 'consent.tracing', reasonKind: 'infant', reason: 'Infant found alone; no one to ask' });
    await team.supervisor.ok('approvals.decideException', { caseId, exceptionId: asked.id, decision: 'approved', note: '' });
    await team.worker.ok('tracing.add', { caseId, action: { ...action, date: daysAgo(0) } });
  });

  it('a photo is kept only with a consent for photo use', async () => {
    const caseId = await caseInStage(team, 'tracing_assessment');
    const photo = { mime: 'image/png' as const, dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' };
    await expectCode(team.worker.call('cases.setPhoto', { caseId, photo }), 'CONSENT_REQUIRED');
    expect(count('case_photos', caseId)).toBe(0);
    const child = { givenName: 'Akello', familyName: 'Amony', sex: 'female' as const, estimatedAgeYears: 6, separationReasons: ['poverty' as const] };
    await expectCode(team.worker.call('cases.register', { child, photo }), 'CONSENT_REQUIRED');
    // A six-year-old cannot agree alone; her grandmother can.
    await expectCode(team.worker.call('cases.register', { child, photo, photoConsent: { givenBy: 'child', method: 'verbal' } }), 'CONSENT_REQUIRED');
    const row = await team.worker.ok('cases.register', { child, photo, photoConsent: { givenBy: 'caregiver', giverName: 'Grandmother', method: 'thumbprint' } });
    expect((await team.worker.ok('consents.list', { caseId: row.id }))[0].purposes).toEqual(['photo']);
  });
});

describe('no self-approval', () => {
  it('the supervisor who holds a case cannot approve its BID; another supervisor can; a one-supervisor office may, flagged', async () => {
    const caseId = await caseInStage(team, 'tracing_assessment');
    await team.supervisor.ok('cases.assign', { caseId, workerId: team.office.users.supervisor.id, familyWorkerId: null });
    const insertBid = (id: string) =>
      raw()
        .prepare(
          `INSERT INTO bids (id, case_id, status, date, panel, options_considered, child_views, decision, decision_other, reasons, review_comment,
             created_at, created_by, updated_at, submitted_at, submitted_by, decided_at, decided_by, version)
           VALUES (?, ?, 'submitted', ?, '[]', '[]', 'I want to go home', 'kinship_care', '', 'Aunt able and willing', '', ?, ?, ?, ?, ?, NULL, NULL, 2)`,
        )
        .run(id, caseId, daysAgo(2), new Date().toISOString(), team.office.users.supervisor.id, new Date().toISOString(), new Date().toISOString(), team.office.users.supervisor.id);
    insertBid('bid-own');
    const error = await expectCode(team.supervisor.call('bid.approve', { caseId, bidId: 'bid-own', version: 2, comment: '' }), 'SELF_APPROVAL');
    expect(error.params?.reason).toBe('ownSubmission');
    expectTranslated('SELF_APPROVAL');
    expect((raw().prepare(`SELECT status FROM bids WHERE id = 'bid-own'`).get() as { status: string }).status).toBe('submitted');
    const pending = await team.supervisor.ok('approvals.pending', { kinds: ['bid'] });
    expect(pending.items.find((i) => i.itemId === 'bid-own')?.canDecide).toBe(false);

    // Kinship care is reintegration (G:L123): approved by another supervisor, the gate opens.
    await samuel.ok('bid.approve', { caseId, bidId: 'bid-own', version: 2, comment: '' });
    expect((await samuel.ok('cases.get', { caseId })).facts.bidApproved).toBe(true);

    insertBid('bid-again');
    await expectCode(team.worker.call('practice.update', { oneSupervisorMode: true }), 'FORBIDDEN');
    await team.supervisor.ok('practice.update', { oneSupervisorMode: true });
    const approved = await team.supervisor.ok('bid.approve', { caseId, bidId: 'bid-again', version: 2, comment: '' });
    expect(approved.status).toBe('approved');
    expect((raw().prepare(`SELECT self_approved FROM bids WHERE id = 'bid-again'`).get() as { self_approved: number }).self_approved).toBe(1);
    await team.supervisor.ok('practice.update', { oneSupervisorMode: false });
  });

  it('a plan does not take effect while the BID waits for approval', async () => {
    const caseId = await caseInStage(team, 'tracing_assessment');
    await team.worker.ok('plans.saveDraft', {
      caseId,
      expectedRevision: null,
      plan: {
        objectives: [{ domain: 'education_skills', objective: 'Enrolled in school', indicator: 'Letter', targetDate: daysAhead(90), responsible: 'Mother' }],
        familyOwnership: '',
        contingencyPlan: 'Aunt in Lira',
        guardianship: { currentHolder: 'Probation office', returnsTo: 'Mother', returnsOn: null, notes: '' },
      },
    });
    const error = await expectCode(
      team.worker.call('plans.acknowledge', {
        caseId,
        version: 1,
        acknowledgement: { method: 'verbal', witnessName: 'Pastor', witnessRole: 'religious leader', date: daysAgo(0), familyMembers: [{ name: 'Mother', relationship: 'mother' }], childAcknowledged: true },
      }),
      'GATE_BLOCKED',
    );
    expect(error.params?.gates).toBe('bidApproved');
    expect((raw().prepare(`SELECT status FROM plan_versions WHERE case_id = ?`).get(caseId) as { status: string }).status).toBe('draft');
  });
});

describe('scope', () => {
  it('a case worker not assigned to the case reaches none of its exceptions', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const asked = await team.worker.ok('approvals.requestException', { caseId, gateId: 'homeSafetyCurrent', reasonKind: 'emergency', reason: 'Court-ordered return' });
    await expectCode(team.other.call('approvals.listExceptions', { caseId }), 'OUT_OF_SCOPE');
    await expectCode(team.other.call('approvals.requestException', { caseId, gateId: 'returnWanted', reasonKind: 'other', reason: 'x' }), 'OUT_OF_SCOPE');
    await expectCode(team.other.call('approvals.withdrawException', { caseId, exceptionId: asked.id }), 'OUT_OF_SCOPE');
    await expectCode(team.other.call('approvals.pending', {}), 'FORBIDDEN');
    expect((await team.worker.ok('approvals.withdrawException', { caseId, exceptionId: asked.id })).status).toBe('withdrawn');
  });
});
