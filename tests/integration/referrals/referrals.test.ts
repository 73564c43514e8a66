// Referrals from a case: consent checked at sending (a draft stays a draft without it, or goes on
// an emergency reason that alerts the supervisor), minimum necessary fields (sensitive ones need
// words and a reason; the audit names the fields, never their values), the lifecycle with invalid
// moves refused, feedback onto the linked objective, the register and the due list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { openRawWithKey } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';
import { gapCell, setUpDirectoryOffice, type DirectoryOffice } from '../services/fixture';

let o: DirectoryOffice;
let objectiveKey: string;
beforeAll(async () => {
  o = await setUpDirectoryOffice();
  const plan = await o.worker.ok('plans.get', { caseId: o.caseId });
  objectiveKey = plan.current!.objectives.find((x) => x.domain === 'education_skills')!.key;
});
afterAll(() => o?.cleanup());

type Draft = ChannelInput<'referrals.saveDraft'>['referral'];
const draft = (extra: Partial<Draft> = {}): Draft => ({
  providerId: o.school.id,
  serviceId: o.school.services[0].id,
  category: 'education',
  objectiveKey,
  need: 'Catch-up classes before she joins P5',
  urgency: 'urgent',
  fields: ['name', 'age', 'sex', 'location', 'need', 'urgency', 'dateOfBirth'],
  ...extra,
});

const auditOf = (action: string) => {
  const raw = openRawWithKey(o.core);
  try {
    return (raw.prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY id').all(action) as { details: string }[]).map((r) => JSON.parse(r.details) as Record<string, unknown>);
  } finally {
    raw.close();
  }
};

describe('suggestions', () => {
  it('suggests providers by the child’s area, category and eligibility', async () => {
    const education = await o.worker.ok('referrals.suggest', { caseId: o.caseId, category: 'education' });
    expect(education.map((s) => s.providerName)).toEqual(['Pece Catch-up School']);
    expect(await o.worker.ok('referrals.suggest', { caseId: o.caseId, category: 'education', excludeProviderId: o.school.id })).toEqual([]);
    expect((await o.worker.ok('referrals.suggest', { caseId: o.caseId, category: 'mental_health' })).map((s) => s.providerName)).toEqual(['Gulu Counselling Centre']);
  });
});

describe('consent and minimum necessary data', () => {
  let referralId: string;

  it('a sensitive field needs the worker’s words and a reason before sending', async () => {
    const saved = await o.worker.ok('referrals.saveDraft', { caseId: o.caseId, referral: draft({ fields: [...draft().fields, 'healthStatus'] }) });
    referralId = saved.id;
    expect(saved.status).toBe('draft');
    const refused = await expectCode(o.worker.call('referrals.send', { caseId: o.caseId, referralId, date: '2025-09-01' }), 'VALIDATION');
    expect(refused.issues?.map((i) => i.message).sort()).toEqual(['reasonRequired', 'textRequired']);
  });

  it('without a current consent for referral the referral stays a draft', async () => {
    await o.worker.ok('referrals.saveDraft', {
      caseId: o.caseId,
      referral: draft({ id: referralId, fields: [...draft().fields, 'healthStatus'], texts: { healthStatus: 'Asthma, uses an inhaler' }, reasons: { healthStatus: 'Sports lessons' } }),
    });
    const error = await expectCode(o.worker.call('referrals.send', { caseId: o.caseId, referralId, date: '2025-09-01' }), 'CONSENT_REQUIRED');
    expect(error.params).toMatchObject({ purpose: 'referral' });
    const [after] = await o.worker.ok('referrals.list', { caseId: o.caseId });
    expect(after.status).toBe('draft');
    const preview = await o.worker.ok('referrals.preview', { caseId: o.caseId, referralId });
    expect(preview.consent.ok).toBe(false);
  });

  it('with consent it is sent; the preview shows exactly the chosen fields and the audit names them, not their values', async () => {
    await o.worker.ok('consents.record', { caseId: o.caseId, consent: { givenBy: 'caregiver', giverName: 'Grace Okello', relationship: 'mother', purposes: ['referral'], method: 'verbal', date: '2025-09-01' } });
    const preview = await o.worker.ok('referrals.preview', { caseId: o.caseId, referralId });
    expect(preview.consent.ok).toBe(true);
    expect(preview.rows).toEqual([
      { field: 'name', value: 'Amélie Nduwimana' },
      { field: 'age', value: '13' },
      { field: 'sex', value: 'female' },
      { field: 'location', value: 'Pece' },
      { field: 'need', value: 'Catch-up classes before she joins P5' },
      { field: 'urgency', value: 'urgent' },
      { field: 'dateOfBirth', value: '2012-03-02' },
      { field: 'healthStatus', value: 'Asthma, uses an inhaler' },
    ]);
    const sent = await o.worker.ok('referrals.send', { caseId: o.caseId, referralId, date: '2025-09-01' });
    expect(sent).toMatchObject({ status: 'sent', sentOn: '2025-09-01', dueOn: '2025-09-04', consentBasis: 'consent' });
    const [audit] = auditOf('referral.sent');
    expect(audit.fieldsShared).toEqual(['name', 'age', 'sex', 'location', 'need', 'urgency', 'dateOfBirth', 'healthStatus']);
    expect(JSON.stringify(auditOf('referral.sent'))).not.toContain('Asthma');
  });

  it('a consent withdrawn stops the next referral; an emergency reason sends it and alerts the supervisor', async () => {
    const consents = await o.worker.ok('consents.list', { caseId: o.caseId });
    await o.worker.ok('consents.withdraw', { caseId: o.caseId, consentId: consents[0].id, date: '2025-09-01', reason: 'Mother changed her mind' });
    const second = await o.worker.ok('referrals.saveDraft', { caseId: o.caseId, referral: draft({ providerId: o.clinic.id, serviceId: null, category: 'mental_health', urgency: 'emergency', objectiveKey: null, finding: 'Night terrors' }) });
    await expectCode(o.worker.call('referrals.send', { caseId: o.caseId, referralId: second.id, date: '2025-09-01' }), 'CONSENT_REQUIRED');
    const sent = await o.worker.ok('referrals.send', { caseId: o.caseId, referralId: second.id, date: '2025-09-01', emergencyReason: 'Self-harm risk tonight' });
    expect(sent).toMatchObject({ status: 'sent', consentBasis: 'emergency', emergencyReason: 'Self-harm risk tonight', dueOn: '2025-09-02' });
    const due = await o.supervisor.ok('referrals.due', {});
    expect(due.find((d) => d.id === second.id)).toMatchObject({ emergencyUnseen: true });
    await expectCode(o.worker.call('referrals.acknowledgeEmergency', { caseId: o.caseId, referralId: second.id }), 'FORBIDDEN');
    await o.supervisor.ok('referrals.acknowledgeEmergency', { caseId: o.caseId, referralId: second.id });
    const register = await o.supervisor.ok('referrals.register', {});
    expect(register.rows.find((r) => r.id === second.id)?.emergencyUnseen).toBe(false);
    expect(auditOf('referral.sentWithoutConsent')).toHaveLength(1);
  });
});

describe('lifecycle', () => {
  it('refuses invalid moves with REFERRAL_INVALID_MOVE and asks a reason for declining', async () => {
    const [r] = (await o.worker.ok('referrals.list', { caseId: o.caseId })).filter((x) => x.category === 'education');
    const move = (to: ChannelInput<'referrals.move'>['to'], extra: Partial<ChannelInput<'referrals.move'>> = {}) =>
      o.worker.call('referrals.move', { caseId: o.caseId, referralId: r.id, to, date: '2025-09-01', version: r.version, ...extra });
    await expectCode(move('completed', { outcome: 'x' }), 'REFERRAL_INVALID_MOVE');
    await expectCode(move('started'), 'REFERRAL_INVALID_MOVE');
    await expectCode(move('sent'), 'REFERRAL_INVALID_MOVE');
    await expectCode(move('declined'), 'VALIDATION');
    await expectCode(move('acknowledged', { date: '2025-08-30' }), 'INVALID_DATE');
    await expectCode(move('acknowledged', { version: r.version + 5 }), 'CONFLICT');
    let v = (await o.worker.ok('referrals.move', { caseId: o.caseId, referralId: r.id, to: 'acknowledged', date: '2025-09-01', version: r.version })).version;
    v = (await o.worker.ok('referrals.move', { caseId: o.caseId, referralId: r.id, to: 'accepted', date: '2025-09-01', version: v })).version;
    v = (await o.worker.ok('referrals.move', { caseId: o.caseId, referralId: r.id, to: 'started', date: '2025-09-01', version: v })).version;
    await expectCode(o.worker.call('referrals.move', { caseId: o.caseId, referralId: r.id, to: 'completed', date: '2025-09-01', version: v }), 'VALIDATION');
    const done = await o.worker.ok('referrals.move', { caseId: o.caseId, referralId: r.id, to: 'completed', date: '2025-09-01', version: v, outcome: 'Passed the P4 test' });
    expect(done.status).toBe('completed');
    expect(done.events.map((e) => e.to)).toEqual(['draft', 'sent', 'acknowledged', 'accepted', 'started', 'completed']);
    await expectCode(o.worker.call('referrals.move', { caseId: o.caseId, referralId: r.id, to: 'declined', date: '2025-09-01', version: done.version, reason: 'x' }), 'REFERRAL_INVALID_MOVE');
    await expectCode(o.worker.call('referrals.saveDraft', { caseId: o.caseId, referral: draft({ id: r.id }) }), 'REFERRAL_INVALID_MOVE');
  });

  it('feedback and the child’s and family’s views are recorded and update the linked objective', async () => {
    const [r] = (await o.worker.ok('referrals.list', { caseId: o.caseId })).filter((x) => x.category === 'education');
    const saved = await o.worker.ok('referrals.feedback', {
      caseId: o.caseId,
      referralId: r.id,
      providerFeedback: 'Attended 20 of 22 classes',
      childView: 'I can read the bus signs now',
      familyView: 'Helpful, but the walk is long',
      objectiveStatus: 'achieved',
      date: '2025-09-01',
    });
    expect(saved).toMatchObject({ providerFeedback: 'Attended 20 of 22 classes', childView: 'I can read the bus signs now' });
    const plan = await o.worker.ok('plans.get', { caseId: o.caseId });
    const objective = plan.current!.objectives.find((x) => x.key === objectiveKey)!;
    expect(objective.status).toBe('achieved');
    expect(JSON.stringify(objective)).toContain('I can read the bus signs now');
  });

  it('a declined referral counts in the gap matrix, and the register filters by status, provider, category and overdue', async () => {
    const third = await o.worker.ok('referrals.saveDraft', { caseId: o.caseId, referral: draft({ providerId: o.clinic.id, serviceId: null, category: 'mental_health', objectiveKey: null, urgency: 'routine' }) });
    const sent = await o.worker.ok('referrals.send', { caseId: o.caseId, referralId: third.id, date: '2025-09-01', emergencyReason: 'Needed' });
    await o.worker.ok('referrals.move', { caseId: o.caseId, referralId: third.id, to: 'declined', date: '2025-09-01', version: sent.version, reason: 'Full until January' });
    const gaps = await o.worker.ok('services.gaps', {});
    const cell = gapCell(gaps, o.areas.pece.id, 'mental_health')!;
    expect(cell).toMatchObject({ declined: 1, services: 1, gap: 'strained' });
    const byStatus = await o.worker.ok('referrals.register', { status: 'declined' });
    expect(byStatus.rows.map((r) => r.id)).toEqual([third.id]);
    expect((await o.worker.ok('referrals.register', { providerId: o.school.id })).rows).toHaveLength(1);
    expect((await o.worker.ok('referrals.register', { category: 'mental_health' })).rows).toHaveLength(2);
    await o.travelTo('2025-09-10T08:00:00.000Z');
    const overdue = await o.worker.ok('referrals.register', { overdueOnly: true });
    expect(overdue.rows.map((r) => r.status)).toEqual(['sent']);
    expect(overdue.rows[0].overdue).toBe(true);
    const due = await o.worker.ok('referrals.due', {});
    expect(due.map((d) => d.id)).toEqual(overdue.rows.map((r) => r.id));
    expect(await o.other.ok('referrals.due', {})).toEqual([]);
    expect((await o.other.ok('referrals.register', {})).rows).toEqual([]);
  });
});
