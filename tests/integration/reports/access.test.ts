// Who sees the M&E dashboard, on every reports channel: an unassigned case worker is refused
// everything (FORBIDDEN, audited); administrators only once a supervisor grants it, and even then
// never the cases behind a number; every view and change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelInput, type ChannelName } from '../../../shared/contract';
import { adminPassword, setUpStaffedOffice, supervisorPassword, workerPassword } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';

let office: Awaited<ReturnType<typeof setUpStaffedOffice>>;
beforeAll(async () => {
  office = await setUpStaffedOffice();
});
afterAll(() => office?.cleanup());

const period = { from: '2025-01-01', to: '2025-03-31' };
const reportChannels = channelNames.filter((n) => n.startsWith('reports.'));
const inputs: { [N in ChannelName]?: ChannelInput<N> } = {
  'reports.dashboard': { period },
  'reports.getSettings': {},
  'reports.updateSettings': { adminDashboard: true },
  'reports.exportStart': { kind: 'deidentified', period, protection: { mode: 'none', reason: 'because' } },
  'reports.exportStatus': { jobId: 'some-job' },
  'reports.exportCancel': { jobId: 'some-job' },
  'reports.exportDownload': { jobId: 'some-job', offset: 0 },
  'reports.dhisMapping': {},
  'reports.dhisSaveMapping': { orgUnit: '', dataSet: '', rows: [] },
  'reports.dhisPreview': { period },
  'reports.caseSummary': { caseId: 'wanjiru-case', sections: ['child'], protection: { mode: 'passphrase', passphrase: 'lantern orchard kettle river' } },
};
/** Case channels: an unassigned worker is out of scope (audited), not refused by role. */
const caseChannels = new Set<ChannelName>(['reports.caseSummary']);
/** Channels that reveal nothing about cases (the setting itself), open to every signed-in user. */
const harmless = new Set<ChannelName>(['reports.getSettings']);

describe('reports channels and an unassigned case worker', () => {
  it('covers every reports channel', () => {
    for (const name of reportChannels) expect(inputs[name], name).toBeDefined();
  });

  it('the case worker is refused every channel that shows or changes anything, and each refusal is audited', async () => {
    const omar = await office.login('omar', workerPassword);
    office.core.store.get().raw
      .prepare(`INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, documentation_status, separation_reasons,
        care_arrangement, stage, status, risk_level, risk_rank, priority, worker_id, registered_at, updated_at)
        VALUES ('wanjiru-case', 'GUL-2025-00001', 1, 'GUL', 'A', 'B', 'a b', 'female', 'unknown', '[]', 'kinship_care', 'tracing_assessment', 'open', 'low', 1, 'normal', ?, ?, ?)`)
      .run(office.users.worker.id, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    for (const name of reportChannels.filter((n) => !harmless.has(n))) {
      await expectCode(omar.call(name, inputs[name] as never), caseChannels.has(name) ? 'OUT_OF_SCOPE' : 'FORBIDDEN');
    }
    const sara = await office.login('sara', supervisorPassword);
    expect((await sara.ok('reports.getSettings', {})).adminDashboard).toBe(false);
    const denied = await office.admin.ok('audit.list', { action: 'access.denied', userId: office.users.otherWorker.id, limit: 50 });
    expect(denied.entries.map((e) => e.details?.channel)).toEqual(expect.arrayContaining(reportChannels.filter((n) => !harmless.has(n) && !caseChannels.has(n))));
    const outOfScope = await office.admin.ok('audit.list', { action: 'case.accessDenied', userId: office.users.otherWorker.id, limit: 10 });
    expect(outOfScope.entries.map((e) => e.entityId)).toContain('wanjiru-case');
  });
});

describe('administrators', () => {
  it('see the dashboard only after a supervisor grants it, and never the cases behind it', async () => {
    const admin = await office.login('admin', adminPassword);
    await expectCode(admin.call('reports.dashboard', { period }), 'FORBIDDEN');
    await expectCode(admin.call('reports.updateSettings', { adminDashboard: true }), 'FORBIDDEN');
    const sara = await office.login('sara', supervisorPassword);
    await sara.ok('reports.updateSettings', { adminDashboard: true });
    const out = await admin.ok('reports.dashboard', { period });
    expect(out.canOpenCases).toBe(false);
    expect(out.indicators.length).toBeGreaterThan(10);
    await expectCode(admin.call('cases.list', { indicator: { id: 'registered', part: 'numerator', period } }), 'FORBIDDEN');
    await sara.ok('reports.updateSettings', { adminDashboard: false });
    await expectCode(admin.call('reports.dashboard', { period }), 'FORBIDDEN');
  });

  it('dashboard views and the setting’s changes are audited with what was asked, not case content', async () => {
    const sara = await office.login('sara', supervisorPassword);
    await sara.ok('reports.dashboard', { period, filters: { sex: 'female' }, by: 'area' });
    const views = await office.admin.ok('audit.list', { action: 'reports.dashboard', userId: office.users.supervisor.id, limit: 10 });
    expect(views.entries[0].details).toEqual({ period, filters: { sex: 'female' }, by: 'area' });
    const changes = await office.admin.ok('audit.list', { action: 'reports.settings', limit: 10 });
    expect(changes.entries.map((e) => e.details?.adminDashboard)).toEqual(
      expect.arrayContaining([{ from: false, to: true }, { from: true, to: false }]),
    );
  });
});
