import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, jpegBase64, officeOnClock, planContent, pngBase64, verbalAck, type ClockOffice } from './helpers';

let o: ClockOffice;
let caseId: string;
let ackCase: string;
let dateCase: string;

beforeAll(async () => {
  o = await officeOnClock('2025-09-01T08:00:00.000Z');
  caseId = (await o.register()).id;
  ackCase = (await o.register()).id;
  dateCase = (await o.register()).id;
  await o.travelTo('2025-10-01T08:00:00.000Z');
});
afterAll(() => o.cleanup());

describe('plan versions', () => {
  it('a first save makes draft version 1, which is not yet an acknowledged plan', async () => {
    const draft = await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: null, plan: planContent() });
    expect(draft.version).toBe(1);
    expect(draft.status).toBe('draft');
    expect(draft.objectives).toHaveLength(2);
    expect(draft.objectives[0].partialSupport).toEqual({ what: 'School uniform', familyShare: 'Half the cost, 15 000 UGX' });
    const overview = await o.worker.ok('plans.get', { caseId });
    expect(overview.current).toBeNull();
    expect(overview.draft?.version).toBe(1);
    expect(overview.reviewDue).toBeNull();
    expect((await o.worker.ok('cases.get', { caseId })).facts.planAcknowledged).toBe(false);
  });

  it('a save from a stale form is refused rather than overwriting someone else\'s changes', async () => {
    const stale = await o.worker.call('plans.saveDraft', { caseId, expectedRevision: null, plan: planContent() });
    expect(errorCode(stale)).toBe('CONFLICT');
    const saved = await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: 0, plan: planContent({ familyOwnership: 'Revised' }) });
    expect(saved.revision).toBe(1);
    expect(saved.version).toBe(1);
  });

  it('the family cannot be asked to acknowledge a plan without a contingency plan', async () => {
    const draft = await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: 1, plan: planContent({ contingencyPlan: '' }) });
    const refused = await o.worker.call('plans.acknowledge', { caseId, version: 1, acknowledgement: verbalAck('2025-09-10') });
    expect(errorCode(refused)).toBe('VALIDATION');
    expect(refused.ok ? [] : refused.error.issues?.map((i) => i.path.join('.'))).toContain('plan.contingencyPlan');
    await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: draft.revision, plan: planContent() });
  });

  it('acknowledging makes the draft current; editing it makes version 2; acknowledging that keeps version 1', async () => {
    const ack = await o.worker.ok('plans.acknowledge', { caseId, version: 1, acknowledgement: verbalAck('2025-09-10') });
    expect(ack.reviewDue).toBe('2025-12-10');
    let overview = await o.worker.ok('plans.get', { caseId });
    expect(overview.current?.version).toBe(1);
    expect(overview.current?.acknowledgement?.method).toBe('verbal');
    expect(overview.current?.acknowledgement?.witnessName).toBe('Pastor Moses Ouma');
    expect(overview.draft).toBeNull();
    expect((await o.worker.ok('cases.get', { caseId })).facts.planAcknowledged).toBe(true);

    const edited = planContent();
    edited.objectives = overview.current!.objectives.map((obj) => ({
      key: obj.key,
      domain: obj.domain,
      objective: obj.objective,
      indicator: obj.indicator,
      targetDate: obj.targetDate,
      responsible: obj.responsible,
      resources: obj.resources,
      partialSupport: obj.partialSupport,
      status: obj.status,
    }));
    edited.objectives.push({
      domain: 'health',
      objective: 'Vaccinations up to date',
      indicator: 'Health card',
      targetDate: '2026-01-31',
      responsible: 'Health centre nurse',
    });
    const v2 = await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: null, plan: edited });
    expect(v2.version).toBe(2);
    expect(v2.basedOn).toBe(1);
    overview = await o.worker.ok('plans.get', { caseId });
    expect(overview.current?.version).toBe(1);
    expect(overview.draft?.version).toBe(2);

    await o.worker.ok('plans.acknowledge', { caseId, version: 2, acknowledgement: verbalAck('2025-09-20') });
    overview = await o.worker.ok('plans.get', { caseId });
    expect(overview.current?.version).toBe(2);
    expect(overview.versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'current'],
      [1, 'superseded'],
    ]);
    const v1 = await o.worker.ok('plans.getVersion', { caseId, version: 1 });
    expect(v1.status).toBe('superseded');
    expect(v1.objectives).toHaveLength(2);
    expect(v1.acknowledgement?.date).toBe('2025-09-10');
    expect(v1.supersededAt).not.toBeNull();
    // The objective kept its key across versions.
    expect(overview.current!.objectives[0].key).toBe(v1.objectives[0].key);
  });

  it('progress on an objective is recorded without a new version and follows it into the next version', async () => {
    const overview = await o.worker.ok('plans.get', { caseId });
    const target = overview.current!.objectives[0];
    const updated = await o.worker.ok('plans.updateObjective', {
      caseId,
      objectiveId: target.id,
      status: 'in_progress',
      progress: { date: '2025-09-25', note: 'Head teacher agreed to a place' },
    });
    expect(updated.status).toBe('in_progress');
    expect(updated.progress[0].note).toBe('Head teacher agreed to a place');
    const after = await o.worker.ok('plans.get', { caseId });
    expect(after.versions).toHaveLength(2);

    const content = planContent();
    content.objectives = after.current!.objectives.map((obj) => ({ ...obj, progress: undefined, id: undefined })).map(
      ({ key, domain, objective, indicator, targetDate, responsible, resources, partialSupport, status }) => ({
        key, domain, objective, indicator, targetDate, responsible, resources, partialSupport, status,
      }),
    );
    const v3 = await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: null, plan: content });
    expect(v3.objectives[0].status).toBe('in_progress');
    expect(v3.objectives[0].progress[0].note).toBe('Head teacher agreed to a place');
    await o.worker.ok('plans.discardDraft', { caseId, expectedRevision: v3.revision });
    expect((await o.worker.ok('plans.get', { caseId })).draft).toBeNull();
  });

  it('an objective key from another case is refused', async () => {
    const result = await o.worker.call('plans.saveDraft', {
      caseId,
      expectedRevision: null,
      plan: planContent({
        objectives: [{ key: 'made-up-key', domain: 'other', objective: 'x', indicator: 'y', targetDate: '2026-01-01', responsible: 'z' }],
      }),
    });
    expect(errorCode(result)).toBe('VALIDATION');
  });
});

describe('acknowledgement by each method', () => {

  async function freshDraft(): Promise<number> {
    const overview = await o.worker.ok('plans.get', { caseId: ackCase });
    const draft = await o.worker.ok('plans.saveDraft', {
      caseId: ackCase,
      expectedRevision: overview.draft?.revision ?? null,
      plan: planContent(),
    });
    return draft.version;
  }

  it('a signature drawn on screen is stored as a PNG and can be shown again', async () => {
    const version = await freshDraft();
    await o.worker.ok('plans.acknowledge', {
      caseId: ackCase,
      version,
      acknowledgement: {
        method: 'signature',
        signature: { mime: 'image/png', dataBase64: pngBase64 },
        date: '2025-09-02',
        familyMembers: [
          { name: 'Grace Okello', relationship: 'mother' },
          { name: 'Samuel Okello', relationship: 'uncle' },
        ],
        childAcknowledged: true,
      },
    });
    const image = await o.worker.ok('plans.getAcknowledgementImage', { caseId: ackCase, version });
    expect(image).toEqual({ mime: 'image/png', dataBase64: pngBase64 });
    const plan = await o.worker.ok('plans.getVersion', { caseId: ackCase, version });
    expect(plan.acknowledgement?.familyMembers.map((m) => m.name)).toEqual(['Grace Okello', 'Samuel Okello']);
    expect(plan.acknowledgement?.childAcknowledged).toBe(true);
  });

  it('a "signature" whose bytes are not a PNG is refused and the draft stays a draft', async () => {
    const version = await freshDraft();
    const result = await o.worker.call('plans.acknowledge', {
      caseId: ackCase,
      version,
      acknowledgement: {
        method: 'signature',
        signature: { mime: 'image/png', dataBase64: jpegBase64 },
        date: '2025-09-03',
        familyMembers: [{ name: 'Grace Okello' }],
        childAcknowledged: false,
      },
    });
    expect(errorCode(result)).toBe('VALIDATION');
    expect(result.ok ? null : result.error.issues?.[0].code).toBe('notPng');
    const overview = await o.worker.ok('plans.get', { caseId: ackCase });
    expect(overview.draft?.version).toBe(version);
    expect(overview.current?.version).toBe(version - 1);
  });

  it('a thumbprint scan is attached as an image; one that is not the image it claims is refused', async () => {
    const version = await freshDraft();
    const wrong = await o.worker.call('plans.acknowledge', {
      caseId: ackCase,
      version,
      acknowledgement: {
        method: 'thumbprint',
        thumbprint: { mime: 'image/png', dataBase64: jpegBase64 },
        date: '2025-09-03',
        familyMembers: [{ name: 'Grace Okello' }],
        childAcknowledged: false,
      },
    });
    expect(errorCode(wrong)).toBe('VALIDATION');
    await o.worker.ok('plans.acknowledge', {
      caseId: ackCase,
      version,
      acknowledgement: {
        method: 'thumbprint',
        thumbprint: { mime: 'image/jpeg', dataBase64: jpegBase64 },
        date: '2025-09-03',
        familyMembers: [{ name: 'Grace Okello' }],
        childAcknowledged: false,
      },
    });
    const image = await o.worker.ok('plans.getAcknowledgementImage', { caseId: ackCase, version });
    expect(image?.mime).toBe('image/jpeg');
  });

  it('a witnessed verbal acknowledgement needs the witness\'s name', async () => {
    const version = await freshDraft();
    const noWitness = await o.worker.call('plans.acknowledge', {
      caseId: ackCase,
      version,
      acknowledgement: verbalAck('2025-09-04', { witnessName: '' } as never),
    });
    expect(errorCode(noWitness)).toBe('VALIDATION');
    await o.worker.ok('plans.acknowledge', { caseId: ackCase, version, acknowledgement: verbalAck('2025-09-04') });
    const plan = await o.worker.ok('plans.getVersion', { caseId: ackCase, version });
    expect(plan.acknowledgement?.method).toBe('verbal');
    expect(plan.acknowledgement?.imageMime).toBeNull();
    expect(await o.worker.ok('plans.getAcknowledgementImage', { caseId: ackCase, version })).toBeNull();
  });

  it('a family member\'s name is required', async () => {
    const version = await freshDraft();
    const result = await o.worker.call('plans.acknowledge', {
      caseId: ackCase,
      version,
      acknowledgement: verbalAck('2025-09-04', { familyMembers: [] }),
    });
    expect(errorCode(result)).toBe('VALIDATION');
  });
});

describe('impossible dates write nothing', () => {

  it('an objective due before the case began is refused and no draft is created', async () => {
    const plan = planContent();
    plan.objectives[0].targetDate = '2020-01-01';
    const result = await o.worker.call('plans.saveDraft', { caseId: dateCase, expectedRevision: null, plan });
    expect(errorCode(result)).toBe('INVALID_DATE');
    expect(o.count('plan_versions', dateCase)).toBe(0);
  });

  it('an acknowledgement in the future, or before the case began, is refused', async () => {
    const draft = await o.worker.ok('plans.saveDraft', { caseId: dateCase, expectedRevision: null, plan: planContent() });
    for (const date of ['2099-01-01', '2024-01-01']) {
      const result = await o.worker.call('plans.acknowledge', { caseId: dateCase, version: draft.version, acknowledgement: verbalAck(date) });
      expect(errorCode(result)).toBe('INVALID_DATE');
    }
    const thirtiethFeb = await o.worker.call('plans.acknowledge', {
      caseId: dateCase,
      version: draft.version,
      acknowledgement: verbalAck('2025-02-30'),
    });
    expect(errorCode(thirtiethFeb)).toBe('VALIDATION');
    expect(o.count('plan_acknowledgements', dateCase)).toBe(0);
    expect((await o.worker.ok('cases.get', { caseId: dateCase })).reviewDue).toBeNull();
  });

  it('a review dated before the acknowledgement, or in the future, is refused', async () => {
    await o.worker.ok('plans.acknowledge', { caseId: dateCase, version: 1, acknowledgement: verbalAck('2025-09-01') });
    const before = await o.worker.call('plans.review', { caseId: dateCase, date: '2025-08-31', notes: 'Too early' });
    expect(errorCode(before)).toBe('INVALID_DATE');
    const future = await o.worker.call('plans.review', { caseId: dateCase, date: '2099-01-01', notes: 'Too late' });
    expect(errorCode(future)).toBe('INVALID_DATE');
    expect(o.count('plan_reviews', dateCase)).toBe(0);
    expect((await o.worker.ok('cases.get', { caseId: dateCase })).reviewDue).toBe('2025-12-01');
  });

  it('a progress note in the future is refused', async () => {
    const plan = await o.worker.ok('plans.get', { caseId: dateCase });
    const result = await o.worker.call('plans.updateObjective', {
      caseId: dateCase,
      objectiveId: plan.current!.objectives[0].id,
      status: 'achieved',
      progress: { date: '2099-01-01', note: 'Done' },
    });
    expect(errorCode(result)).toBe('INVALID_DATE');
    expect((await o.worker.ok('plans.get', { caseId: dateCase })).current!.objectives[0].status).toBe('not_started');
  });
});

describe('approval by a supervisor', () => {
  it('a case worker cannot approve a plan', async () => {
    const result = await o.worker.call('plans.approve', { caseId, version: 2 });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect((await o.worker.ok('plans.getVersion', { caseId, version: 2 })).approval).toBeNull();
  });

  it('a supervisor approves the current version, recorded with their name; approving twice is a conflict', async () => {
    const approved = await o.supervisor.ok('plans.approve', { caseId, version: 2, notes: 'Good plan' });
    expect(approved.approval?.byName).toBe('Sara Supervisor');
    expect(errorCode(await o.supervisor.call('plans.approve', { caseId, version: 2 }))).toBe('CONFLICT');
    expect(errorCode(await o.supervisor.call('plans.approve', { caseId, version: 1 }))).toBe('CONFLICT');
  });

  it('changing an approved draft withdraws the approval', async () => {
    const current = (await o.worker.ok('plans.get', { caseId })).current!;
    const draft = await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: null, plan: planContent() });
    await o.supervisor.ok('plans.approve', { caseId, version: draft.version });
    const changed = await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: draft.revision, plan: planContent({ familyOwnership: 'New' }) });
    expect(changed.approval).toBeNull();
    expect(current.approval).not.toBeNull();
    await o.worker.ok('plans.discardDraft', { caseId, expectedRevision: changed.revision });
  });
});

describe('reviews', () => {
  it('a plan acknowledged on 30 November is due for review on 28 February, or 29 in a leap year', async () => {
    await o.travelTo('2025-12-01T08:00:00.000Z');
    const draft = await o.worker.ok('plans.saveDraft', { caseId, expectedRevision: null, plan: planContent() });
    const ack = await o.worker.ok('plans.acknowledge', { caseId, version: draft.version, acknowledgement: verbalAck('2025-11-30') });
    expect(ack.reviewDue).toBe('2026-02-28');
    expect((await o.worker.ok('cases.get', { caseId })).reviewDue).toBe('2026-02-28');

    await o.travelTo('2027-12-01T08:00:00.000Z');
    const reviewed = await o.worker.ok('plans.review', { caseId, date: '2027-11-30', notes: 'Reviewed with the family' });
    expect(reviewed.reviewDue).toBe('2028-02-29');
    expect((await o.worker.ok('cases.get', { caseId })).reviewDue).toBe('2028-02-29');
  });

  it('a review entered late, dated before the last one, does not move the due date back', async () => {
    const late = await o.worker.ok('plans.review', { caseId, date: '2026-05-01', notes: 'Earlier review entered late' });
    expect(late.reviewDue).toBe('2028-02-29');
    const overview = await o.worker.ok('plans.get', { caseId });
    expect(overview.reviewDue).toBe('2028-02-29');
    expect(overview.reviews.map((r) => r.date)).toEqual(['2027-11-30', '2026-05-01']);
    expect((await o.worker.ok('cases.get', { caseId })).reviewDue).toBe('2028-02-29');
  });

  it('a review updates objectives and sets the next due date; the case is overdue once the clock passes it', async () => {
    await o.travelTo('2028-01-10T08:00:00.000Z');
    const plan = await o.worker.ok('plans.get', { caseId });
    const [first] = plan.current!.objectives;
    await o.worker.ok('plans.review', {
      caseId,
      date: '2028-01-10',
      notes: 'Quarterly review',
      objectivesProgress: [{ objectiveId: first.id, status: 'achieved', note: 'Enrolled' }],
    });
    let file = await o.worker.ok('cases.get', { caseId });
    expect(file.reviewDue).toBe('2028-04-10');
    const after = await o.worker.ok('plans.get', { caseId });
    expect(after.current!.objectives[0].status).toBe('achieved');
    expect(after.current!.objectives[0].progress[0].reviewId).not.toBeNull();
    expect(after.overdue).toBe(false);
    let row = (await o.worker.ok('cases.list', {})).rows.find((r) => r.id === caseId)!;
    expect(row.overdue).toBe(false);

    await o.travelTo('2028-04-11T08:00:00.000Z');
    row = (await o.worker.ok('cases.list', { overdue: true })).rows.find((r) => r.id === caseId)!;
    expect(row?.overdue).toBe(true);
    expect((await o.worker.ok('plans.get', { caseId })).overdue).toBe(true);
    const myWork = await o.worker.ok('cases.myWork', {});
    expect(myWork.overdueReviews.map((r) => r.id)).toContain(caseId);
    file = await o.worker.ok('cases.get', { caseId });
    expect(file.reviewDue).toBe('2028-04-10');
  });

  it('a case without an acknowledged plan cannot be reviewed', async () => {
    const fresh = (await o.register()).id;
    expect(errorCode(await o.worker.call('plans.review', { caseId: fresh, date: '2028-04-11', notes: 'x' }))).toBe('CONFLICT');
  });
});

describe('audit', () => {
  it('audit entries of plan work hold ids and kinds, never names or narrative', async () => {
    const details = o.auditDetails(caseId).join('\n');
    expect(details).toContain('plan.acknowledged');
    expect(details).toContain('plan.approved');
    for (const secret of ['Grace', 'Okello', 'Moses', 'Pece', 'aunt', 'Head teacher', 'uniform', 'Probation', 'Good plan', 'Quarterly', 'Enrolled', 'Reviewed with']) {
      expect(details).not.toContain(secret);
    }
  });
});
