// DHIS2: the administrator's mapping (UIDs in DHIS2's 11-character form, unmapped figures listed),
// the supervisor's dry-run preview, and the dataValueSet files (JSON and CSV) in the structure
// /api/dataValueSets imports, for a whole month, quarter or year and the office's org unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { dhis2Period } from '../../../electron/core/reports/dhis2';
import { adminPassword, supervisorPassword } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';
import { handMadeOffice, period } from './office';

let office: Awaited<ReturnType<typeof handMadeOffice>>;
let sara: InProcessClient;
let admin: InProcessClient;

const orgUnit = 'DiszpKrYNg8';
const dataSet = 'BfMAe6Itzgt';
const rows = [
  { indicator: 'registered', part: 'numerator', dimension: '', value: '', dataElement: 'fbfJHSPpUQD', categoryOptionCombo: 'HllvX50cXC0' },
  { indicator: 'registered', part: 'numerator', dimension: 'sex', value: 'female', dataElement: 'fbfJHSPpUQD', categoryOptionCombo: 'pq2XI5kz2BY' },
  { indicator: 'traced', part: 'numerator', dimension: '', value: '', dataElement: 'cYeuwXTCPkU', categoryOptionCombo: 'HllvX50cXC0' },
  { indicator: 'traced', part: 'denominator', dimension: '', value: '', dataElement: 'Jtf34kNZhzP', categoryOptionCombo: 'HllvX50cXC0' },
] as const;

beforeAll(async () => {
  office = await handMadeOffice();
  sara = await office.login('sara', supervisorPassword);
  admin = await office.login('admin', adminPassword);
});
afterAll(() => office?.cleanup());

async function exportText(kind: 'dhis2Json' | 'dhis2Csv', p = period) {
  const job = await sara.ok('reports.exportStart', { kind, period: p, protection: { mode: 'none', reason: '' } });
  for (let i = 0; i < 200 && (await sara.ok('reports.exportStatus', { jobId: job.jobId })).state === 'running'; i += 1) await new Promise((r) => setTimeout(r, 10));
  const chunk = await sara.ok('reports.exportDownload', { jobId: job.jobId, offset: 0 });
  expect(chunk.done).toBe(true);
  return Buffer.from(chunk.dataBase64, 'base64').toString('utf8');
}

describe('DHIS2 periods', () => {
  it('a whole month, quarter or year becomes DHIS2’s ISO period; anything else has none', () => {
    expect(dhis2Period({ from: '2025-02-01', to: '2025-02-28' })).toBe('202502');
    expect(dhis2Period({ from: '2024-02-01', to: '2024-02-29' })).toBe('202402');
    expect(dhis2Period({ from: '2025-01-01', to: '2025-03-31' })).toBe('2025Q1');
    expect(dhis2Period({ from: '2025-10-01', to: '2025-12-31' })).toBe('2025Q4');
    expect(dhis2Period({ from: '2025-01-01', to: '2025-12-31' })).toBe('2025');
    expect(dhis2Period({ from: '2025-02-01', to: '2025-04-30' })).toBeNull();
    expect(dhis2Period({ from: '2025-01-02', to: '2025-01-31' })).toBeNull();
    expect(dhis2Period({ from: '2025-01-01', to: '2025-01-30' })).toBeNull();
  });
});

describe('the mapping', () => {
  it('refuses identifiers that are not DHIS2 UIDs, and the same figure mapped twice', async () => {
    await expectCode(admin.call('reports.dhisSaveMapping', { orgUnit, dataSet, rows: [{ ...rows[0], dataElement: 'short' }] }), 'VALIDATION');
    await expectCode(admin.call('reports.dhisSaveMapping', { orgUnit: '1bcdefghijk', dataSet, rows: [] }), 'VALIDATION');
    await expectCode(admin.call('reports.dhisSaveMapping', { orgUnit, dataSet, rows: [rows[0], rows[0]] }), 'VALIDATION');
  });

  it('the administrator keeps it; every figure without a mapping is listed; supervisors cannot change it', async () => {
    await expectCode(sara.call('reports.dhisSaveMapping', { orgUnit, dataSet, rows: [...rows] }), 'FORBIDDEN');
    expect(await admin.ok('reports.dhisSaveMapping', { orgUnit, dataSet, rows: [...rows] })).toEqual({ saved: 4 });
    const mapping = await admin.ok('reports.dhisMapping', {});
    expect(mapping.orgUnit).toBe(orgUnit);
    expect(mapping.rows).toHaveLength(4);
    const keys = mapping.unmapped.map((u) => `${u.indicator}|${u.part}|${u.dimension}|${u.value}`);
    expect(keys).toContain('assessed|numerator||');
    expect(keys).toContain('traced|numerator|sex|female');
    expect(keys).not.toContain('registered|numerator||');
    expect(keys).toContain('lowFactorAtClosure|numerator||');
  });
});

describe('preview and files', () => {
  it('the dry run shows every value with its UIDs before anything is saved', async () => {
    const preview = await sara.ok('reports.dhisPreview', { period });
    expect(preview).toMatchObject({ period: '2025Q1', orgUnit, dataSet });
    expect(preview.values.map((v) => [v.indicator, v.part, v.dimension, v.value, v.figure])).toEqual([
      ['registered', 'numerator', '', '', 3],
      ['traced', 'numerator', '', '', 1],
      ['traced', 'denominator', '', '', 2],
      ['registered', 'numerator', 'sex', 'female', 2],
    ]);
    expect(preview.unmapped).toBeGreaterThan(0);
    await expectCode(sara.call('reports.dhisPreview', { period: { from: '2025-01-15', to: '2025-03-31' } }), 'VALIDATION');
  });

  it('the JSON file is a dataValueSet: dataSet, completeDate, period, orgUnit and dataValues', async () => {
    const set = JSON.parse(await exportText('dhis2Json')) as Record<string, unknown>;
    expect(Object.keys(set)).toEqual(['dataSet', 'completeDate', 'period', 'orgUnit', 'dataValues']);
    expect(set).toMatchObject({ dataSet, period: '2025Q1', orgUnit });
    expect(set.completeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect(set.dataValues).toEqual([
      { dataElement: 'fbfJHSPpUQD', categoryOptionCombo: 'HllvX50cXC0', value: '3' },
      { dataElement: 'cYeuwXTCPkU', categoryOptionCombo: 'HllvX50cXC0', value: '1' },
      { dataElement: 'Jtf34kNZhzP', categoryOptionCombo: 'HllvX50cXC0', value: '2' },
      { dataElement: 'fbfJHSPpUQD', categoryOptionCombo: 'pq2XI5kz2BY', value: '2' },
    ]);
  });

  it('the CSV file has DHIS2’s columns, one data value per line', async () => {
    const lines = (await exportText('dhis2Csv')).trim().split('\r\n');
    expect(lines[0]).toBe('dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupd,comment');
    expect(lines.slice(1)).toEqual([
      'fbfJHSPpUQD,2025Q1,DiszpKrYNg8,HllvX50cXC0,,3,,,',
      'cYeuwXTCPkU,2025Q1,DiszpKrYNg8,HllvX50cXC0,,1,,,',
      'Jtf34kNZhzP,2025Q1,DiszpKrYNg8,HllvX50cXC0,,2,,,',
      'fbfJHSPpUQD,2025Q1,DiszpKrYNg8,pq2XI5kz2BY,,2,,,',
    ]);
  });
});
