// The package carries the case's later stages too — templated assessments (child, family,
// well-being), the case plan, the best interests determination and the preparation for
// reunification — recorded through the app at the sending office, checked strictly on arrival
// and written with their ids; a care arrangement marked confidential leaves without its place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultParts } from '../../../shared/transfer/package';
import { approvableBid, completeAssessment } from '../assessments/stage-one';
import { planContent } from '../plans/helpers';
import { caseToSend, download, sendDetails, setUpPair, today, upload, type Pair } from './fixture';

let pair: Pair;
let caseId: string;

const rowsOf = (side: Pair['gulu'], table: string, id: string) =>
  side.office.core.store.get().raw.prepare(`SELECT * FROM "${table}" WHERE case_id = ? ORDER BY rowid`).all(id) as Record<string, unknown>[];

beforeAll(async () => {
  pair = await setUpPair();
  const sent = await caseToSend(pair.gulu);
  caseId = sent.caseId;
  const worker = pair.gulu.worker;
  await completeAssessment(worker, caseId, 'child_assessment', today());
  await worker.ok('bid.save', { caseId, bid: { ...approvableBid, date: today() } });
  const future = (months: number) => new Date(Date.now() + months * 30 * 86_400_000).toISOString().slice(0, 10);
  const plan = planContent();
  await worker.ok('plans.saveDraft', { caseId, expectedRevision: null, plan: { ...plan, objectives: plan.objectives.map((o, i) => ({ ...o, targetDate: future(3 + i) })) } });
  await worker.ok('preparation.setCareArrangement', { caseId, arrangement: 'kinship_care', place: 'The aunt’s house behind the mission', since: today(), confidential: true });
  await worker.ok('preparation.setMonitor', { caseId, name: 'Teacher Achan', role: 'teacher', agreedOn: today() });
  await worker.ok('preparation.addDefaultItems', { caseId });
}, 120_000);
afterAll(() => pair?.cleanup());

describe('plans, assessments, BID and preparation travel', () => {
  it('are in the default package, leave with their ids, and arrive as they left — except a confidential place', async () => {
    for (const part of ['assessments', 'plans', 'bid', 'preparation', 'reunification'] as const) expect(defaultParts).toContain(part);
    const preview = await pair.gulu.worker.ok('transfer.preview', { caseId, selection: { parts: [...defaultParts], excludeDocumentIds: [] } });
    const rows = (part: string) => preview.parts.find((p) => p.part === part)?.rows ?? [];
    expect(rows('assessments').length).toBe(1);
    expect(rows('bid').length).toBe(1);
    expect(rows('plans').map((r) => r.table)).toEqual(expect.arrayContaining(['plan_versions', 'plan_objectives']));
    expect(rows('preparation').map((r) => r.table)).toEqual(expect.arrayContaining(['preparation_care', 'preparation_items', 'preparation_monitors']));

    const result = await pair.gulu.worker.ok('transfer.send', { caseId, details: sendDetails(pair.gulu.partnerId), selection: { parts: [...defaultParts], excludeDocumentIds: [] } });
    const file = await download(pair.gulu.worker, result.transferId, 'package');
    const uploadId = await upload(pair.kampala.supervisor, file);
    const opened = await pair.kampala.supervisor.ok('transfer.open', { uploadId });
    if (opened.kind !== 'case') throw new Error('expected a case');
    expect(opened.sections.map((s) => s.table)).toEqual(
      expect.arrayContaining(['assessments', 'bids', 'plan_versions', 'plan_objectives', 'preparation_care', 'preparation_items', 'preparation_monitors']),
    );
    const accepted = await pair.kampala.supervisor.ok('transfer.accept', { uploadId, assignTo: pair.kampala.office.users.worker.id });
    // The case keeps its id across offices (its lineage), and so does every record.
    expect(accepted.caseId).toBe(caseId);
    for (const table of ['assessments', 'bids', 'plan_versions', 'plan_objectives', 'preparation_items']) {
      const here = rowsOf(pair.gulu, table, caseId).map((r) => r.id);
      expect(here.length, table).toBeGreaterThan(0);
      expect(rowsOf(pair.kampala, table, caseId).map((r) => r.id).sort(), table).toEqual([...here].sort());
    }
    const sentAssessment = rowsOf(pair.gulu, 'assessments', caseId)[0];
    const arrived = rowsOf(pair.kampala, 'assessments', caseId)[0];
    expect(arrived).toMatchObject({ template_key: sentAssessment.template_key, answers: sentAssessment.answers, status: sentAssessment.status, created_by: null });
    expect(rowsOf(pair.kampala, 'preparation_monitors', caseId)).toMatchObject([{ name: 'Teacher Achan', role: 'teacher' }]);
    expect(rowsOf(pair.kampala, 'preparation_care', caseId)).toMatchObject([{ arrangement: 'kinship_care', confidential: 1, place: '' }]);
    expect(file.includes(Buffer.from('behind the mission'))).toBe(false);
    // The receiving worker reads them through the app.
    const plan = await pair.kampala.worker.ok('plans.get', { caseId });
    expect(JSON.stringify(plan)).toContain('enrolled in Pece primary school');
  });
});
