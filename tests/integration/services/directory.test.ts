// The service directory: areas and boundaries, providers and services with every field, search by
// category, area (the hierarchy), language and age, the stale flag, and the CSV import/export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRawWithKey } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';
import { csv, header, setUpDirectoryOffice, type DirectoryOffice } from './fixture';

let o: DirectoryOffice;
beforeAll(async () => {
  o = await setUpDirectoryOffice();
});
afterAll(() => o?.cleanup());

const count = (table: string) => {
  const raw = openRawWithKey(o.core);
  try {
    return (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

describe('areas', () => {
  it('keeps the hierarchy and refuses a duplicate code or an area inside itself', async () => {
    const areas = await o.worker.ok('services.areas', {});
    expect(areas.find((a) => a.code === 'GUL-PEC')?.parentId).toBe(o.areas.gulu.id);
    await expectCode(o.worker.call('services.saveArea', { area: { code: 'gul', name: 'Again' } }), 'VALIDATION');
    await expectCode(o.worker.call('services.saveArea', { area: { id: o.areas.north.id, code: 'N', name: 'Northern', parentId: o.areas.pece.id } }), 'VALIDATION');
  });

  it('imports GeoJSON boundaries matched by code, creating unknown ones only when asked', async () => {
    const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 2], [x + 0.1, 2], [x + 0.1, 2.1], [x, 2.1], [x, 2]]] });
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { adm_code: 'GUL-PEC', name: 'Pece' }, geometry: square(32.3) },
        { type: 'Feature', properties: { adm_code: 'GUL-LAY', name: 'Layibi' }, geometry: square(32.4) },
        { type: 'Feature', properties: { adm_code: 'AMU', name: 'Amuru' }, geometry: square(32.0) },
        { type: 'Feature', properties: { adm_code: 'PT' }, geometry: { type: 'Point', coordinates: [1, 2] } },
      ],
    });
    const first = await o.worker.ok('services.importBoundaries', { geojson, codeProperty: 'adm_code' });
    expect(first).toEqual({ matched: 2, created: 0, unmatched: ['AMU'] });
    const second = await o.worker.ok('services.importBoundaries', { geojson, codeProperty: 'adm_code', createMissing: true });
    expect(second).toMatchObject({ matched: 2, created: 1 });
    const boundaries = await o.worker.ok('services.boundaries', {});
    expect(boundaries.map((b) => b.code).sort()).toEqual(['AMU', 'GUL-LAY', 'GUL-PEC']);
    await expectCode(o.worker.call('services.importBoundaries', { geojson: '{"type":"Feature"}', codeProperty: 'adm_code' }), 'VALIDATION');
  });
});

describe('search', () => {
  it('finds by category, area through the hierarchy, language and age; flags stale entries', async () => {
    const s = (input: object) => o.worker.ok('services.search', input);
    expect((await s({ category: 'education' })).services.map((x) => x.name)).toEqual(['Catch-up classes']);
    // A district-wide service reaches its sub-areas; a sub-area's service is part of its district.
    expect((await s({ areaId: o.areas.pece.id })).services.map((x) => x.name).sort()).toEqual(['Catch-up classes', 'Trauma counselling']);
    expect((await s({ areaId: o.areas.layibi.id })).services.map((x) => x.name)).toEqual(['Trauma counselling']);
    expect((await s({ areaId: o.areas.lira.id })).services).toEqual([]);
    expect((await s({ language: 'acholi' })).services.map((x) => x.name)).toEqual(['Catch-up classes']);
    expect((await s({ age: 17 })).services.map((x) => x.name)).toEqual(['Trauma counselling']);
    expect((await s({ age: 4 })).services).toEqual([]);
    const all = (await s({})).services;
    expect(all.find((x) => x.name === 'Trauma counselling')).toMatchObject({ stale: true, lastVerified: '2023-01-10' });
    expect(all.find((x) => x.name === 'Catch-up classes')).toMatchObject({ stale: false });
  });

  it('finds free words in the service’s and the provider’s names, a short word by its start, in any case', async () => {
    const names = async (text: string) => (await o.worker.ok('services.search', { text })).services.map((x) => x.name).sort();
    expect(await names('COUNSEL')).toEqual(['Trauma counselling']);
    expect(await names('ounsell')).toEqual(['Trauma counselling']);
    // Every word must match, each in any of the names: the provider's "Gulu", the service's "Trauma".
    expect(await names('gulu trauma')).toEqual(['Trauma counselling']);
    expect(await names('gulu catch')).toEqual([]);
    expect(await names('catch up')).toEqual(['Catch-up classes']);
    expect(await names('pe')).toEqual(['Catch-up classes']);
    expect(await names('"')).toEqual(['Catch-up classes', 'Trauma counselling']);
    expect(await o.worker.ok('services.search', { text: 'zzz' })).toEqual({ services: [], total: 0 });
  });

  it('follows the tree when an area moves, and counts all while showing a page', async () => {
    // Pece moved from Gulu to Lira: its school now reaches into Lira; Gulu's counselling no longer reaches Pece.
    await o.supervisor.ok('services.saveArea', { area: { id: o.areas.pece.id, code: 'GUL-PEC', name: 'Pece', parentId: o.areas.lira.id, level: 'sub-county' } });
    expect((await o.worker.ok('services.search', { areaId: o.areas.lira.id })).services.map((x) => x.name)).toEqual(['Catch-up classes']);
    expect((await o.worker.ok('services.search', { areaId: o.areas.pece.id })).services.map((x) => x.name)).toEqual(['Catch-up classes']);
    await o.supervisor.ok('services.saveArea', { area: { id: o.areas.pece.id, code: 'GUL-PEC', name: 'Pece', parentId: o.areas.gulu.id, level: 'sub-county' } });
    expect((await o.worker.ok('services.search', { areaId: o.areas.lira.id })).services).toEqual([]);
    // By provider: Gulu Counselling Centre before Pece Catch-up School.
    expect((await o.worker.ok('services.search', { areaId: o.areas.north.id })).services.map((x) => x.name)).toEqual(['Trauma counselling', 'Catch-up classes']);
    const page = await o.worker.ok('services.search', { limit: 1 });
    expect(page).toMatchObject({ total: 2, services: [{ providerName: 'Gulu Counselling Centre', areaIds: [o.areas.gulu.id] }] });
  });

  it('an office can add its own category (a supervisor), and a case worker sees it', async () => {
    await o.supervisor.ok('services.saveCategory', { key: 'nutrition_clinic', labels: { en: 'Nutrition clinic' }, create: true });
    expect((await o.worker.ok('services.categories', {})).map((c) => c.key)).toContain('nutrition_clinic');
    await expectCode(o.supervisor.call('services.saveCategory', { key: 'health', labels: { en: 'Again' }, create: true }), 'VALIDATION');
  });
});

describe('CSV import', () => {
  const good = (provider: string, service: string, areas = 'GUL-LAY') => `${provider},ngo,Achan,0772 000 111,en,,2025-08-01,${service},health,0,17,English;Acholi,free,3,${areas}`;

  it('a file with a missing and an unknown column is refused whole, each problem named, nothing written', async () => {
    const before = count('services');
    const file = csv('provider,kind_of_provider,service,category\nA,ngo,B,health\n');
    const preview = await o.worker.ok('services.previewImport', { csvBase64: file });
    expect(preview.fatal).toBe(true);
    expect(preview.problems).toEqual(
      expect.arrayContaining([
        { row: 0, column: 'kind_of_provider', code: 'unknownColumn', value: 'kind_of_provider' },
        { row: 0, column: 'provider_kind', code: 'missingColumn', value: '' },
        { row: 0, column: 'areas', code: 'missingColumn', value: '' },
      ]),
    );
    const result = await o.worker.ok('services.import', { csvBase64: file, mode: 'valid' });
    expect(result.imported).toBe(false);
    expect(count('services')).toBe(before);
  });

  it('every bad row is reported (encoding, duplicate, unknown area and category, bad values); all-or-nothing writes nothing', async () => {
    const lines = [
      header,
      good('Layibi Health Post', 'Child clinic'),
      good('Layibi Health Post', 'Child clinic'),
      good('Lira Hospital', 'Paediatrics', 'NOWHERE'),
      'Bad Kind,club,,,en,,,Clinic,health,,,,free,,GUL',
      'Odd Cat,ngo,,,en,,,Thing,astrology,,,,free,,GUL',
      'Ages,ngo,,,en,,2025-13-45,Thing,health,12,5,,free,,GUL',
    ];
    const bytes = Buffer.concat([Buffer.from(lines.join('\n') + '\n', 'utf8'), Buffer.from('Caf\xe9 Provider,ngo,,,en,,,Soup,material_support,,,,free,,GUL\n', 'latin1')]);
    const file = bytes.toString('base64');
    const before = count('services');
    const preview = await o.worker.ok('services.previewImport', { csvBase64: file });
    expect(preview).toMatchObject({ rows: 7, validRows: 1, fatal: false });
    const codes = preview.problems.map((p) => `${p.row}:${p.column}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        '2:service:duplicate',
        '3:areas:unknownArea',
        '4:provider_kind:invalid',
        '5:category:unknownCategory',
        '6:last_verified:invalid',
        '6:max_age:invalid',
        '7:provider:badEncoding',
      ]),
    );
    const all = await o.worker.ok('services.import', { csvBase64: file, mode: 'all' });
    expect(all.imported).toBe(false);
    expect(count('services')).toBe(before);
    const valid = await o.worker.ok('services.import', { csvBase64: file, mode: 'valid' });
    expect(valid).toMatchObject({ imported: true, services: 1, providers: 1, skippedRows: 6 });
    expect(count('services')).toBe(before + 1);
    const found = await o.worker.ok('services.search', { text: 'child clinic' });
    expect(found.services[0]).toMatchObject({ providerName: 'Layibi Health Post', minAge: 0, maxAge: 17, waitingDays: 3, languages: ['English', 'Acholi'], areaIds: [o.areas.layibi.id] });
  });

  it('importing the same row again updates it instead of duplicating', async () => {
    const before = count('services');
    const file = csv(`${header}\n${good('Layibi Health Post', 'Child clinic').replace(',3,', ',9,')}\n`);
    expect((await o.worker.ok('services.import', { csvBase64: file, mode: 'all' })).imported).toBe(true);
    expect(count('services')).toBe(before);
    expect((await o.worker.ok('services.search', { text: 'child clinic' })).services[0].waitingDays).toBe(9);
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula, and reads back', async () => {
    await o.worker.ok('services.saveProvider', {
      provider: { name: '=HYPERLINK("http://evil","x")', kind: 'private', phone: '+256 772 000', contactName: '@admin', address: '-1+1', services: [{ name: '\tTab', category: 'health', areaIds: [o.areas.lira.id] }] },
    });
    const { csv: text, fileName } = await o.worker.ok('services.export', {});
    expect(fileName).toMatch(/^service-directory-\d{4}-\d{2}-\d{2}\.csv$/);
    const line = text.split('\r\n').find((l) => l.includes('HYPERLINK'))!;
    expect(line.startsWith(`"'=HYPERLINK`)).toBe(true);
    expect(line).toContain(`"'+256 772 000"`);
    expect(line).toContain(`"'@admin"`);
    expect(line).toContain(`"'-1+1"`);
    // No cell of the whole file starts with a formula character.
    const cells = text.split('\r\n').slice(1).flatMap((l) => l.split('","').map((c) => c.replace(/^"/, '')));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    // Re-importing the export changes nothing and keeps the values as they were typed.
    const before = count('services');
    expect((await o.worker.ok('services.import', { csvBase64: csv(text), mode: 'all' })).imported).toBe(true);
    expect(count('services')).toBe(before);
    const evil = await o.worker.ok('services.search', { text: 'hyperlink' });
    expect(evil.services[0].providerName).toBe('=HYPERLINK("http://evil","x")');
  });
});
