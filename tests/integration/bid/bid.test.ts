import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvableBid, codeOf, secrets, stageOneOffice } from '../assessments/stage-one';

let setup: Awaited<ReturnType<typeof stageOneOffice>>;

beforeAll(async () => {
  setup = await stageOneOffice();
});
afterAll(() => setup.office.cleanup());

describe('best interests determination', () => {
  it('a draft may be incomplete, but submitting needs the panel, the child’s own words, a decision and reasons', async () => {
    const { worker, caseId } = setup;
    const draft = await worker.ok('bid.save', { caseId, bid: { date: '2025-03-10' } });
    expect(draft).toMatchObject({ status: 'draft', decision: null, version: 1 });
    const submit = await worker.call('bid.submit', { caseId, bidId: draft.id, version: draft.version });
    expect(codeOf(submit)).toBe('VALIDATION');
    const paths = submit.ok ? [] : (submit.error.issues ?? []).map((i) => i.path.join('.'));
    expect(paths.sort()).toEqual(['childViews', 'decision', 'panel', 'reasons']);
    expect((await worker.ok('bid.get', { caseId, bidId: draft.id })).status).toBe('draft');
  });

  it('only one determination is in progress at a time', async () => {
    const result = await setup.worker.call('bid.save', { caseId: setup.caseId, bid: approvableBid });
    expect(result.ok ? null : result.error.params?.reason).toBe('openBid');
  });

  it('refuses a BID date in the future and writes nothing', async () => {
    const { worker, caseId } = setup;
    const [draft] = await worker.ok('bid.list', { caseId });
    const result = await worker.call('bid.save', { caseId, bidId: draft.id, version: draft.version, bid: { ...approvableBid, date: '2025-08-01' } });
    expect(codeOf(result)).toBe('INVALID_DATE');
    expect((await worker.ok('bid.get', { caseId, bidId: draft.id })).version).toBe(draft.version);
  });

  it('a case worker submits; a case worker cannot approve; a supervisor returns it with a comment', async () => {
    const { worker, supervisor, caseId } = setup;
    const [draft] = await worker.ok('bid.list', { caseId });
    const filled = await worker.ok('bid.save', { caseId, bidId: draft.id, version: draft.version, bid: approvableBid });
    const submitted = await worker.ok('bid.submit', { caseId, bidId: filled.id, version: filled.version });
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'Wanjiru Worker' });

    const selfApproval = await worker.call('bid.approve', { caseId, bidId: filled.id, version: submitted.version });
    expect(codeOf(selfApproval)).toBe('FORBIDDEN');
    const change = await worker.call('bid.save', { caseId, bidId: filled.id, version: submitted.version, bid: approvableBid });
    expect(change.ok ? null : change.error.params?.reason).toBe('submitted');

    const noComment = await supervisor.call('bid.return', { caseId, bidId: filled.id, version: submitted.version, comment: ' ' });
    expect(codeOf(noComment)).toBe('VALIDATION');
    const returned = await supervisor.ok('bid.return', {
      caseId, bidId: filled.id, version: submitted.version, comment: 'Add the teacher’s view to the panel',
    });
    expect(returned).toMatchObject({ status: 'returned', reviewComment: 'Add the teacher’s view to the panel', decidedBy: 'Sara Supervisor' });
    expect((await worker.ok('cases.get', { caseId })).facts.bidApproved).toBe(false);
  });

  it('the worker revises and resubmits; the supervisor approves; the gate opens; the record is final', async () => {
    const { worker, supervisor, caseId } = setup;
    const [returned] = await worker.ok('bid.list', { caseId });
    const revised = await worker.ok('bid.save', {
      caseId, bidId: returned.id, version: returned.version,
      bid: { ...approvableBid, panel: [...approvableBid.panel, { name: 'Mr Opio', role: 'Teacher', view: 'She does well at school', recommendation: 'reintegration_with_family' }] },
    });
    const resubmitted = await worker.ok('bid.submit', { caseId, bidId: revised.id, version: revised.version });
    const approved = await supervisor.ok('bid.approve', { caseId, bidId: revised.id, version: resubmitted.version, comment: 'Agreed' });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'Sara Supervisor', panel: expect.arrayContaining([expect.objectContaining({ name: 'Mr Opio' })]) });
    const file = await worker.ok('cases.get', { caseId });
    expect(file.facts.bidApproved).toBe(true);
    expect(file.next.blocked.map((g) => g.id)).not.toContain('bidApproved');

    const again = await supervisor.call('bid.approve', { caseId, bidId: revised.id, version: approved.version });
    expect(codeOf(again)).toBe('CONFLICT');
    const edit = await worker.call('bid.save', { caseId, bidId: revised.id, version: approved.version, bid: approvableBid });
    expect(edit.ok ? null : edit.error.params?.reason).toBe('approved');
  });

  it('an approved BID deciding on other care does not open the reintegration gate', async () => {
    const { worker, supervisor, caseId } = setup;
    const next = await worker.ok('bid.save', { caseId, bid: { ...approvableBid, date: '2025-05-01', decision: 'foster_care' } });
    const submitted = await worker.ok('bid.submit', { caseId, bidId: next.id, version: next.version });
    await supervisor.ok('bid.approve', { caseId, bidId: next.id, version: submitted.version });
    expect((await worker.ok('cases.get', { caseId })).facts.bidApproved).toBe(false);
    expect((await worker.ok('bid.list', { caseId })).map((b) => [b.status, b.decision])).toEqual([
      ['approved', 'foster_care'],
      ['approved', 'reintegration_with_family'],
    ]);
  });

  it('the audit log has the steps and no names, words or reasons', async () => {
    const { entries } = await setup.admin.ok('audit.list', { entityId: setup.caseId, limit: 500 });
    for (const action of ['bid.create', 'bid.save', 'bid.submit', 'bid.return', 'bid.approve']) {
      expect(entries.some((e) => e.action === action), action).toBe(true);
    }
    const text = JSON.stringify(entries);
    for (const secret of [...Object.values(secrets), 'Mr Opio', 'Dr. Akello', 'teacher’s view', approvableBid.reasons]) {
      expect(text).not.toContain(secret);
    }
  });
});
