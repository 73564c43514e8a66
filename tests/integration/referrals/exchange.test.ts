// Referrals to a partner office as sealed files, end to end between two real offices: consent is
// checked exactly as for the printed slip; the file holds the slip's rows and nothing else; the
// partner verifies, previews and accepts it into its register of referrals received (no case is
// made); its answers come back as signed files that move the referral on at Gulu. Every refusal
// (wrong recipient, tampered, unknown sender, replay, out of order) writes nothing but its audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/contract/errors';
import { craft, officeKeys } from '../transfer/craft';
import { workerPassword } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';
import { count, giveReferralConsent, outgoingFiles, rows, setUpPartnerReferral, strangerKeys, tampered, type PartnerReferral } from './exchange-fixture';

let p: PartnerReferral;
let referralFile = '';
beforeAll(async () => {
  p = await setUpPartnerReferral();
});
afterAll(() => {
  p?.gulu.cleanup();
  p?.lira.cleanup();
});

const ref = () => ({ caseId: p.gulu.caseId, referralId: p.draftId });
const status = () => (rows(p.gulu.core, `SELECT status FROM referrals WHERE id = '${p.draftId}'`)[0] as { status: string }).status;

describe('sending a referral to a partner office as a sealed file', () => {
  it('without a current consent for referral it stays a draft: no file is sealed, nothing recorded', async () => {
    await expectCode(p.gulu.worker.call('referrals.sendSealed', { ...ref(), date: '2025-09-01' }), 'CONSENT_REQUIRED');
    expect(status()).toBe('draft');
    expect(outgoingFiles(p.gulu.core)).toEqual([]);
    expect(count(p.gulu.core, 'referral_exchanges')).toBe(0);
  });

  it('a provider that is not a partner office gets no sealed file (the slip is its way)', async () => {
    await giveReferralConsent(p.gulu.worker, p.gulu.caseId);
    const other = await p.gulu.worker.ok('referrals.saveDraft', {
      caseId: p.gulu.caseId,
      referral: { providerId: p.gulu.school.id, category: 'education', need: 'Classes', urgency: 'routine', fields: ['name', 'need', 'urgency'] },
    });
    expect(other.providerPartner).toBe(false);
    await expectCode(p.gulu.worker.call('referrals.sendSealed', { caseId: p.gulu.caseId, referralId: other.id, date: '2025-09-01' }), 'REFERRAL_NOT_PARTNER');
    expect(outgoingFiles(p.gulu.core)).toEqual([]);
  });

  it('with consent it is sent, sealed, and its audit entry names the fields shared and the file', async () => {
    const preview = await p.gulu.worker.ok('referrals.preview', ref());
    const sent = await p.gulu.worker.ok('referrals.sendSealed', { ...ref(), date: '2025-09-01' });
    expect(sent.referral).toMatchObject({ status: 'sent', sealed: true, providerPartner: true, dueOn: '2025-09-04', consentBasis: 'consent' });
    referralFile = sent.file.dataBase64;
    const bytes = Buffer.from(referralFile, 'base64');
    // Encrypted: the child's name is nowhere in the file.
    expect(bytes.includes(Buffer.from('Akello'))).toBe(false);
    expect(preview.rows.map((r) => r.field)).toEqual(['name', 'age', 'need', 'urgency']);
    const audit = rows(p.gulu.core, `SELECT details FROM audit_log WHERE action = 'referral.sent' AND entity_id = '${p.gulu.caseId}'`) as { details: string }[];
    expect(JSON.parse(audit[0].details)).toMatchObject({ referralId: p.draftId, fieldsShared: ['name', 'age', 'need', 'urgency'], sealedFile: expect.any(String), partnerCode: 'LRA' });
    expect(count(p.gulu.core, 'referral_exchanges')).toBe(1);
    // The same file can be saved again.
    expect((await p.gulu.worker.ok('referrals.sealedFile', ref())).dataBase64).toBe(referralFile);
  });
});

describe('the partner office receives it', () => {
  it('opens it: exactly the slip’s rows and nothing else; nothing is written but the audit entry', async () => {
    const slip = await p.gulu.worker.ok('referrals.preview', ref());
    const opened = await p.liraSupervisor.ok('referrals.openReceived', { fileBase64: referralFile });
    expect(opened.fields).toEqual(slip.rows);
    expect(opened).toMatchObject({ category: 'mental_health', urgency: 'urgent', sentOn: '2025-09-01', dueOn: '2025-09-04', referredByName: 'Wanjiru Worker', sender: { code: 'GUL' } });
    // No case number, no reasons, nothing the worker did not choose.
    expect(JSON.stringify(opened)).not.toMatch(/GUL-\d{4}-|Nyeko|dateOfBirth/);
    expect(count(p.lira.core, 'received_referrals')).toBe(0);
    expect(count(p.lira.core, 'cases')).toBe(0);
  });

  it('a case worker of the partner office may not open it', async () => {
    const worker = await p.lira.login('wanjiru', workerPassword);
    await expectCode(worker.call('referrals.openReceived', { fileBase64: referralFile }), 'FORBIDDEN');
  });

  it('accepts it into the register of referrals received — not as a case', async () => {
    const accepted = await p.liraSupervisor.ok('referrals.acceptReceived', { fileBase64: referralFile });
    expect(accepted).toMatchObject({ status: 'sent', responses: 0, fields: (await p.gulu.worker.ok('referrals.preview', ref())).rows });
    expect(count(p.lira.core, 'cases')).toBe(0);
    expect((await p.liraSupervisor.ok('referrals.receivedList', {})).map((r) => r.id)).toEqual([accepted.id]);
    const audit = rows(p.lira.core, `SELECT details FROM audit_log WHERE action = 'referrals.receivedAccept'`) as { details: string }[];
    expect(JSON.parse(audit[0].details)).toEqual({ sender: 'GUL', fields: ['name', 'age', 'need', 'urgency'] });
  });

  it('opened where case transfers are, it is pointed to Referrals and nothing is imported', async () => {
    const bytes = Buffer.from(referralFile, 'base64');
    const { uploadId } = await p.liraSupervisor.ok('transfer.upload', { uploadId: null, offset: 0, totalBytes: bytes.length, dataBase64: referralFile });
    await expectCode(p.liraSupervisor.call('transfer.open', { uploadId }), 'TRANSFER_IS_REFERRAL');
    expect(count(p.lira.core, 'transfers')).toBe(0);
    expect(count(p.lira.core, 'cases')).toBe(0);
  });

  it('the same file again is refused as already imported, nothing written', async () => {
    await expectCode(p.liraSupervisor.call('referrals.acceptReceived', { fileBase64: referralFile }), 'TRANSFER_ALREADY_IMPORTED');
    expect(count(p.lira.core, 'received_referrals')).toBe(1);
  });
});

describe('refused files write nothing', () => {
  const records = () => ({
    schema: 'homeward-referral',
    schemaVersion: 1,
    referralId: 'another-referral',
    category: 'health',
    categoryLabels: {},
    serviceName: null,
    urgency: 'routine',
    sentOn: '2025-09-01',
    dueOn: null,
    referredByName: 'Someone',
    fields: [{ field: 'need', value: 'x' }],
  });
  const asReferral = (m: Record<string, unknown>) => ({ ...m, kind: 'referral' });

  it.each([
    ['a tampered file', async () => tampered(referralFile), 'TRANSFER_BAD_SIGNATURE'],
    ['a file made for another office', async () => (await craft({ sender: await officeKeys(p.gulu.core), recipient: strangerKeys(), records: records(), manifest: asReferral })).toString('base64'), 'TRANSFER_WRONG_RECIPIENT'],
    ['a file from an office this one does not trust', async () => (await craft({ sender: strangerKeys(), recipient: await officeKeys(p.lira.core), records: records(), manifest: asReferral })).toString('base64'), 'TRANSFER_UNKNOWN_SENDER'],
    ['a case file offered as a referral', async () => (await craft({ sender: await officeKeys(p.gulu.core), recipient: await officeKeys(p.lira.core), records: records() })).toString('base64'), 'TRANSFER_MALFORMED'],
    ['a referral with a field the slip has no name for', async () => (await craft({ sender: await officeKeys(p.gulu.core), recipient: await officeKeys(p.lira.core), records: { ...records(), fields: [{ field: 'caseNumber', value: 'GUL-1' }] }, manifest: asReferral })).toString('base64'), 'TRANSFER_INVALID_RECORDS'],
  ])('%s is refused with its code, audited, and nothing is written', async (_name, make, code) => {
    const file = await make();
    const before = count(p.lira.core, 'received_referrals');
    await expectCode(p.liraSupervisor.call('referrals.acceptReceived', { fileBase64: file }), code as ErrorCode);
    expect(count(p.lira.core, 'received_referrals')).toBe(before);
    const refused = rows(p.lira.core, `SELECT details FROM audit_log WHERE action = 'referrals.fileRefused' ORDER BY id DESC LIMIT 1`) as { details: string }[];
    expect(JSON.parse(refused[0].details)).toMatchObject({ kind: 'referral', code });
  });
});

describe('the partner answers with signed files that move the referral on at Gulu', () => {
  let receivedId = '';
  const responses: string[] = [];
  const respond = async (to: 'acknowledged' | 'accepted' | 'declined' | 'started' | 'completed', extra: { reason?: string; outcome?: string } = {}) => {
    const current = await p.liraSupervisor.ok('referrals.receivedOne', { id: receivedId });
    const result = await p.liraSupervisor.ok('referrals.respondReceived', { id: receivedId, to, date: '2025-09-01', version: current.version, ...extra });
    responses.push(result.file.dataBase64);
    return result;
  };

  beforeAll(async () => {
    receivedId = (await p.liraSupervisor.ok('referrals.receivedList', {}))[0].id;
  });

  it('an acknowledgement moves it to acknowledged', async () => {
    const r = await respond('acknowledged');
    expect(r.received).toMatchObject({ status: 'acknowledged', responses: 1 });
    expect(await p.gulu.worker.ok('referrals.applyResponse', { fileBase64: r.file.dataBase64 })).toEqual({ caseId: p.gulu.caseId, referralId: p.draftId, status: 'acknowledged', moved: true });
    expect(status()).toBe('acknowledged');
  });

  it('an unassigned worker at Gulu cannot apply an answer to a case not theirs (refused, audited, nothing moved)', async () => {
    const r = await respond('accepted');
    await expectCode(p.gulu.other.call('referrals.applyResponse', { fileBase64: r.file.dataBase64 }), 'OUT_OF_SCOPE');
    expect(status()).toBe('acknowledged');
  });

  it('the outcome, arriving before the answers between, takes the referral through each step to completed', async () => {
    await respond('started');
    const done = await respond('completed', { outcome: 'Six counselling sessions attended' });
    expect(await p.gulu.worker.ok('referrals.applyResponse', { fileBase64: done.file.dataBase64 })).toMatchObject({ status: 'completed', moved: true });
    const [referral] = (await p.gulu.worker.ok('referrals.list', { caseId: p.gulu.caseId })).filter((r) => r.id === p.draftId);
    expect(referral.events.map((e) => e.to)).toEqual(['draft', 'sent', 'acknowledged', 'accepted', 'started', 'completed']);
    expect(referral.outcome).toBe('Six counselling sessions attended');
  });

  it('an older answer arriving late is refused as stale; the same answer again as already imported — nothing written', async () => {
    const before = count(p.gulu.core, 'referral_events');
    await expectCode(p.gulu.worker.call('referrals.applyResponse', { fileBase64: responses[1] }), 'TRANSFER_STALE');
    await expectCode(p.gulu.worker.call('referrals.applyResponse', { fileBase64: responses[3] }), 'TRANSFER_ALREADY_IMPORTED');
    await expectCode(p.gulu.worker.call('referrals.applyResponse', { fileBase64: tampered(responses[3]) }), 'TRANSFER_BAD_SIGNATURE');
    expect(count(p.gulu.core, 'referral_events')).toBe(before);
    expect(status()).toBe('completed');
  });

  it('each file opened at the office that sealed it is refused: it was made for the other one', async () => {
    await expectCode(p.liraSupervisor.call('referrals.acceptReceived', { fileBase64: responses[0] }), 'TRANSFER_WRONG_RECIPIENT');
    await expectCode(p.gulu.worker.call('referrals.applyResponse', { fileBase64: referralFile }), 'TRANSFER_WRONG_RECIPIENT');
  });

  it('the partner refuses a move its lifecycle does not allow; each answer sealed is numbered in the history', async () => {
    const current = await p.liraSupervisor.ok('referrals.receivedOne', { id: receivedId });
    await expectCode(p.liraSupervisor.call('referrals.respondReceived', { id: receivedId, to: 'accepted', date: '2025-09-01', version: current.version }), 'REFERRAL_INVALID_MOVE');
    expect(current.events.map((e) => e.seq)).toEqual([null, 1, 2, 3, 4]);
  });
});
