// Exports on a real encrypted office: the de-identified case-level CSV (no direct identifier, dates
// to the month, small groups suppressed) and an attempt to re-identify a child from it; sealing
// with a passphrase that Debian's `age -d` opens; an unsealed export of case data needs a reason;
// a cancelled export leaves no file; what left is audited; the aggregate table's suppression.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Decrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { supervisorPassword, tempDir } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';
import { handMadeOffice, period } from './office';

let office: Awaited<ReturnType<typeof handMadeOffice>>;
let sara: InProcessClient;
const passphrase = 'lantern orchard kettle river';

beforeAll(async () => {
  office = await handMadeOffice();
  // Five more girls aged 5-9 registered in North in January 2025: Akello (case A) is then one of
  // six children sharing her sex, age band, area and month.
  const insert = office.raw.prepare(`INSERT INTO cases (id, number, seq, office_code, given_name, family_name, search_text, sex, date_of_birth,
      documentation_status, separation_reasons, care_arrangement, area, stage, status, risk_level, risk_rank, priority, registered_at, updated_at)
    VALUES (?, ?, ?, 'GUL', 'Girl', 'Peer', 'girl peer', 'female', '2016-03-01', 'unknown', '["poverty"]', 'kinship_care', 'North', 'tracing_assessment', 'open', 'low', 1, 'normal', ?, ?)`);
  for (let i = 0; i < 5; i += 1) insert.run(`G${i}`, `GUL-2025-1000${i}`, 100 + i, `2025-01-1${i}T08:00:00.000Z`, `2025-01-1${i}T08:00:00.000Z`);
  sara = await office.login('sara', supervisorPassword);
});
afterAll(() => office?.cleanup());

async function finish(client: InProcessClient, jobId: string) {
  for (let i = 0; i < 400; i += 1) {
    const job = await client.ok('reports.exportStatus', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('export did not finish');
}

async function download(client: InProcessClient, jobId: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await client.ok('reports.exportDownload', { jobId, offset });
    const bytes = Buffer.from(chunk.dataBase64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.done) return Buffer.concat(parts);
  }
}

const exportsDir = () => path.join(office.dir, 'exports');

describe('the de-identified case-level export', () => {
  let csv: string;
  let rows: Record<string, string>[];
  beforeAll(async () => {
    const job = await sara.ok('reports.exportStart', { kind: 'deidentified', period, areaLevel: 'full', protection: { mode: 'none', reason: 'Quarterly report to the district M&E officer' } });
    expect((await finish(sara, job.jobId)).state).toBe('done');
    csv = (await download(sara, job.jobId)).toString('utf8');
    const [head, ...lines] = csv.trim().split('\r\n');
    const cols = head.split(',');
    rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
  });

  it('holds the children registered by the period’s end, one row each, and nothing that names or numbers them', () => {
    expect(rows).toHaveLength(10); // A–E and the five peers; F was registered after the period
    for (const word of ['Akello', 'Auma', 'Okello', 'Girl', 'Peer', 'GUL-', 'Mother', 'Gulu', 'She chose']) expect(csv).not.toContain(word);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}/u); // no full date anywhere
    for (const id of ['A', 'B', 'C', 'D', 'E', 'G0']) expect(rows.map((r) => r.record_id)).not.toContain(id);
  });

  it('a child whose sex, age band, area and month fewer than five share keeps neither area nor month', () => {
    const b = rows.filter((r) => r.sex === 'male' && r.age_band === '10-14');
    expect(b).toHaveLength(1);
    expect(b[0].area).toBe('suppressed');
    expect(b[0].registered_month).toBe('2025');
  });

  it('re-identification fails: knowing Akello’s name, number, birth date, registration day and village finds no row that is hers alone', () => {
    const known = { name: 'Akello Auma', number: 'GUL-2025-00001', born: '2015-06-01', registered: '2025-01-10', area: 'North', sex: 'female' };
    // Nothing she is known by is in the file.
    for (const value of [known.name, known.number, known.born, known.registered]) expect(csv).not.toContain(value);
    // Linking on what the file keeps of those facts gives at least five candidates.
    const candidates = rows.filter((r) => r.sex === known.sex && r.age_band === '5-9' && r.area === known.area && r.registered_month === known.registered.slice(0, 7));
    expect(candidates.length).toBeGreaterThanOrEqual(5);
  });

  it('record ids change with every export, so two exports cannot be joined', async () => {
    const again = await sara.ok('reports.exportStart', { kind: 'deidentified', period, areaLevel: 'none', protection: { mode: 'none', reason: 'second look' } });
    await finish(sara, again.jobId);
    const other = (await download(sara, again.jobId)).toString('utf8');
    const ids = (text: string) => text.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]);
    expect(ids(other).filter((id) => ids(csv).includes(id))).toEqual([]);
    expect(other.split('\r\n').slice(1, -1).every((l) => l.split(',')[8] === '')).toBe(true); // area level "none"
  });

  it('the data dictionary describes every column', async () => {
    const job = await sara.ok('reports.exportStart', { kind: 'dictionary', period, protection: { mode: 'none', reason: '' } });
    await finish(sara, job.jobId);
    const dict = (await download(sara, job.jobId)).toString('utf8');
    for (const col of Object.keys(rows[0])) expect(dict).toContain(`\r\n${col},`);
  });
});

describe('protection', () => {
  it('an unsealed export of case data needs a reason; a weak passphrase is refused', async () => {
    await expectCode(sara.call('reports.exportStart', { kind: 'deidentified', period, protection: { mode: 'none', reason: '' } }), 'VALIDATION');
    await expectCode(sara.call('reports.exportStart', { kind: 'deidentified', period, protection: { mode: 'passphrase', passphrase: 'password123' } }), 'PASSWORD_WEAK');
  });

  it('a sealed export opens with Debian’s age -d and the passphrase (and with the age library); it is never on disk unsealed', async () => {
    const job = await sara.ok('reports.exportStart', { kind: 'deidentified', period, protection: { mode: 'passphrase', passphrase } });
    expect(job.fileName).toMatch(/\.csv\.age$/u);
    await finish(sara, job.jobId);
    const onDisk = fs.readFileSync(path.join(exportsDir(), job.jobId));
    expect(onDisk.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(onDisk.toString('latin1')).toContain('-> scrypt ');
    const sealed = await download(sara, job.jobId);
    expect(fs.existsSync(path.join(exportsDir(), job.jobId))).toBe(false); // taken once, then gone
    const dir = tempDir('homeward-age-');
    try {
      fs.writeFileSync(path.join(dir, 'export.csv.age'), sealed);
      // age reads a passphrase only from a terminal: `script` gives it one, fed from stdin.
      execFileSync('script', ['-qec', `age -d -o ${path.join(dir, 'export.csv')} ${path.join(dir, 'export.csv.age')}`, '/dev/null'], { input: `${passphrase}\n`, timeout: 60_000 });
      const plain = fs.readFileSync(path.join(dir, 'export.csv'), 'utf8');
      expect(plain.split('\r\n')[0]).toMatch(/^record_id,sex,age_band,/u);
      expect(plain.trim().split('\r\n')).toHaveLength(11);
      const decrypter = new Decrypter();
      decrypter.addPassphrase(passphrase);
      expect(Buffer.from(await decrypter.decrypt(sealed)).toString('utf8')).toBe(plain);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('jobs', () => {
  it('a cancelled export leaves no file, partial or whole', async () => {
    const job = await sara.ok('reports.exportStart', { kind: 'deidentified', period, protection: { mode: 'passphrase', passphrase } });
    const cancelled = await sara.ok('reports.exportCancel', { jobId: job.jobId });
    expect(['cancelled', 'done']).toContain(cancelled.state);
    if (cancelled.state === 'done') await sara.ok('reports.exportCancel', { jobId: job.jobId });
    expect(fs.readdirSync(exportsDir()).filter((f) => f.startsWith(job.jobId))).toEqual([]);
    await expectCode(sara.call('reports.exportDownload', { jobId: job.jobId, offset: 0 }), 'NOT_FOUND');
  });

  it('another user cannot see, cancel or take someone’s export', async () => {
    const job = await sara.ok('reports.exportStart', { kind: 'aggregate', period, protection: { mode: 'none', reason: '' } });
    const omar = await office.login('omar', (await import('../../fixtures/core')).workerPassword);
    await expectCode(omar.call('reports.exportStatus', { jobId: job.jobId }), 'FORBIDDEN');
    await finish(sara, job.jobId);
    await download(sara, job.jobId);
  });

  it('each export is audited with what left: kind, period, columns, rows, sealed or the reason', async () => {
    const audit = await office.admin.ok('audit.list', { action: 'reports.export', limit: 50 });
    const deid = audit.entries.filter((e) => e.details?.kind === 'deidentified');
    expect(deid.some((e) => e.details?.sealed === true)).toBe(true);
    const reasoned = deid.find((e) => e.details?.reason === 'Quarterly report to the district M&E officer');
    expect(reasoned?.details).toMatchObject({ rows: 10, sealed: false, areaLevel: 'full' });
    expect((reasoned?.details?.columns as string[]).includes('record_id')).toBe(true);
    const done = await office.admin.ok('audit.list', { action: 'reports.exportDone', limit: 50 });
    expect(done.entries.length).toBeGreaterThan(0);
    const taken = await office.admin.ok('audit.list', { action: 'reports.exportTaken', limit: 50 });
    expect(taken.entries.length).toBeGreaterThan(0);
  });
});

describe('the aggregate table', () => {
  it('suppresses counts from 1 to 4 and the complementary cell, keeps zeros and larger counts', async () => {
    const job = await sara.ok('reports.exportStart', { kind: 'aggregate', period: { from: '2025-01-01', to: '2025-03-31' }, protection: { mode: 'none', reason: '' } });
    await finish(sara, job.jobId);
    const text = (await download(sara, job.jobId)).toString('utf8');
    const lines = text.trim().split('\r\n').map((l) => l.split(','));
    const registered = lines.find((l) => l[0] === 'registered' && l[2] === '')!;
    expect(registered.slice(4)).toEqual(['8', '', '0']); // A, B, E and the five peers: shown
    const bySex = lines.filter((l) => l[0] === 'registered' && l[2] === 'sex');
    // One boy: hidden; and the 7 girls too, or 8 − 7 would give him away.
    expect(bySex.map((l) => [l[3], l[4]])).toEqual([['female', 'suppressed'], ['male', 'suppressed']]);
    // Two small cells hide each other: the large one stays.
    const byReason = lines.filter((l) => l[0] === 'registered' && l[2] === 'reason');
    expect(byReason.map((l) => [l[3], l[4]])).toEqual([['poverty', '7'], ['unknown', 'suppressed'], ['violence', 'suppressed']]);
    // B, D and E closed, one with a low factor and one unknown: all three small, all suppressed.
    expect(lines.find((l) => l[0] === 'lowFactorAtClosure' && l[2] === '')).toEqual(['lowFactorAtClosure', 'computed', '', 'all', 'suppressed', 'suppressed', 'suppressed']);
  });
});
