import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract';
import { workerPassword } from '../../fixtures/core';
import { caseInStage, daysAgo, daysAhead, notAPngBase64, pdfBase64, pngBase64, setUpTeam, type Team } from './fixture';

let team: Team;

beforeAll(async () => {
  team = await setUpTeam();
});
afterAll(() => team.office.cleanup());

type SaveInput = ChannelInput<'reunification.save'>;

const record = (caseId: string, extra: Partial<SaveInput> = {}): SaveInput => ({
  caseId,
  version: null,
  reunifiedOn: daysAgo(3),
  willingness: {
    statedBy: 'Achieng Okello (mother)',
    statedOn: daysAgo(10),
    statement: 'We are ready to take Grace back home and to send her to school.',
    document: { kind: 'signature', mime: 'image/png', dataBase64: pngBase64 },
  },
  guardianship: { from: 'Gulu Transit Centre', to: 'Achieng Okello', transferredOn: daysAgo(3), reference: 'GUL/CT/2025/114' },
  accompaniedBy: 'Her aunt Florence and the case worker',
  childChoices: 'Grace chose her aunt to come with her and to wear her new yellow dress.',
  packageItems: [
    { item: 'Mattress', quantity: 1, providedBy: 'Agency' },
    { item: 'School uniform', quantity: 2, providedBy: 'Family pays half' },
  ],
  enrolments: [
    { service: 'school', provider: 'Layibi Primary School', enrolledOn: daysAhead(20), notes: 'Term starts' },
    { service: 'health', provider: 'Gulu Health Centre IV', enrolledOn: daysAgo(2) },
  ],
  ...extra,
});

const errorOf = (result: { ok: boolean; error?: { code: string; params?: Record<string, unknown>; issues?: { path: unknown[]; code: string }[] } }) =>
  result.ok ? null : result.error!;

describe('the reunification record', () => {
  it('is saved once per case with package items and enrolments, and read back', async () => {
    const caseId = await caseInStage(team, 'reunification');
    expect(await team.worker.ok('reunification.get', { caseId })).toBeNull();
    const { record: saved, stillAssigned } = await team.worker.ok('reunification.save', record(caseId));
    expect(stillAssigned).toBe(true);
    expect(saved).toMatchObject({ reunifiedOn: daysAgo(3), complete: true, version: 1, recordedByName: 'Wanjiru Worker' });
    expect(saved.willingness.document).toMatchObject({ kind: 'signature', mime: 'image/png' });
    expect(saved.packageItems.map((p) => p.item)).toEqual(['Mattress', 'School uniform']);
    expect(saved.enrolments.map((e) => e.service)).toEqual(['school', 'health']);
    const again = errorOf(await team.worker.call('reunification.save', record(caseId)));
    expect(again?.code).toBe('CONFLICT');
    const edited = await team.worker.ok('reunification.save', record(caseId, { version: 1, packageItems: [], willingness: { ...record(caseId).willingness, document: undefined } }));
    expect(edited.record).toMatchObject({ version: 2, packageItems: [], complete: true });
    expect((await team.worker.ok('reunification.get', { caseId }))?.enrolments).toHaveLength(2);
  });

  it('refuses a reunification dated before the case was registered, or in the future, and writes nothing', async () => {
    const caseId = await caseInStage(team, 'reunification', 30);
    const early = errorOf(await team.worker.call('reunification.save', record(caseId, { reunifiedOn: daysAgo(45) })));
    expect(early?.code).toBe('INVALID_DATE');
    expect(early?.issues?.[0]).toMatchObject({ path: ['reunifiedOn'], code: 'beforeCase' });
    const future = errorOf(await team.worker.call('reunification.save', record(caseId, { reunifiedOn: daysAhead(1) })));
    expect(future?.code).toBe('INVALID_DATE');
    expect(await team.worker.ok('reunification.get', { caseId })).toBeNull();
    const file = await team.worker.ok('cases.get', { caseId });
    expect(file.facts.reunificationRecorded).toBe(false);
    const events = await team.worker.ok('cases.timeline', { caseId });
    expect(events.events.map((e) => e.type)).not.toContain('reunification.save');
  });

  it('is not kept before the case reaches the reunification stage', async () => {
    const caseId = await caseInStage(team, 'preparation');
    const result = errorOf(await team.worker.call('reunification.save', record(caseId)));
    expect(result?.code).toBe('CONFLICT');
    expect(result?.params?.reason).toBe('stage');
  });
});

describe('the caregivers\' written willingness', () => {
  it('stores a drawn signature and a scanned PDF, and gives them back only to those who reach the case', async () => {
    const caseId = await caseInStage(team, 'reunification');
    await team.worker.ok('reunification.save', record(caseId));
    expect(await team.worker.ok('reunification.getWillingnessDocument', { caseId })).toEqual({ kind: 'signature', mime: 'image/png', dataBase64: pngBase64 });
    await team.worker.ok(
      'reunification.save',
      record(caseId, { version: 1, willingness: { ...record(caseId).willingness, document: { kind: 'document', mime: 'application/pdf', dataBase64: pdfBase64 } } }),
    );
    const doc = await team.supervisor.ok('reunification.getWillingnessDocument', { caseId });
    expect(doc).toMatchObject({ kind: 'document', mime: 'application/pdf', dataBase64: pdfBase64 });
  });

  it('refuses a file whose bytes do not match its declared type (magic bytes), and a signature that is not a PNG', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const fake = errorOf(
      await team.worker.call('reunification.save', record(caseId, { willingness: { ...record(caseId).willingness, document: { kind: 'signature', mime: 'image/png', dataBase64: notAPngBase64 } } })),
    );
    expect(fake?.code).toBe('VALIDATION');
    expect(fake?.issues?.[0]).toMatchObject({ path: ['willingness', 'document', 'dataBase64'], code: 'fileType' });
    const pdfAsJpeg = errorOf(
      await team.worker.call('reunification.save', record(caseId, { willingness: { ...record(caseId).willingness, document: { kind: 'document', mime: 'image/jpeg', dataBase64: pdfBase64 } } })),
    );
    expect(pdfAsJpeg?.code).toBe('VALIDATION');
    const pdfSignature = await team.worker.call('reunification.save', {
      ...record(caseId),
      willingness: { ...record(caseId).willingness, document: { kind: 'signature', mime: 'application/pdf', dataBase64: pdfBase64 } },
    } as unknown as SaveInput);
    expect(errorOf(pdfSignature)?.code).toBe('VALIDATION');
    expect(await team.worker.ok('reunification.get', { caseId })).toBeNull();
  });

  it('needs to say who stated the willingness when a statement is attached', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const result = errorOf(await team.worker.call('reunification.save', record(caseId, { willingness: { ...record(caseId).willingness, statedBy: '' } })));
    expect(result?.code).toBe('VALIDATION');
    expect(result?.issues?.[0].path).toEqual(['willingness', 'statedBy']);
  });

  it('makes reunificationRecorded pass in the case file only once the willingness is attached', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const withoutStatement = record(caseId, { willingness: { statedBy: '', statedOn: null, statement: '', document: null } });
    await team.worker.ok('reunification.save', withoutStatement);
    let file = await team.worker.ok('cases.get', { caseId });
    expect(file.facts.reunificationRecorded).toBe(false);
    expect(file.next.blocked.map((g) => g.id)).toContain('reunificationRecorded');
    await team.worker.ok('reunification.save', record(caseId, { version: 1 }));
    file = await team.worker.ok('cases.get', { caseId });
    expect(file.facts.reunificationRecorded).toBe(true);
    expect(file.next.blocked.map((g) => g.id)).not.toContain('reunificationRecorded');
    const moved = errorOf(await team.worker.call('cases.moveStage', { caseId, version: file.version, to: 'follow_up' }));
    expect(moved?.code).toBe('GATE_BLOCKED');
    expect(String(moved?.params?.gates).split(',')).not.toContain('reunificationRecorded');
  });
});

describe('handover to the worker who takes over', () => {
  it('reassigns the case in the same save: the old worker is out of scope, the new one reads it', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const omarId = team.office.users.otherWorker.id;
    const { record: saved, stillAssigned } = await team.worker.ok('reunification.save', record(caseId, { handoverToId: omarId, handoverNotes: 'Omar covers Layibi' }));
    expect(stillAssigned).toBe(false);
    expect(saved.handover).toMatchObject({ fromId: team.office.users.worker.id, toId: omarId, toName: 'Omar Worker', fromName: 'Wanjiru Worker' });
    expect(errorOf(await team.worker.call('cases.get', { caseId }))?.code).toBe('OUT_OF_SCOPE');
    expect(errorOf(await team.worker.call('reunification.get', { caseId }))?.code).toBe('OUT_OF_SCOPE');
    const file = await team.other.ok('cases.get', { caseId });
    expect(file.workerId).toBe(omarId);
    expect((await team.other.ok('reunification.get', { caseId }))?.handoverNotes).toBe('Omar covers Layibi');
    const timeline = await team.other.ok('cases.timeline', { caseId });
    const handover = timeline.events.find((e) => e.type === 'case.handover');
    expect(handover?.details).toMatchObject({ fromName: 'Wanjiru Worker', toName: 'Omar Worker' });
  });

  it('the previous worker keeps access when they are also the family\'s worker', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const wanjiruId = team.office.users.worker.id;
    team.office.core.store.get().raw.prepare('UPDATE cases SET family_worker_id = ? WHERE id = ?').run(wanjiruId, caseId);
    const { stillAssigned } = await team.worker.ok('reunification.save', record(caseId, { handoverToId: team.office.users.otherWorker.id }));
    expect(stillAssigned).toBe(true);
    expect((await team.worker.ok('cases.get', { caseId })).workerId).toBe(team.office.users.otherWorker.id);
  });

  it('refuses to hand a case over to an administrator', async () => {
    const caseId = await caseInStage(team, 'reunification');
    const adminId = (await team.office.admin.ok('admin.listUsers', {})).find((u) => u.role === 'admin')!.id;
    const result = errorOf(await team.worker.call('reunification.save', record(caseId, { handoverToId: adminId })));
    expect(result?.code).toBe('VALIDATION');
    expect(result?.issues?.[0].path).toEqual(['handoverToId']);
    expect((await team.worker.ok('cases.get', { caseId })).workerId).toBe(team.office.users.worker.id);
  });
});

describe('after a handover, a fresh login', () => {
  it('the new worker sees the case in their list', async () => {
    const caseId = await caseInStage(team, 'reunification');
    await team.worker.ok('reunification.save', record(caseId, { handoverToId: team.office.users.otherWorker.id }));
    const omar = await team.office.login('omar', workerPassword);
    const list = await omar.ok('cases.list', { limit: 200 });
    expect(list.rows.map((r) => r.id)).toContain(caseId);
  });
});
