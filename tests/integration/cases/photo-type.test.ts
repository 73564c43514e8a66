// The case photo's declared type is checked against its bytes, at registration and on change, and
// a stored photo whose bytes are not what it claims is never served back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InProcessClient } from '../../../electron/core/client';
import { openRawWithKey, setUpStaffedOffice, workerPassword } from '../../fixtures/core';
import { expectCode } from '../../fixtures/results';

type Office = Awaited<ReturnType<typeof setUpStaffedOffice>>;
let office: Office;
let worker: InProcessClient;

const child = {
  givenName: 'Nyokabi',
  familyName: 'Wambui',
  sex: 'female' as const,
  estimatedAgeYears: 9,
  separationReasons: ['poverty' as const],
  area: 'Kisumu',
};
const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>').toString('base64');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]).toString('base64');

beforeAll(async () => {
  office = await setUpStaffedOffice();
  worker = await office.login('wanjiru', workerPassword);
});
afterAll(() => office.cleanup());

describe('the case photo', () => {
  it('refuses HTML declared as image/jpeg at registration, and registers nothing', async () => {
    const error = await expectCode(worker.call('cases.register', { child, photo: { mime: 'image/jpeg', dataBase64: html } }), 'VALIDATION');
    expect(error.issues).toEqual([expect.objectContaining({ path: ['photo', 'dataBase64'], code: 'mimeMismatch' })]);
    expect((await worker.ok('cases.list', {})).total).toBe(0);
  });

  it('refuses it on change too, and keeps the photo there was', async () => {
    const photoConsent = { givenBy: 'caregiver' as const, giverName: 'Grace Wambui', relationship: 'aunt', method: 'written' as const };
    const row = await worker.ok('cases.register', { child, photo: { mime: 'image/jpeg', dataBase64: jpeg }, photoConsent });
    await expectCode(worker.call('cases.setPhoto', { caseId: row.id, photo: { mime: 'image/jpeg', dataBase64: html } }), 'VALIDATION');
    await expectCode(worker.call('cases.setPhoto', { caseId: row.id, photo: { mime: 'image/png', dataBase64: jpeg } }), 'VALIDATION');
    expect(await worker.ok('cases.getPhoto', { caseId: row.id })).toEqual({ mime: 'image/jpeg', dataBase64: jpeg });
  });

  it('does not serve a stored photo whose bytes are not its type (rows from before the check)', async () => {
    const row = await worker.ok('cases.register', { child: { ...child, givenName: 'Achieng' } });
    const raw = openRawWithKey(office.core);
    try {
      raw.prepare(`INSERT INTO case_photos (case_id, mime, data, updated_at) VALUES (?, 'image/jpeg', ?, ?)`).run(row.id, Buffer.from(html, 'base64'), new Date().toISOString());
    } finally {
      raw.close();
    }
    expect(await worker.ok('cases.getPhoto', { caseId: row.id })).toBeNull();
  });
});
